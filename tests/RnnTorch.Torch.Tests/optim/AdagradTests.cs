using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Adagrad against the update of PyTorch's documentation as float64 loops: g ← ∇ + wd·p,
/// clr = lr / (1 + (t − 1)·lr_decay), s ← s + g² (s₀ = initial_accumulator_value), p ← p − clr·g / (√s + eps).
/// </summary>
public sealed class AdagradTests
{
    private const double Rtol = 1e-11, Atol = 1e-13;

    [Theory]
    [InlineData(0.1, 0.0, 0.0, 0.0, false)] // plain
    [InlineData(0.1, 0.5, 0.0, 0.0, false)] // lr decay
    [InlineData(0.1, 0.2, 0.3, 0.0, false)] // lr decay, weight decay
    [InlineData(0.05, 0.1, 0.1, 0.4, false)] // with an initial accumulator
    [InlineData(0.1, 0.0, 0.0, 0.1, true)] // maximize
    public void FirstThreeStepsMatchTheUpdateEquations(double lr, double lrDecay, double wd, double initial, bool maximize)
    {
        const double eps = 1e-10;
        using var q = new Quadratic();
        using var opt = optim.Adagrad(new[] { q.P }, lr, lrDecay, wd, initial, eps, maximize);
        var p = Quadratic.Start.ToArray();
        var s = Enumerable.Repeat(initial, p.Length).ToArray();
        for (int t = 1; t <= 3; t++)
        {
            q.Backward();
            opt.step();
            var grad = Quadratic.Grad(p);
            double clr = lr / (1 + (t - 1) * lrDecay);
            for (int i = 0; i < p.Length; i++)
            {
                double g = (maximize ? -grad[i] : grad[i]) + wd * p[i];
                s[i] += g * g;
                p[i] -= clr * g / (Math.Sqrt(s[i]) + eps);
            }
            TensorAssert.Close(p, Quadratic.Shape, q.P, Rtol, Atol);
        }
        using var scope = NewDisposeScope();
        var sd = opt.state_dict();
        TensorAssert.Close(s, Quadratic.Shape, sd["state.0.sum"], Rtol, Atol);
        Assert.Equal(3.0, sd["state.0.step"].item<double>());
    }

    [Fact]
    public void AccumulatorExistsBeforeTheFirstStep()
    {
        using var scope = NewDisposeScope();
        using var q = new Quadratic();
        using var opt = optim.Adagrad(new[] { q.P }, initial_accumulator_value: 0.25);
        var sd = opt.state_dict();
        TensorAssert.Close(Enumerable.Repeat(0.25, 6).ToArray(), Quadratic.Shape, sd["state.0.sum"], 0, 0);
        Assert.Equal(0.0, sd["state.0.step"].item<double>());
    }

    [Theory]
    [InlineData(-0.1, 0.0, 0.0, 0.0, "lr")]
    [InlineData(0.1, -0.5, 0.0, 0.0, "lr_decay")]
    [InlineData(0.1, 0.0, -0.1, 0.0, "weight_decay")]
    [InlineData(0.1, 0.0, 0.0, -1.0, "initial_accumulator_value")]
    public void BadArgumentsAreRejected(double lr, double lrDecay, double wd, double initial, string name)
    {
        using var q = new Quadratic();
        var e = Assert.Throws<ArgumentException>(() => optim.Adagrad(new[] { q.P }, lr, lrDecay, wd, initial));
        Assert.Equal(name, e.ParamName);
    }
}
