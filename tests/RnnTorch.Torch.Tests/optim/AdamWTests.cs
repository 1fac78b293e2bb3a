using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>AdamW (decoupled weight decay) against <see cref="AdamReference"/>.</summary>
public sealed class AdamWTests
{
    private const double Rtol = 1e-11, Atol = 1e-13;

    [Theory]
    [InlineData(0.01, 0.01, false, false)] // PyTorch's default weight decay
    [InlineData(0.05, 0.3, false, false)]  // strong decay
    [InlineData(0.02, 0.1, true, true)]    // AMSGrad, maximize
    public void FirstThreeStepsMatchTheUpdateEquations(double lr, double wd, bool amsgrad, bool maximize)
    {
        using var q = new Quadratic();
        using var opt = optim.AdamW(new[] { q.P }, lr, weight_decay: wd, amsgrad: amsgrad, maximize: maximize);
        var reference = new AdamReference(lr, 0.9, 0.999, 1e-8, wd, amsgrad, maximize, decoupled: true);
        var p = Quadratic.Start.ToArray();
        for (int step = 0; step < 3; step++)
        {
            q.Backward();
            opt.step();
            p = reference.Step(p, Quadratic.Grad(p));
            TensorAssert.Close(p, Quadratic.Shape, q.P, Rtol, Atol);
        }
    }

    [Fact]
    public void DefaultWeightDecayIsOneHundredth()
    {
        using var q = new Quadratic();
        using var opt = optim.AdamW(new[] { q.P });
        Assert.Equal(0.01, opt.defaults["weight_decay"]);
        Assert.Equal(1e-3, opt.param_groups[0].lr);
    }

    /// <summary>With a zero gradient Adam's moments stay 0, so only the decoupled decay moves p: p·(1 − lr·wd) per step.</summary>
    [Fact]
    public void DecayIsDecoupledFromTheGradient()
    {
        using var scope = NewDisposeScope();
        using var q = new Quadratic();
        using var opt = optim.AdamW(new[] { q.P }, lr: 0.1, weight_decay: 0.5);
        for (int step = 0; step < 3; step++)
        {
            q.P.grad = zeros(Quadratic.Shape, ScalarType.Float64);
            opt.step();
        }
        TensorAssert.Close(Quadratic.Start.Select(v => v * Math.Pow(1 - 0.1 * 0.5, 3)).ToArray(), Quadratic.Shape, q.P, 1e-14, 1e-15);
    }

    [Fact]
    public void BadBetaIsRejected()
    {
        using var q = new Quadratic();
        var e = Assert.Throws<ArgumentException>(() => optim.AdamW(new[] { q.P }, beta2: 1.0));
        Assert.Equal("beta2", e.ParamName);
    }
}
