using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Tests;

/// <summary>
/// nn.Module's bookkeeping with the built-in layers: registration names (written from PyTorch's naming rules: a field's
/// name, then its own parameters' names, joined by dots; list items by position), state dicts, loading, modes,
/// gradients, dtype moves and disposal.
/// </summary>
public sealed class ModuleTests
{
    /// <summary>A model with an embedding, a list of two linear layers, a bias-free head and two buffers.</summary>
    private sealed class Net : Module<Tensor, Tensor>
    {
        private readonly Embedding embed;
        private readonly ModuleList layers;
        private readonly Linear head;
        private readonly Tensor scale;

        public Net() : base(nameof(Net))
        {
            embed = Embedding(10, 4);
            layers = ModuleList(Linear(4, 6), Linear(6, 3));
            head = Linear(3, 1, hasBias: false);
            scale = ones(1);
            register_buffer("cache", zeros(2), persistent: false);
            RegisterComponents();
        }

        public Tensor Scale => scale;

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            var h = embed.call(input);
            h = ((Linear)layers[0]).call(h).tanh();
            h = ((Linear)layers[1]).call(h).tanh();
            return (head.call(h) * scale).MoveToOuterDisposeScope();
        }
    }

    private static readonly string[] NetParameterNames =
        { "embed.weight", "layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias", "head.weight" };

    private static double[] Values(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    [Fact]
    public void NamedParametersFollowPyTorchNaming()
    {
        using var net = new Net();
        Assert.Equal(NetParameterNames, net.named_parameters().Select(p => p.name).ToArray());
        // Registration order: "cache" is registered by hand before RegisterComponents adds the field "scale".
        Assert.Equal(new[] { "cache", "scale" }, net.named_buffers().Select(b => b.name).ToArray());
        Assert.Equal(new[] { "", "embed", "layers", "layers.0", "layers.1", "head" }, net.named_modules().Select(m => m.name).ToArray());
        // The shapes PyTorch gives these layers: Embedding (num, dim), Linear (out, in) and (out).
        var shapes = net.named_parameters().Select(p => p.parameter.shape).ToArray();
        Assert.Equal(new long[] { 10, 4 }, shapes[0]);
        Assert.Equal(new long[] { 6, 4 }, shapes[1]);
        Assert.Equal(new long[] { 6 }, shapes[2]);
        Assert.Equal(new long[] { 3, 6 }, shapes[3]);
        Assert.Equal(new long[] { 3 }, shapes[4]);
        Assert.Equal(new long[] { 1, 3 }, shapes[5]);
    }

    [Fact]
    public void SequentialNamesItsModulesByPosition()
    {
        using var seq = Sequential(Linear(2, 3), Tanh(), Linear(3, 1), ReLU(), Dropout(0.1), Identity());
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, seq.named_parameters().Select(p => p.name).ToArray());
        Assert.Equal(new[] { "0", "1", "2", "3", "4", "5" }, seq.named_children().Select(c => c.name).ToArray());
    }

    [Fact]
    public void AbsentParametersAreRegisteredButLeftOutOfStateDict()
    {
        using var lin = Linear(3, 2, hasBias: false);
        using var ln = LayerNorm(new long[] { 4 }, elementwise_affine: false);
        Assert.Null(lin.bias);
        Assert.Equal(new[] { "weight" }, lin.state_dict().Keys.ToArray());
        Assert.Empty(ln.state_dict());
        Assert.Empty(ln.parameters());
        // The names are taken: registering another parameter under them fails.
        using var p = new Parameter(zeros(2));
        Assert.Throws<ArgumentException>(() => lin.register_parameter("bias", p));
        Assert.Throws<ArgumentException>(() => ln.register_parameter("weight", p));
    }

    [Fact]
    public void StateDictHoldsParametersAndPersistentBuffersInPyTorchOrder()
    {
        using var net = new Net();
        // PyTorch: a module's own parameters, then its own persistent buffers, then each child's, depth first.
        Assert.Equal(new[] { "scale" }.Concat(NetParameterNames).ToArray(), net.state_dict().Keys.ToArray());
        Assert.DoesNotContain("cache", net.state_dict().Keys);
    }

    [Fact]
    public void StateDictRoundTripGivesIdenticalOutputs()
    {
        using var scope = NewDisposeScope();
        using var a = new Net();
        using var b = new Net();
        using (no_grad()) a.Scale.fill_(3.0);
        var input = tensor(new long[] { 0, 3, 9, 3, 7 }, new long[] { 5 });
        var before = Values(b.call(input));
        var loaded = b.load_state_dict(a.state_dict());
        Assert.Empty(loaded.missing_keys);
        Assert.Empty(loaded.unexpected_keys);
        var expected = Values(a.call(input));
        var got = Values(b.call(input));
        Assert.Equal(expected, got);
        Assert.NotEqual(before, got);
        Assert.Equal(3.0, b.Scale.item<double>());
        // Loading copies values: the two models do not share storage afterwards.
        using (no_grad()) a.parameters().First().fill_(0.0);
        Assert.NotEqual(0.0, Values(b.parameters().First()).Select(Math.Abs).Max());
    }

    [Fact]
    public void LoadStateDictNamesEveryMissingUnexpectedAndMisShapedKey()
    {
        using var scope = NewDisposeScope();
        using var a = new Net();
        using var b = new Net();
        var original = Values(b.parameters().First());
        var source = new Dictionary<string, Tensor>(a.state_dict());
        source.Remove("head.weight");
        source["extra.weight"] = zeros(3);
        source["layers.0.bias"] = zeros(7);
        var ex = Assert.Throws<ArgumentException>(() => b.load_state_dict(source));
        Assert.Contains("head.weight", ex.Message);
        Assert.Contains("extra.weight", ex.Message);
        Assert.Contains("layers.0.bias", ex.Message);
        Assert.Equal(original, Values(b.parameters().First()));

        // Not strict: missing and unexpected keys are reported, the rest loaded; a mis-shaped key still fails.
        var e2 = Assert.Throws<ArgumentException>(() => b.load_state_dict(source, strict: false));
        Assert.Contains("layers.0.bias", e2.Message);
        Assert.Equal(original, Values(b.parameters().First()));

        source.Remove("layers.0.bias");
        var (missing, unexpected) = b.load_state_dict(source, strict: false);
        Assert.Equal(new[] { "layers.0.bias", "head.weight" }, missing.ToArray());
        Assert.Equal(new[] { "extra.weight" }, unexpected.ToArray());
        var aParams = a.named_parameters().ToDictionary(p => p.name, p => Values(p.parameter));
        var bParams = b.named_parameters().ToDictionary(p => p.name, p => Values(p.parameter));
        Assert.Equal(aParams["embed.weight"], bParams["embed.weight"]);
        Assert.Equal(aParams["layers.1.weight"], bParams["layers.1.weight"]);
        Assert.NotEqual(aParams["layers.0.bias"], bParams["layers.0.bias"]);
        Assert.NotEqual(aParams["head.weight"], bParams["head.weight"]);
    }

    [Fact]
    public void TrainAndEvalAreRecursiveAndDropoutFollowsThem()
    {
        using var scope = NewDisposeScope();
        var drop = Dropout(0.5);
        using var model = Sequential(Linear(4, 4), Sequential(Tanh(), drop));
        Assert.All(model.modules(), m => Assert.True(m.training));
        model.eval();
        Assert.All(model.modules(), m => Assert.False(m.training));

        var x = ones(2000);
        // Evaluation: the input passes unchanged.
        Assert.Equal(Values(x), Values(drop.call(x)));
        model.train();
        Assert.True(drop.training);
        // Training: each element is 0 or 1/(1 − p) = 2, and about half are zeroed.
        var y = Values(drop.call(x));
        Assert.All(y, v => Assert.True(v == 0.0 || v == 2.0, $"value {v}"));
        int zeroCount = y.Count(v => v == 0.0);
        Assert.InRange(zeroCount, 800, 1200);
        model.train(false);
        Assert.False(drop.training);
    }

    [Fact]
    public void ZeroGradClearsOrZeroesEveryGradient()
    {
        using var scope = NewDisposeScope();
        using var net = new Net();
        var input = tensor(new long[] { 1, 2, 3 }, new long[] { 3 });
        net.call(input).sum().backward();
        Assert.All(net.parameters(), p => Assert.NotNull(p.grad));
        net.zero_grad(set_to_none: false);
        Assert.All(net.parameters(), p => Assert.All(Values(p.grad!), v => Assert.Equal(0.0, v)));
        net.zero_grad();
        Assert.All(net.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void ToFloat64ConvertsParametersInPlace()
    {
        using var scope = NewDisposeScope();
        using var model = Sequential(Linear(3, 5), Tanh(), LayerNorm(5), Linear(5, 2));
        var parameters = model.parameters().ToArray();
        var before = parameters.Select(Values).ToArray();
        Assert.All(parameters, p => Assert.Equal(ScalarType.Float32, p.dtype));
        var same = model.to(ScalarType.Float64);
        Assert.Same(model, same);
        var after = model.parameters().ToArray();
        Assert.Equal(parameters.Length, after.Length);
        for (int i = 0; i < parameters.Length; i++)
        {
            Assert.Same(parameters[i], after[i]);
            Assert.Equal(ScalarType.Float64, after[i].dtype);
            Assert.True(after[i].requires_grad);
            Assert.Equal(before[i], Values(after[i]));
        }
        var y = model.call(randn(4, 3, float64));
        Assert.Equal(ScalarType.Float64, y.dtype);
    }

    [Fact]
    public void DisposeFreesEveryParameterAndBuffer()
    {
        var net = new Net();
        var tensors = net.parameters().Cast<Tensor>().Concat(net.buffers()).ToArray();
        Assert.Equal(8, tensors.Length);
        Assert.All(tensors, t => Assert.False(t.IsInvalid));
        net.Dispose();
        Assert.All(tensors, t => Assert.True(t.IsInvalid));
        net.Dispose(); // a second dispose is harmless
    }
}
