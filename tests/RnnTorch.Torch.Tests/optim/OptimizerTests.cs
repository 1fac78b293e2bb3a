using RnnTorch.Modules;
using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>What every optimizer shares: parameter groups, zero_grad, closures, the state dict, argument checks, memory.</summary>
public sealed class OptimizerTests
{
    private static double[] Vals(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64, CPU);
        return d.data<double>().ToArray();
    }

    [Fact]
    public void EachGroupUsesItsOwnOptions()
    {
        using var a = new Quadratic();
        using var b = new Quadratic();
        using var opt = optim.SGD(new[]
        {
            new optim.ParamGroup(new[] { a.P }),
            new optim.ParamGroup(new[] { b.P }, lr: 0.01, options: new Dictionary<string, double> { ["momentum"] = 0.9 }),
        }, lr: 0.1);
        Assert.Equal(0.1, opt.param_groups[0].lr);
        Assert.Equal(0.0, opt.param_groups[0]["momentum"]);
        Assert.Equal(0.01, opt.param_groups[1].lr);
        Assert.Equal(0.9, opt.param_groups[1]["momentum"]);

        var pa = Quadratic.Start.ToArray();
        var pb = Quadratic.Start.ToArray();
        var buf = new double[6];
        for (int step = 0; step < 3; step++)
        {
            if (step == 2) opt.param_groups[0].LearningRate = 0.5; // a scheduler's change takes effect at the next step
            a.Backward();
            b.Backward();
            opt.step();
            double lrA = step == 2 ? 0.5 : 0.1;
            var ga = Quadratic.Grad(pa);
            var gb = Quadratic.Grad(pb);
            for (int i = 0; i < 6; i++)
            {
                pa[i] -= lrA * ga[i];
                buf[i] = step == 0 ? gb[i] : 0.9 * buf[i] + gb[i];
                pb[i] -= 0.01 * buf[i];
            }
            TensorAssert.Close(pa, Quadratic.Shape, a.P, 1e-12, 1e-14);
            TensorAssert.Close(pb, Quadratic.Shape, b.P, 1e-12, 1e-14);
        }
    }

    [Fact]
    public void AddParamGroupFillsDefaultsAndChecksIt()
    {
        using var a = new Quadratic();
        using var b = new Quadratic();
        using var c = new Quadratic();
        using var opt = optim.Adam(new[] { a.P }, lr: 0.01, beta1: 0.8);
        var g = new optim.ParamGroup(new[] { b.P }, lr: 0.5);
        opt.add_param_group(g);
        Assert.Equal(2, opt.param_groups.Count);
        Assert.Equal(0.5, g.lr);
        Assert.Equal(0.8, g["beta1"]);
        Assert.Equal(new[] { a.P, b.P }, opt.parameters());

        var dup = Assert.Throws<ArgumentException>(() => opt.add_param_group(new optim.ParamGroup(new[] { c.P, a.P })));
        Assert.Equal("param_group", dup.ParamName);
        Assert.Contains("another parameter group", dup.Message);
        var twice = Assert.Throws<ArgumentException>(() => opt.add_param_group(new optim.ParamGroup(new[] { c.P, c.P })));
        Assert.Contains("twice", twice.Message);
        var unknown = Assert.Throws<ArgumentException>(() => opt.add_param_group(
            new optim.ParamGroup(new[] { c.P }, options: new Dictionary<string, double> { ["momentum"] = 0.9 })));
        Assert.Contains("momentum", unknown.Message);
        var bad = Assert.Throws<ArgumentException>(() => opt.add_param_group(
            new optim.ParamGroup(new[] { c.P }, options: new Dictionary<string, double> { ["beta1"] = 1.5 })));
        Assert.Contains("beta1", bad.Message);
        Assert.Contains("1.5", bad.Message);
        Assert.Throws<ArgumentException>(() => opt.add_param_group(g));
        Assert.Equal(2, opt.param_groups.Count);
    }

    [Fact]
    public void GroupOptionsAreCheckedWhenSet()
    {
        using var a = new Quadratic();
        using var opt = optim.SGD(new[] { a.P }, 0.1);
        var g = opt.param_groups[0];
        g["momentum"] = 0.5;
        Assert.Equal(0.5, g["momentum"]);
        Assert.Equal("momentum", Assert.Throws<ArgumentException>(() => g["momentum"] = -1).ParamName);
        Assert.Equal("lr", Assert.Throws<ArgumentException>(() => g.LearningRate = -0.1).ParamName);
        Assert.Throws<ArgumentException>(() => g["betas"] = 0.9);
        Assert.Throws<ArgumentException>(() => g["no_such_option"]);
    }

    [Fact]
    public void EmptyParameterListIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => optim.SGD(Array.Empty<nn.Parameter>(), 0.1));
        Assert.Equal("parameters", e.ParamName);
        Assert.Contains("empty", e.Message);
        Assert.Throws<ArgumentException>(() => optim.Adam(Array.Empty<optim.ParamGroup>()));
        Assert.Throws<ArgumentNullException>(() => optim.Adam((IEnumerable<nn.Parameter>)null!));
    }

    [Fact]
    public void ZeroGradClearsOrZeroesEveryGradient()
    {
        using var a = new Quadratic();
        using var b = new Quadratic();
        using var opt = optim.SGD(new[] { a.P, b.P }, 0.1);
        a.Backward();
        b.Backward();
        opt.zero_grad(set_to_none: false);
        using (var ga = a.P.grad)
        {
            Assert.NotNull(ga);
            TensorAssert.Close(new double[6], Quadratic.Shape, ga!, 0, 0);
        }
        opt.zero_grad();
        Assert.Null(a.P.grad);
        Assert.Null(b.P.grad);
    }

    [Fact]
    public void StepWithClosureEvaluatesItAndReturnsTheLoss()
    {
        using var scope = NewDisposeScope();
        using var q = new Quadratic();
        using var opt = optim.SGD(new[] { q.P }, 0.1);
        int calls = 0;
        var loss = opt.step(() =>
        {
            calls++;
            opt.zero_grad();
            var l = q.P.square().sum();
            l.backward();
            return l;
        });
        Assert.Equal(1, calls);
        Assert.Equal(Quadratic.Start.Sum(v => v * v), loss.item<double>(), 12);
        TensorAssert.Close(Quadratic.Start.Select(v => v - 0.1 * 2 * v).ToArray(), Quadratic.Shape, q.P, 1e-12, 1e-14);
    }

    /// <summary>Optimizer factories making each kind with the same two parameter groups.</summary>
    public static TheoryData<string> Kinds => new() { "SGD", "Adam", "AdamW", "RMSProp", "Adagrad" };

    private static optim.Optimizer Make(string kind, nn.Parameter p1, nn.Parameter p2)
    {
        var groups = new[]
        {
            new optim.ParamGroup(new[] { p1 }),
            new optim.ParamGroup(new[] { p2 }, lr: 0.003),
        };
        return kind switch
        {
            "SGD" => optim.SGD(groups, 0.01, momentum: 0.9, dampening: 0.1, weight_decay: 0.01),
            "Adam" => optim.Adam(groups, 0.01, weight_decay: 0.01, amsgrad: true),
            "AdamW" => optim.AdamW(groups, 0.01),
            "RMSProp" => optim.RMSProp(groups, 0.01, momentum: 0.5, centered: true),
            "Adagrad" => optim.Adagrad(groups, 0.1, lr_decay: 0.1),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>
    /// Three steps, save, load into a fresh optimizer over copies of the parameters, two more steps: the copies must
    /// match an optimizer that ran five steps without interruption, bit for bit.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void StateDictRoundTripContinuesAsIfUninterrupted(string kind)
    {
        using var scope = NewDisposeScope();
        using var a1 = new Quadratic();
        using var a2 = new Quadratic(Quadratic.Start.Select(v => -v).ToArray());
        using var opt = Make(kind, a1.P, a2.P);
        for (int step = 0; step < 3; step++)
        {
            a1.Backward();
            a2.Backward();
            opt.step();
        }
        opt.param_groups[0].LearningRate = 0.02; // a changed learning rate travels with the state
        var sd = opt.state_dict();
        Assert.Equal(new long[] { 0 }, sd["param_groups.0.params"].data<long>().ToArray());
        Assert.Equal(new long[] { 1 }, sd["param_groups.1.params"].data<long>().ToArray());
        Assert.Equal(0.003, sd["param_groups.1.lr"].item<double>());
        Assert.Equal(ScalarType.Float64, sd["param_groups.0.lr"].dtype);
        Assert.Empty(sd["param_groups.0.lr"].shape);

        using var b1 = new Quadratic(a1.Values());
        using var b2 = new Quadratic(a2.Values());
        using var resumed = Make(kind, b1.P, b2.P);
        using var fresh = new Quadratic(a1.Values());
        using var fresh2 = new Quadratic(a2.Values());
        using var freshOpt = Make(kind, fresh.P, fresh2.P);
        resumed.load_state_dict(sd);
        Assert.Equal(0.02, resumed.param_groups[0].lr);
        foreach (var t in sd.Values) t.Dispose(); // the loaded state is a copy

        for (int step = 0; step < 2; step++)
        {
            foreach (var q in new[] { a1, a2, b1, b2, fresh, fresh2 }) q.Backward();
            opt.step();
            resumed.step();
            freshOpt.step();
        }
        TensorAssert.Close(a1.Values(), Quadratic.Shape, b1.P, 0, 0);
        TensorAssert.Close(a2.Values(), Quadratic.Shape, b2.P, 0, 0);
        Assert.True(a1.Values().Zip(fresh.Values()).Any(x => x.First != x.Second), "without the state the steps should differ");
    }

    [Fact]
    public void StateDictIsACopy()
    {
        using var scope = NewDisposeScope();
        using var q = new Quadratic();
        using var opt = optim.Adam(new[] { q.P }, 0.01);
        q.Backward();
        opt.step();
        var sd = opt.state_dict();
        var before = Vals(sd["state.0.exp_avg"]);
        sd["state.0.exp_avg"].fill_(123.0);
        q.Backward();
        opt.step();
        var after = opt.state_dict();
        Assert.DoesNotContain(123.0, Vals(after["state.0.exp_avg"]));
        Assert.NotEqual(before, Vals(after["state.0.exp_avg"]));
    }

    [Fact]
    public void LoadStateDictRejectsMismatchesAndLoadsNothing()
    {
        using var scope = NewDisposeScope();
        using var q = new Quadratic();
        using var other = new Quadratic();
        using var sgd = optim.SGD(new[] { q.P }, 0.1, momentum: 0.9);
        q.Backward();
        sgd.step();
        var sgdState = sgd.state_dict();

        using var adam = optim.Adam(new[] { other.P }, 0.01);
        var wrongKind = Assert.Throws<ArgumentException>(() => adam.load_state_dict(sgdState));
        Assert.Contains("momentum", wrongKind.Message);
        Assert.Equal(0.01, adam.param_groups[0].lr);

        using var two = optim.SGD(new[] { new optim.ParamGroup(new[] { other.P }), new optim.ParamGroup(Array.Empty<nn.Parameter>()) }, 0.1, momentum: 0.9);
        Assert.Contains("param_groups.1", Assert.Throws<ArgumentException>(() => two.load_state_dict(sgdState)).Message);

        using var small = new nn.Parameter(zeros(3, ScalarType.Float64));
        using var shaped = optim.SGD(new[] { small }, 0.5, momentum: 0.9);
        var misShaped = Assert.Throws<ArgumentException>(() => shaped.load_state_dict(sgdState));
        Assert.Contains("momentum_buffer", misShaped.Message);
        Assert.Equal(0.5, shaped.param_groups[0].lr);

        var extra = new Dictionary<string, Tensor>(sgdState) { ["state.0.bogus"] = zeros(2, 3) };
        using var same = optim.SGD(new[] { other.P }, 0.5, momentum: 0.9);
        Assert.Contains("bogus", Assert.Throws<ArgumentException>(() => same.load_state_dict(extra)).Message);
        var missing = new Dictionary<string, Tensor>(sgdState);
        missing.Remove("param_groups.0.dampening");
        Assert.Contains("param_groups.0.dampening", Assert.Throws<ArgumentException>(() => same.load_state_dict(missing)).Message);
        Assert.Equal(0.5, same.param_groups[0].lr);
    }

    [Fact]
    public void LoadedStateIsCastToTheParameterDtype()
    {
        using var scope = NewDisposeScope();
        using var q = new Quadratic();
        using var opt = optim.Adam(new[] { q.P }, 0.01);
        q.Backward();
        opt.step();
        var sd = opt.state_dict();
        using var p32 = new nn.Parameter(zeros(2, 3, ScalarType.Float32));
        using var opt32 = optim.Adam(new[] { p32 }, 0.01);
        opt32.load_state_dict(sd);
        var back = opt32.state_dict();
        Assert.Equal(ScalarType.Float32, back["state.0.exp_avg"].dtype);
        Assert.Equal(ScalarType.Float64, back["state.0.step"].dtype);
        TensorAssert.Close(Vals(sd["state.0.exp_avg"]), Quadratic.Shape, back["state.0.exp_avg"], 1e-6, 1e-8);
    }

    /// <summary>Steps create their temporaries in their own scopes: nothing lands in the caller's scope, and state survives it.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void StepLeavesNoTensorsInTheCallersScope(string kind)
    {
        using var a1 = new Quadratic();
        using var a2 = new Quadratic();
        using var opt = Make(kind, a1.P, a2.P);
        for (int step = 0; step < 3; step++)
        {
            a1.Backward();
            a2.Backward();
            using var scope = NewDisposeScope();
            opt.step();
            Assert.Equal(0, scope.DisposablesCount);
        }
        using var check = NewDisposeScope();
        var sd = opt.state_dict();
        Assert.Contains(sd.Keys, k => k.StartsWith("state.0.", StringComparison.Ordinal));
        Assert.Contains(sd.Keys, k => k.StartsWith("state.1.", StringComparison.Ordinal));
    }

    [Fact]
    public void DisposedOptimizerCannotStep()
    {
        using var q = new Quadratic();
        var opt = optim.Adam(new[] { q.P });
        q.Backward();
        opt.step();
        opt.Dispose();
        opt.Dispose();
        Assert.Throws<ObjectDisposedException>(() => opt.step());
        Assert.False(q.P.IsInvalid);
    }

    [Fact]
    public void OptimizerTypesLiveInModules()
    {
        using var q = new Quadratic();
        using var opt = optim.RMSProp(new[] { q.P });
        Assert.IsType<RMSProp>(opt);
        Assert.Equal(0.01, opt.param_groups[0].lr);
        Assert.Equal(0.99, opt.defaults["alpha"]);
    }
}
