using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Compares autograd's gradient of a scalar function against central finite differences in float64:
/// ∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / 2h, the oracle computed element by element from forward passes alone.
/// </summary>
internal static class GradCheck
{
    /// <summary>
    /// <paramref name="f"/> maps the inputs (float64, requires_grad) to a tensor; its sum is differentiated.
    /// Asserts every gradient element agrees with the finite difference to atol + rtol·|fd|.
    /// </summary>
    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, double h = 1e-6, double rtol = 1e-5, double atol = 1e-7)
    {
        using var scope = NewDisposeScope();
        var xs = inputs.Select(x => x.to(ScalarType.Float64).detach().requires_grad_(true)).ToArray();
        using (var y = f(xs))
        using (var s = y.sum())
        {
            var grads = autograd.grad(new[] { s }, xs, allow_unused: true);
            for (int k = 0; k < xs.Length; k++)
            {
                var analytic = grads[k] is null ? new double[xs[k].numel()] : grads[k]!.data<double>().ToArray();
                var numeric = FiniteDifference(f, xs, k, h);
                Assert.Equal(numeric.Length, analytic.Length);
                for (int i = 0; i < numeric.Length; i++)
                {
                    double tol = atol + rtol * Math.Abs(numeric[i]);
                    Assert.True(Math.Abs(numeric[i] - analytic[i]) <= tol,
                        $"input {k}, element {i}: autograd {analytic[i]:R}, finite difference {numeric[i]:R}");
                }
            }
        }
    }

    private static double[] FiniteDifference(Func<Tensor[], Tensor> f, Tensor[] xs, int k, double h)
    {
        using var noGrad = no_grad();
        var baseValues = xs[k].data<double>().ToArray();
        var shape = xs[k].shape;
        var result = new double[baseValues.Length];
        for (int i = 0; i < baseValues.Length; i++)
        {
            result[i] = (Eval(f, xs, k, baseValues, shape, i, +h) - Eval(f, xs, k, baseValues, shape, i, -h)) / (2 * h);
        }
        return result;
    }

    private static double Eval(Func<Tensor[], Tensor> f, Tensor[] xs, int k, double[] baseValues, long[] shape, int i, double delta)
    {
        using var scope = NewDisposeScope();
        var values = (double[])baseValues.Clone();
        values[i] += delta;
        var args = (Tensor[])xs.Clone();
        args[k] = tensor(values, shape, ScalarType.Float64);
        return f(args).sum().item<double>();
    }
}
