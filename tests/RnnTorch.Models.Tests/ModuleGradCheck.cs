using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>
/// Autograd's gradients of a scalar loss with respect to a module's parameters and to input tensors, against central
/// finite differences in float64: ∂L/∂θ_i ≈ (L(θ + h e_i) − L(θ − h e_i)) / 2h, from forward passes alone.
/// </summary>
internal static class ModuleGradCheck
{
    public static void Check(Module module, Func<Tensor[], Tensor> loss, Tensor[] inputs, double h = 1e-6, double rtol = 1e-5, double atol = 1e-7)
    {
        using var scope = NewDisposeScope();
        var xs = inputs.Select(x => x.to(ScalarType.Float64).detach().requires_grad_()).ToArray();
        module.zero_grad();
        loss(xs).backward();
        var targets = module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).Concat(xs.Select((x, i) => ($"input {i}", x))).ToList();
        foreach (var (name, t) in targets)
        {
            using var g = t.grad;
            var analytic = g is null ? new double[t.numel()] : g.data<double>().ToArray();
            var numeric = FiniteDifference(() => Eval(loss, xs), t, h);
            for (int i = 0; i < numeric.Length; i++)
            {
                double tol = atol + rtol * Math.Abs(numeric[i]);
                Assert.True(Math.Abs(numeric[i] - analytic[i]) <= tol, $"{name}[{i}]: autograd {analytic[i]:R}, finite difference {numeric[i]:R}");
            }
        }
    }

    private static double Eval(Func<Tensor[], Tensor> loss, Tensor[] xs)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return loss(xs).item<double>();
    }

    private static double[] FiniteDifference(Func<double> f, Tensor t, double h)
    {
        var baseValues = t.data<double>().ToArray();
        var shape = t.shape;
        var result = new double[baseValues.Length];
        for (int i = 0; i < baseValues.Length; i++)
        {
            result[i] = (At(f, t, baseValues, shape, i, h) - At(f, t, baseValues, shape, i, -h)) / (2 * h);
        }
        Set(t, baseValues, shape);
        return result;
    }

    private static double At(Func<double> f, Tensor t, double[] values, long[] shape, int i, double delta)
    {
        var v = (double[])values.Clone();
        v[i] += delta;
        Set(t, v, shape);
        return f();
    }

    private static void Set(Tensor t, double[] values, long[] shape)
    {
        using var noGrad = no_grad();
        using var v = tensor(values, shape, ScalarType.Float64);
        t.copy_(v);
    }
}
