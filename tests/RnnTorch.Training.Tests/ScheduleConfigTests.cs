using RnnTorch.Modules;
using RnnTorch.Training;
using static RnnTorch.torch;
using static RnnTorch.torch.optim.lr_scheduler;

namespace RnnTorch.Training.Tests;

public sealed class ScheduleConfigTests : IDisposable
{
    private readonly Modules.Linear model = nn.Linear(3, 2);

    public void Dispose() => model.Dispose();

    private optim.Optimizer Sgd(double lr = 0.1, double momentum = 0) => optim.SGD(model.parameters(), lr, momentum);

    /// <summary>The learning rate of epochs (or steps) 0 … <paramref name="count"/> − 1, stepping the scheduler between them.</summary>
    private static double[] Lrs(LRScheduler scheduler, optim.Optimizer optimizer, int count)
    {
        var result = new double[count];
        for (int i = 0; i < count; i++)
        {
            if (i > 0) scheduler.step();
            result[i] = optimizer.param_groups[0].LearningRate;
        }
        return result;
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"at {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Theory]
    [InlineData("none", false, false)]
    [InlineData("step", false, false)]
    [InlineData("multistep", false, false)]
    [InlineData("exponential", false, false)]
    [InlineData("cosine", false, false)]
    [InlineData("warmup", true, false)]
    [InlineData("onecycle", true, false)]
    [InlineData("plateau", false, true)]
    public void PerStepAndStepsOnMetric(string name, bool perStep, bool onMetric)
    {
        var config = new ScheduleConfig { Name = name };
        Assert.Equal(perStep, config.PerStep);
        Assert.Equal(onMetric, config.StepsOnMetric);
    }

    [Fact]
    public void NoneMakesNoScheduler()
    {
        using var optimizer = Sgd();
        Assert.Null(new ScheduleConfig().Create(optimizer, 5, 3));
        Assert.Equal(0.1, optimizer.param_groups[0].LearningRate);
    }

    [Fact]
    public void StepDecaysByGammaEveryStepSizeEpochs()
    {
        using var optimizer = Sgd();
        var scheduler = new ScheduleConfig { Name = "step", StepSize = 2, Gamma = 0.5 }.Create(optimizer, 5, 10)!;
        Assert.IsType<impl.StepLR>(scheduler);
        AssertClose(new[] { 0.1, 0.1, 0.05, 0.05, 0.025 }, Lrs(scheduler, optimizer, 5));
    }

    [Fact]
    public void MultiStepDecaysAtTheMilestones()
    {
        using var optimizer = Sgd();
        var scheduler = new ScheduleConfig { Name = "multistep", Milestones = new[] { 1, 3 }, Gamma = 0.2 }.Create(optimizer, 5, 10)!;
        Assert.IsType<impl.MultiStepLR>(scheduler);
        AssertClose(new[] { 0.1, 0.02, 0.02, 0.004, 0.004 }, Lrs(scheduler, optimizer, 5));
    }

    [Fact]
    public void ExponentialDecaysEveryEpoch()
    {
        using var optimizer = Sgd();
        var scheduler = new ScheduleConfig { Name = "exponential", Gamma = 0.5 }.Create(optimizer, 5, 10)!;
        Assert.IsType<impl.ExponentialLR>(scheduler);
        AssertClose(new[] { 0.1, 0.05, 0.025, 0.0125 }, Lrs(scheduler, optimizer, 4));
    }

    [Theory]
    [InlineData(null, 4)]
    [InlineData(2, 2)]
    public void CosineAnnealsOverTMaxOrTheRunsEpochs(int? tMax, int period)
    {
        using var optimizer = Sgd();
        var scheduler = new ScheduleConfig { Name = "cosine", TMax = tMax, EtaMin = 0.01 }.Create(optimizer, 5, 4)!;
        Assert.IsType<impl.CosineAnnealingLR>(scheduler);
        // eta_t = eta_min + (lr − eta_min)(1 + cos(π t / T_max)) / 2 (PyTorch's CosineAnnealingLR, closed form), t ≤ T_max.
        var expected = Enumerable.Range(0, period + 1).Select(t => 0.01 + (0.1 - 0.01) * (1 + Math.Cos(Math.PI * t / period)) / 2).ToArray();
        AssertClose(expected, Lrs(scheduler, optimizer, period + 1));
    }

    [Fact]
    public void WarmupRisesLinearlyOverWarmupStepsThenHolds()
    {
        using var optimizer = Sgd();
        var scheduler = new ScheduleConfig { Name = "warmup", WarmupSteps = 4, StartFactor = 0.2 }.Create(optimizer, 5, 10)!;
        Assert.IsType<impl.LinearLR>(scheduler);
        // factor_t = start + (1 − start)·min(t, total) / total.
        AssertClose(new[] { 0.02, 0.04, 0.06, 0.08, 0.1, 0.1 }, Lrs(scheduler, optimizer, 6));
    }

    [Fact]
    public void OneCycleSpansTheWholeRunAndCyclesAdamsBeta1()
    {
        using var optimizer = optim.Adam(model.parameters(), 0.1);
        var scheduler = new ScheduleConfig { Name = "onecycle", MaxLearningRate = 1.0 }.Create(optimizer, 5, 2)!;
        var oneCycle = Assert.IsType<impl.OneCycleLR>(scheduler);
        Assert.Equal(10, oneCycle.total_steps);
        // Starts at max_lr / div_factor (25) with beta1 at max_momentum (0.95); reaches max_lr at step 0.3·10 − 1 = 2 with beta1 at base_momentum (0.85).
        Assert.Equal(0.04, optimizer.param_groups[0].LearningRate, 12);
        Assert.Equal(0.95, optimizer.param_groups[0]["beta1"], 12);
        scheduler.step();
        scheduler.step();
        Assert.Equal(1.0, optimizer.param_groups[0].LearningRate, 12);
        Assert.Equal(0.85, optimizer.param_groups[0]["beta1"], 12);
    }

    [Fact]
    public void OneCyclePeaksAtTheOptimizersRateWhenMaxLearningRateIsNull()
    {
        using var optimizer = Sgd(lr: 0.5);
        var scheduler = new ScheduleConfig { Name = "onecycle" }.Create(optimizer, 10, 1)!;
        Assert.Equal(0.5 / 25, optimizer.param_groups[0].LearningRate, 12);
        Assert.Equal(10, ((impl.OneCycleLR)scheduler).total_steps);
        scheduler.step();
        scheduler.step();
        Assert.Equal(0.5, optimizer.param_groups[0].LearningRate, 12);
        // SGD without momentum: momentum is not cycled (it stays 0).
        Assert.Equal(0, optimizer.param_groups[0]["momentum"]);
    }

    [Fact]
    public void OneCycleCyclesSgdMomentumWhenItIsOn()
    {
        using var optimizer = Sgd(momentum: 0.9);
        new ScheduleConfig { Name = "onecycle" }.Create(optimizer, 4, 5);
        Assert.Equal(0.95, optimizer.param_groups[0]["momentum"], 12);
    }

    [Fact]
    public void OneCycleWorksWithAdagrad()
    {
        using var optimizer = optim.Adagrad(model.parameters(), 0.2);
        var scheduler = new ScheduleConfig { Name = "onecycle" }.Create(optimizer, 4, 5);
        Assert.IsType<impl.OneCycleLR>(scheduler);
        Assert.Equal(0.2 / 25, optimizer.param_groups[0].LearningRate, 12);
    }

    [Theory]
    [InlineData(MetricGoal.Minimize, new[] { 1.0, 1.0, 1.0 }, 0.05)]
    [InlineData(MetricGoal.Minimize, new[] { 1.0, 2.0, 3.0 }, 0.05)]
    [InlineData(MetricGoal.Maximize, new[] { 1.0, 2.0, 3.0 }, 0.1)]
    [InlineData(MetricGoal.Maximize, new[] { 3.0, 2.0, 1.0 }, 0.05)]
    public void PlateauReducesByFactorAfterPatienceEvaluationsWithoutImprovement(MetricGoal goal, double[] metrics, double finalLr)
    {
        using var optimizer = Sgd();
        var scheduler = new ScheduleConfig { Name = "plateau", Factor = 0.5, Patience = 1 }.Create(optimizer, 5, 10, goal)!;
        Assert.IsType<impl.ReduceLROnPlateau>(scheduler);
        foreach (var m in metrics) scheduler.step(m);
        Assert.Equal(finalLr, optimizer.param_groups[0].LearningRate, 12);
    }

    [Fact]
    public void CreateChecksItsArgumentsAndTheConfig()
    {
        using var optimizer = Sgd();
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduleConfig { Name = "step" }.Create(optimizer, 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduleConfig { Name = "step" }.Create(optimizer, 3, 0));
        Assert.Throws<ArgumentNullException>(() => new ScheduleConfig().Create(null!, 3, 3));
        var e = Assert.Throws<ConfigException>(() => new ScheduleConfig { Name = "cosin", StepSize = 0 }.Create(optimizer, 3, 3));
        Assert.Equal(new[] { "schedule.name", "schedule.stepSize" }, e.Keys);
        Assert.Equal(0.1, optimizer.param_groups[0].LearningRate);
    }
}
