using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// A fixed problem for the optimizer tests: a 2×3 float64 parameter p and the loss L(p) = Σ ½·aᵢ·(pᵢ − cᵢ)², whose
/// gradient aᵢ·(pᵢ − cᵢ) the reference implementations compute themselves from their own copy of p.
/// </summary>
internal sealed class Quadratic : IDisposable
{
    public static readonly long[] Shape = { 2, 3 };
    public static readonly double[] Start = { 0.5, -1.2, 2.0, 0.3, -0.7, 1.5 };
    private static readonly double[] A = { 1.0, 2.0, 0.5, 3.0, 1.5, 0.8 };
    private static readonly double[] C = { 0.1, 0.2, -0.3, 0.4, -0.5, 0.6 };

    public Quadratic(double[]? start = null)
    {
        using var data = tensor(start ?? Start, Shape, ScalarType.Float64);
        P = new nn.Parameter(data);
    }

    public nn.Parameter P { get; }

    /// <summary>Clears p's gradient and runs backward through L(p).</summary>
    public void Backward()
    {
        P.grad = null;
        using var scope = NewDisposeScope();
        using var a = tensor(A, Shape, ScalarType.Float64);
        using var c = tensor(C, Shape, ScalarType.Float64);
        var loss = (0.5 * a * (P - c).square()).sum();
        loss.backward();
    }

    /// <summary>The gradient of L at <paramref name="p"/>, in float64.</summary>
    public static double[] Grad(double[] p) => p.Select((v, i) => A[i] * (v - C[i])).ToArray();

    /// <summary>The parameter's values.</summary>
    public double[] Values()
    {
        using var d = P.detach();
        return d.data<double>().ToArray();
    }

    public void Dispose() => P.Dispose();
}
