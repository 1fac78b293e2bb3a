using RnnTorch.Modules;
using RnnTorch.Training;
using static RnnTorch.torch;

namespace RnnTorch.Training.Tests;

public sealed class OptimizerConfigTests
{
    private static void AssertOptions(optim.Optimizer optimizer, params (string Name, double Value)[] expected)
    {
        foreach (var (name, value) in expected)
        {
            Assert.True(optimizer.defaults.ContainsKey(name), $"{optimizer.GetType().Name} has no option {name}");
            Assert.Equal(value, optimizer.defaults[name]);
            Assert.Equal(value, optimizer.param_groups[0][name]);
        }
    }

    [Fact]
    public void SgdGetsEveryField()
    {
        using var model = nn.Linear(3, 2);
        var config = new OptimizerConfig { Name = "sgd", LearningRate = 0.5, WeightDecay = 0.01, Momentum = 0.7, Nesterov = true };
        using var optimizer = config.Create(model.parameters());
        Assert.IsType<SGD>(optimizer);
        AssertOptions(optimizer, ("lr", 0.5), ("momentum", 0.7), ("dampening", 0), ("weight_decay", 0.01), ("nesterov", 1), ("maximize", 0));
        Assert.Equal(2, optimizer.parameters().Count());
    }

    [Theory]
    [InlineData("adam", false)]
    [InlineData("adamw", true)]
    [InlineData("adam", true)]
    public void AdamAndAdamWGetEveryField(string name, bool amsgrad)
    {
        using var model = nn.Linear(3, 2);
        var config = new OptimizerConfig { Name = name, LearningRate = 0.02, WeightDecay = 0.1, Beta1 = 0.8, Beta2 = 0.9, Eps = 1e-6, Amsgrad = amsgrad };
        using var optimizer = config.Create(model.parameters());
        Assert.IsType(name == "adam" ? typeof(Adam) : typeof(AdamW), optimizer);
        AssertOptions(optimizer, ("lr", 0.02), ("beta1", 0.8), ("beta2", 0.9), ("eps", 1e-6), ("weight_decay", 0.1), ("amsgrad", amsgrad ? 1 : 0), ("maximize", 0));
    }

    [Fact]
    public void AdamWKeepsTheConfiguredWeightDecayOfZero()
    {
        using var model = nn.Linear(3, 2);
        using var optimizer = new OptimizerConfig { Name = "adamw" }.Create(model.parameters());
        AssertOptions(optimizer, ("weight_decay", 0));
    }

    [Fact]
    public void RmsPropGetsEveryField()
    {
        using var model = nn.Linear(3, 2);
        var config = new OptimizerConfig { Name = "rmsprop", LearningRate = 0.03, WeightDecay = 0.2, Momentum = 0.5, Eps = 1e-5 };
        using var optimizer = config.Create(model.parameters());
        Assert.IsType<RMSProp>(optimizer);
        AssertOptions(optimizer, ("lr", 0.03), ("alpha", 0.99), ("eps", 1e-5), ("weight_decay", 0.2), ("momentum", 0.5), ("centered", 0), ("maximize", 0));
    }

    [Fact]
    public void AdagradGetsEveryField()
    {
        using var model = nn.Linear(3, 2);
        var config = new OptimizerConfig { Name = "adagrad", LearningRate = 0.04, WeightDecay = 0.3, Eps = 1e-7 };
        using var optimizer = config.Create(model.parameters());
        Assert.IsType<Adagrad>(optimizer);
        AssertOptions(optimizer, ("lr", 0.04), ("lr_decay", 0), ("eps", 1e-7), ("weight_decay", 0.3), ("initial_accumulator_value", 0), ("maximize", 0));
    }

    [Fact]
    public void DefaultConfigMakesAdamWithPyTorchsDefaults()
    {
        using var model = nn.Linear(3, 2);
        using var optimizer = new OptimizerConfig().Create(model.parameters());
        Assert.IsType<Adam>(optimizer);
        AssertOptions(optimizer, ("lr", 1e-3), ("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-8), ("weight_decay", 0), ("amsgrad", 0));
    }

    [Fact]
    public void CreateRefusesAnInvalidConfigNamingTheKeys()
    {
        using var model = nn.Linear(3, 2);
        var e = Assert.Throws<ConfigException>(() => new OptimizerConfig { Name = "sgdd", LearningRate = -1 }.Create(model.parameters()));
        Assert.Equal(new[] { "optimizer.name", "optimizer.learningRate" }, e.Keys);
        Assert.Contains("\"sgdd\"", e.Message);
        Assert.Throws<ArgumentNullException>(() => new OptimizerConfig().Create(null!));
    }

    [Fact]
    public void TheOptimizerMakesTheStepItsFormulaGives()
    {
        // SGD with momentum 0.5, lr 0.1 on f(w) = w² / 2 (gradient w) from w = 1: b1 = 1, w1 = 0.9; b2 = 0.5·1 + 0.9 = 1.4, w2 = 0.9 − 0.14 = 0.76.
        var w = new nn.Parameter(tensor(new[] { 1.0 }, ScalarType.Float64));
        using var optimizer = new OptimizerConfig { Name = "sgd", LearningRate = 0.1, Momentum = 0.5 }.Create(new[] { w });
        for (int i = 0; i < 2; i++)
        {
            optimizer.zero_grad();
            using var loss = w.pow(2).sum() / 2;
            loss.backward();
            optimizer.step();
        }
        Assert.Equal(0.76, w.data<double>()[0], 12);
    }
}
