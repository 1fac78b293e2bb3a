using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// SGD against the update of PyTorch's documentation, written as float64 loops: g ← ∇ (negated when maximizing),
/// g ← g + wd·p, b ← g (first step) or μ·b + (1 − τ)·g, g ← g + μ·b (Nesterov) or b, p ← p − lr·g.
/// </summary>
public sealed class SGDTests
{
    private const double Rtol = 1e-12, Atol = 1e-14;

    private static double[] ReferenceStep(double[] p, ref double[]? buf, double lr, double momentum, double dampening, double wd, bool nesterov, bool maximize)
    {
        var g = Quadratic.Grad(p);
        var next = new double[p.Length];
        var newBuf = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            double gi = maximize ? -g[i] : g[i];
            gi += wd * p[i];
            if (momentum != 0)
            {
                newBuf[i] = buf is null ? gi : momentum * buf[i] + (1 - dampening) * gi;
                gi = nesterov ? gi + momentum * newBuf[i] : newBuf[i];
            }
            next[i] = p[i] - lr * gi;
        }
        if (momentum != 0) buf = newBuf;
        return next;
    }

    [Theory]
    [InlineData(0.1, 0.0, 0.0, 0.0, false, false)] // plain
    [InlineData(0.1, 0.9, 0.0, 0.0, false, false)] // momentum
    [InlineData(0.1, 0.9, 0.3, 0.0, false, false)] // momentum with dampening
    [InlineData(0.05, 0.8, 0.0, 0.0, true, false)] // Nesterov
    [InlineData(0.1, 0.0, 0.0, 0.2, false, false)] // L2 weight decay
    [InlineData(0.1, 0.7, 0.2, 0.1, false, false)] // all together
    [InlineData(0.1, 0.5, 0.0, 0.0, false, true)]  // maximize
    public void FirstThreeStepsMatchTheUpdateEquations(double lr, double momentum, double dampening, double wd, bool nesterov, bool maximize)
    {
        using var q = new Quadratic();
        using var opt = optim.SGD(new[] { q.P }, lr, momentum, dampening, wd, nesterov, maximize);
        var p = Quadratic.Start.ToArray();
        double[]? buf = null;
        for (int step = 0; step < 3; step++)
        {
            q.Backward();
            opt.step();
            p = ReferenceStep(p, ref buf, lr, momentum, dampening, wd, nesterov, maximize);
            TensorAssert.Close(p, Quadratic.Shape, q.P, Rtol, Atol);
        }
    }

    [Fact]
    public void MomentumBufferIsInTheStateDict()
    {
        using var scope = NewDisposeScope();
        using var q = new Quadratic();
        using var opt = optim.SGD(new[] { q.P }, 0.1, momentum: 0.9);
        var p = Quadratic.Start.ToArray();
        double[]? buf = null;
        for (int step = 0; step < 2; step++)
        {
            q.Backward();
            opt.step();
            p = ReferenceStep(p, ref buf, 0.1, 0.9, 0, 0, false, false);
        }
        var sd = opt.state_dict();
        TensorAssert.Close(buf!, Quadratic.Shape, sd["state.0.momentum_buffer"], Rtol, Atol);
        Assert.False(sd.ContainsKey("state.0.step"));
        Assert.Equal(0.9, sd["param_groups.0.momentum"].item<double>());
        Assert.Equal(0.0, sd["param_groups.0.nesterov"].item<double>());
    }

    [Fact]
    public void WithoutMomentumNoStateIsKept()
    {
        using var scope = NewDisposeScope();
        using var q = new Quadratic();
        using var opt = optim.SGD(new[] { q.P }, 0.1);
        q.Backward();
        opt.step();
        Assert.DoesNotContain(opt.state_dict().Keys, k => k.StartsWith("state.", StringComparison.Ordinal));
    }

    [Fact]
    public void ParameterWithoutGradIsSkipped()
    {
        using var q = new Quadratic();
        using var idle = new Quadratic();
        using var opt = optim.SGD(new[] { q.P, idle.P }, 0.1, momentum: 0.9, weight_decay: 0.5);
        q.Backward();
        opt.step();
        TensorAssert.Close(Quadratic.Start, Quadratic.Shape, idle.P, 0, 0);
        Assert.NotEqual(Quadratic.Start, q.Values());
    }

    [Theory]
    [InlineData(-0.1, 0.0, 0.0, false, "lr", "-0.1")]
    [InlineData(double.NaN, 0.0, 0.0, false, "lr", "NaN")]
    [InlineData(0.1, -0.5, 0.0, false, "momentum", "-0.5")]
    [InlineData(0.1, 0.0, -1e-3, false, "weight_decay", "-0.001")]
    [InlineData(0.1, 0.0, 0.0, true, "nesterov", "momentum = 0")]
    public void BadArgumentsAreRejected(double lr, double momentum, double wd, bool nesterov, string name, string value)
    {
        using var q = new Quadratic();
        var e = Assert.Throws<ArgumentException>(() => optim.SGD(new[] { q.P }, lr, momentum, weight_decay: wd, nesterov: nesterov));
        Assert.Equal(name, e.ParamName);
        Assert.Contains(value, e.Message);
    }

    [Fact]
    public void NesterovNeedsZeroDampening()
    {
        using var q = new Quadratic();
        var e = Assert.Throws<ArgumentException>(() => optim.SGD(new[] { q.P }, 0.1, momentum: 0.9, dampening: 0.1, nesterov: true));
        Assert.Equal("nesterov", e.ParamName);
    }
}
