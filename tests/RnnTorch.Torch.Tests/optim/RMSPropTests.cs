using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// RMSprop against the update of PyTorch's documentation as float64 loops: g ← ∇ + wd·p, v ← αv + (1 − α)g²,
/// centered: a ← αa + (1 − α)g, d = √(v − a²) + eps (else √v + eps); with momentum μ: b ← μb + g/d, p ← p − lr·b;
/// else p ← p − lr·g/d.
/// </summary>
public sealed class RMSPropTests
{
    private const double Rtol = 1e-11, Atol = 1e-13;

    [Theory]
    [InlineData(0.01, 0.99, 0.0, 0.0, false, false)] // plain
    [InlineData(0.01, 0.9, 0.0, 0.9, false, false)]  // momentum
    [InlineData(0.01, 0.9, 0.0, 0.0, true, false)]   // centered
    [InlineData(0.02, 0.8, 0.1, 0.5, true, false)]   // centered, momentum, weight decay
    [InlineData(0.01, 0.99, 0.0, 0.3, false, true)]  // maximize
    public void FirstThreeStepsMatchTheUpdateEquations(double lr, double alpha, double wd, double momentum, bool centered, bool maximize)
    {
        const double eps = 1e-8;
        using var q = new Quadratic();
        using var opt = optim.RMSProp(new[] { q.P }, lr, alpha, eps, wd, momentum, centered, maximize);
        var p = Quadratic.Start.ToArray();
        int n = p.Length;
        double[] v = new double[n], a = new double[n], b = new double[n];
        for (int step = 0; step < 3; step++)
        {
            q.Backward();
            opt.step();
            var grad = Quadratic.Grad(p);
            for (int i = 0; i < n; i++)
            {
                double g = (maximize ? -grad[i] : grad[i]) + wd * p[i];
                v[i] = alpha * v[i] + (1 - alpha) * g * g;
                double d;
                if (centered)
                {
                    a[i] = alpha * a[i] + (1 - alpha) * g;
                    d = Math.Sqrt(v[i] - a[i] * a[i]) + eps;
                }
                else
                {
                    d = Math.Sqrt(v[i]) + eps;
                }
                if (momentum > 0)
                {
                    b[i] = momentum * b[i] + g / d;
                    p[i] -= lr * b[i];
                }
                else
                {
                    p[i] -= lr * g / d;
                }
            }
            TensorAssert.Close(p, Quadratic.Shape, q.P, Rtol, Atol);
        }
        using var scope = NewDisposeScope();
        var sd = opt.state_dict();
        TensorAssert.Close(v, Quadratic.Shape, sd["state.0.square_avg"], Rtol, 1e-16);
        Assert.Equal(centered, sd.ContainsKey("state.0.grad_avg"));
        Assert.Equal(momentum > 0, sd.ContainsKey("state.0.momentum_buffer"));
        Assert.Equal(3.0, sd["state.0.step"].item<double>());
    }

    [Theory]
    [InlineData(-0.01, 0.99, 0.0, "lr")]
    [InlineData(0.01, -0.5, 0.0, "alpha")]
    [InlineData(0.01, 0.99, -0.9, "momentum")]
    public void BadArgumentsAreRejected(double lr, double alpha, double momentum, string name)
    {
        using var q = new Quadratic();
        var e = Assert.Throws<ArgumentException>(() => optim.RMSProp(new[] { q.P }, lr, alpha, momentum: momentum));
        Assert.Equal(name, e.ParamName);
    }
}
