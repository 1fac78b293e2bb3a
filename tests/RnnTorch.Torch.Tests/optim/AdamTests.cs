using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>Adam against <see cref="AdamReference"/> (float64 loops over the published update).</summary>
public sealed class AdamTests
{
    private const double Rtol = 1e-11, Atol = 1e-13;

    [Theory]
    [InlineData(0.01, 0.9, 0.999, 1e-8, 0.0, false, false)] // plain
    [InlineData(0.05, 0.8, 0.99, 1e-6, 0.1, false, false)] // L2 weight decay
    [InlineData(0.01, 0.9, 0.999, 1e-8, 0.0, true, false)] // AMSGrad
    [InlineData(0.02, 0.9, 0.999, 1e-8, 0.05, true, true)] // AMSGrad, weight decay, maximize
    public void FirstThreeStepsMatchTheUpdateEquations(double lr, double beta1, double beta2, double eps, double wd, bool amsgrad, bool maximize)
    {
        using var q = new Quadratic();
        using var opt = optim.Adam(new[] { q.P }, lr, beta1, beta2, eps, wd, amsgrad, maximize);
        var reference = new AdamReference(lr, beta1, beta2, eps, wd, amsgrad, maximize, decoupled: false);
        var p = Quadratic.Start.ToArray();
        for (int step = 0; step < 3; step++)
        {
            q.Backward();
            opt.step();
            p = reference.Step(p, Quadratic.Grad(p));
            TensorAssert.Close(p, Quadratic.Shape, q.P, Rtol, Atol);
        }
    }

    /// <summary>
    /// Shrinking gradients make the second moment fall, so AMSGrad's running maximum differs from v: the steps must
    /// follow the maximum (and so differ from plain Adam's).
    /// </summary>
    [Fact]
    public void AmsgradKeepsTheMaximumOfTheSecondMoment()
    {
        using var scope = NewDisposeScope();
        double[][] grads =
        {
            new[] { 1.0, -2.0, 0.5, 3.0, -1.0, 0.2 },
            new[] { 0.01, -0.02, 0.005, 0.03, -0.01, 0.002 },
            new[] { 0.02, 0.01, -0.005, 0.01, 0.0, -0.002 },
        };
        using var q = new Quadratic();
        using var plain = new Quadratic();
        using var opt = optim.Adam(new[] { q.P }, lr: 0.1, amsgrad: true);
        using var optPlain = optim.Adam(new[] { plain.P }, lr: 0.1);
        var reference = new AdamReference(0.1, 0.9, 0.999, 1e-8, 0, amsgrad: true, maximize: false, decoupled: false);
        var p = Quadratic.Start.ToArray();
        foreach (var g in grads)
        {
            q.P.grad = tensor(g, Quadratic.Shape, ScalarType.Float64);
            plain.P.grad = tensor(g, Quadratic.Shape, ScalarType.Float64);
            opt.step();
            optPlain.step();
            p = reference.Step(p, g);
            TensorAssert.Close(p, Quadratic.Shape, q.P, Rtol, Atol);
        }
        Assert.NotEqual(reference.ExpAvgSq, reference.MaxExpAvgSq);
        var sd = opt.state_dict();
        TensorAssert.Close(reference.MaxExpAvgSq, Quadratic.Shape, sd["state.0.max_exp_avg_sq"], Rtol, 1e-18);
        TensorAssert.Close(reference.ExpAvgSq, Quadratic.Shape, sd["state.0.exp_avg_sq"], Rtol, 1e-18);
        TensorAssert.Close(reference.ExpAvg, Quadratic.Shape, sd["state.0.exp_avg"], Rtol, 1e-16);
        Assert.Equal(3.0, sd["state.0.step"].item<double>());
        var pPlain = plain.Values();
        Assert.True(pPlain.Zip(q.Values()).Any(x => Math.Abs(x.First - x.Second) > 1e-6), "AMSGrad should differ from Adam here");
    }

    [Fact]
    public void Float32ParameterStaysFloat32AndTracksTheReference()
    {
        using var scope = NewDisposeScope();
        using var data = tensor(Quadratic.Start, Quadratic.Shape, ScalarType.Float32);
        using var p32 = new nn.Parameter(data);
        using var opt = optim.Adam(new[] { p32 }, lr: 0.01);
        var reference = new AdamReference(0.01, 0.9, 0.999, 1e-8, 0, false, false, false);
        var p = Quadratic.Start.Select(v => (double)(float)v).ToArray();
        for (int step = 0; step < 3; step++)
        {
            var g = Quadratic.Grad(p);
            p32.grad = tensor(g, Quadratic.Shape, ScalarType.Float32);
            opt.step();
            p = reference.Step(p, g.Select(v => (double)(float)v).ToArray());
        }
        Assert.Equal(ScalarType.Float32, p32.dtype);
        TensorAssert.Close(p, Quadratic.Shape, p32, 1e-5, 1e-6);
    }

    [Theory]
    [InlineData(-1e-3, 0.9, 0.999, 1e-8, 0.0, "lr", "-0.001")]
    [InlineData(1e-3, 1.0, 0.999, 1e-8, 0.0, "beta1", "1")]
    [InlineData(1e-3, -0.1, 0.999, 1e-8, 0.0, "beta1", "-0.1")]
    [InlineData(1e-3, 0.9, 1.5, 1e-8, 0.0, "beta2", "1.5")]
    [InlineData(1e-3, 0.9, 0.999, -1e-8, 0.0, "eps", "-1E-08")]
    [InlineData(1e-3, 0.9, 0.999, 1e-8, -0.01, "weight_decay", "-0.01")]
    public void BadArgumentsAreRejected(double lr, double beta1, double beta2, double eps, double wd, string name, string value)
    {
        using var q = new Quadratic();
        var e = Assert.Throws<ArgumentException>(() => optim.Adam(new[] { q.P }, lr, beta1, beta2, eps, wd));
        Assert.Equal(name, e.ParamName);
        Assert.Contains(value, e.Message);
    }
}
