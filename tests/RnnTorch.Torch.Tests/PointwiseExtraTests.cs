using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>The less common pointwise functions, each against System.Math applied element by element in float64.</summary>
public sealed class PointwiseExtraTests
{
    private static readonly double[] Positive = { 0.001, 0.25, 1.0, 2.5, 17.0 };
    private static readonly double[] Mixed = { -3.7, -1.0, -0.2, 0.0, 0.4, 2.5, 9.0 };

    public static TheoryData<string> UnaryNames => new() { "square", "log1p", "expm1", "reciprocal", "log2", "log10", "sin", "cos", "sign", "floor", "ceil" };

    private static (Func<Tensor, Tensor> op, Func<double, double> reference, double[] inputs) Case(string name) => name switch
    {
        "square" => (t => t.square(), x => x * x, Mixed),
        "log1p" => (t => t.log1p(), x => Math.Log(1 + x), Positive),
        "expm1" => (t => t.expm1(), x => Math.Exp(x) - 1, Mixed),
        "reciprocal" => (t => t.reciprocal(), x => 1 / x, Positive),
        "log2" => (t => t.log2(), Math.Log2, Positive),
        "log10" => (t => t.log10(), Math.Log10, Positive),
        "sin" => (t => t.sin(), Math.Sin, Mixed),
        "cos" => (t => t.cos(), Math.Cos, Mixed),
        "sign" => (t => t.sign(), x => Math.Sign(x), Mixed),
        "floor" => (t => t.floor(), Math.Floor, Mixed),
        "ceil" => (t => t.ceil(), Math.Ceiling, Mixed),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void UnaryMatchesSystemMath(string name)
    {
        var (op, reference, inputs) = Case(name);
        using var x = tensor(inputs, new long[] { inputs.Length }, ScalarType.Float64);
        using var y = op(x);
        TensorAssert.Close(inputs.Select(reference).ToArray(), new long[] { inputs.Length }, y, rtol: 1e-12, atol: 1e-15);
    }

    [Fact]
    public void NonFinitePredicatesFlagNanAndInfinities()
    {
        using var x = tensor(new[] { 1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0 });
        using var nan = x.isnan();
        using var inf = x.isinf();
        using var fin = x.isfinite();
        TensorAssert.Equal(new[] { false, true, false, false, false }, new long[] { 5 }, nan);
        TensorAssert.Equal(new[] { false, false, true, true, false }, new long[] { 5 }, inf);
        TensorAssert.Equal(new[] { true, false, false, false, true }, new long[] { 5 }, fin);
    }

    [Fact]
    public void LogicalOperationsFollowTruthTables()
    {
        using var a = tensor(new[] { true, true, false, false });
        using var b = tensor(new[] { true, false, true, false });
        using var and = a.logical_and(b);
        using var or = a.logical_or(b);
        using var not = a.logical_not();
        TensorAssert.Equal(new[] { true, false, false, false }, new long[] { 4 }, and);
        TensorAssert.Equal(new[] { true, true, true, false }, new long[] { 4 }, or);
        TensorAssert.Equal(new[] { false, false, true, true }, new long[] { 4 }, not);
    }

    [Fact]
    public void MaximumAndMinimumBroadcastElementwise()
    {
        using var a = tensor(new[] { 1.0, 5.0, -2.0, 4.0 }, new long[] { 2, 2 });
        using var b = tensor(new[] { 3.0, 0.0 }, new long[] { 1, 2 });
        using var hi = maximum(a, b);
        using var lo = a.minimum(b);
        TensorAssert.Close(new[] { 3.0, 5.0, 3.0, 4.0 }, new long[] { 2, 2 }, hi);
        TensorAssert.Close(new[] { 1.0, 0.0, -2.0, 0.0 }, new long[] { 2, 2 }, lo);
    }

    [Fact]
    public void RemainderTakesTheSignOfTheDivisorLikePython()
    {
        double[] xs = { -7, -1, 0, 3, 7.5 };
        using var x = tensor(xs);
        using var r = x.remainder(3);
        // Python's a % b = a - b * floor(a / b).
        TensorAssert.Close(xs.Select(v => v - 3 * Math.Floor(v / 3)).ToArray(), new long[] { 5 }, r, rtol: 0, atol: 1e-12);
    }

    [Fact]
    public void ClipIsClamp()
    {
        using var x = tensor(new[] { -2.0, 0.5, 3.0 });
        using var c = x.clip(-1, 1);
        TensorAssert.Close(new[] { -1.0, 0.5, 1.0 }, new long[] { 3 }, c);
    }

    [Fact]
    public void FusedDerivativesMatchTheirFormulas()
    {
        double[] g = { 0.5, -2.0, 1.5, 3.0 };
        double[] y = { 0.2, -0.7, 0.0, 0.9 };
        using var grad = tensor(g);
        using var output = tensor(y);
        using var dt = tanh_backward(grad, output);
        using var ds = sigmoid_backward(grad, output);
        using var dr = relu_backward(grad, output);
        TensorAssert.Close(g.Zip(y, (a, b) => a * (1 - b * b)).ToArray(), new long[] { 4 }, dt, 1e-12, 1e-15);
        TensorAssert.Close(g.Zip(y, (a, b) => a * b * (1 - b)).ToArray(), new long[] { 4 }, ds, 1e-12, 1e-15);
        TensorAssert.Close(g.Zip(y, (a, b) => b > 0 ? a : 0).ToArray(), new long[] { 4 }, dr, 1e-12, 1e-15);
    }
}
