using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Tests.Modules;

/// <summary>The parameter-free modules: Identity, Tanh, ReLU (also in place) and Dropout's module form.</summary>
public sealed class SimpleModulesTests
{
    private static double[] Values(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    private static readonly double[] Inputs = { -2.0, -0.5, 0.0, 0.25, 3.0 };

    [Fact]
    public void IdentityReturnsANewHandleToItsInput()
    {
        using var x = tensor(Inputs, float64);
        using var id = Identity();
        var y = id.call(x);
        Assert.NotSame(x, y);
        Assert.Equal(Inputs, Values(y));
        y.Dispose();
        Assert.False(x.IsInvalid);
        Assert.Empty(id.parameters());
    }

    [Fact]
    public void TanhAndReLU()
    {
        using var scope = NewDisposeScope();
        var x = tensor(Inputs, float64);
        TensorAssert.Close(Inputs.Select(Math.Tanh).ToArray(), new long[] { 5 }, Tanh().call(x), 1e-15, 0);
        TensorAssert.Close(Inputs.Select(v => Math.Max(v, 0)).ToArray(), new long[] { 5 }, ReLU().call(x), 0, 0);
        Assert.Equal(Inputs, Values(x));

        var y = ReLU(inplace: true).call(x);
        var rectified = Inputs.Select(v => Math.Max(v, 0)).ToArray();
        Assert.Equal(rectified, Values(x));
        Assert.Equal(rectified, Values(y));
        y.Dispose();
        Assert.False(x.IsInvalid);
    }

    [Fact]
    public void DropoutModuleRemembersPAndFollowsTrainingMode()
    {
        using var scope = NewDisposeScope();
        var drop = Dropout(0.9);
        Assert.Equal(0.9, drop.p);
        var x = ones(5000, float64);
        var y = Values(drop.call(x));
        Assert.All(y, v => Assert.True(v == 0.0 || Math.Abs(v - 10.0) < 1e-12, $"value {v}"));
        Assert.InRange(y.Count(v => v == 0.0), 4400, 4600);  // mean 4500, standard deviation 21
        drop.eval();
        Assert.All(Values(drop.call(x)), v => Assert.Equal(1.0, v));
    }
}
