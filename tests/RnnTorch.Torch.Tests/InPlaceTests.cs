using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// In-place operations: each returns the very tensor it was called on, and the change is visible through a second
/// handle to the same storage (so the values really changed in place rather than in a copy).
/// </summary>
public sealed class InPlaceTests
{
    private const double Tol = 1e-12;

    private static double[] Vals(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64, CPU).contiguous();
        return d.data<double>().ToArray();
    }

    private static double[] Zip(double[] a, double[] b, Func<double, double, double> f) => a.Zip(b, f).ToArray();

    /// <summary>Runs an in-place op and checks it returns the same object and that an alias sees the new values.</summary>
    private static void AssertInPlace(Tensor target, Func<Tensor, Tensor> op, double[] expected, double rtol = Tol, double atol = Tol)
    {
        using var alias = target.alias();
        var shape = target.shape;
        var returned = op(target);
        Assert.Same(target, returned);
        TensorAssert.Close(expected, shape, target, rtol, atol);
        TensorAssert.Close(expected, shape, alias, rtol, atol);
    }

    [Fact]
    public void AddWithTensorAlphaAndScalar()
    {
        using var scope = NewDisposeScope();
        manual_seed(61);
        var a = randn(3, 4, float64);
        var b = randn(3, 4, float64);
        double[] x = Vals(a), y = Vals(b);

        AssertInPlace(a, t => t.add_(b), Zip(x, y, (p, q) => p + q));
        x = Vals(a);
        AssertInPlace(a, t => t.add_(b, alpha: -2.5), Zip(x, y, (p, q) => p - 2.5 * q));
        x = Vals(a);
        AssertInPlace(a, t => t.add_(1.25), x.Select(p => p + 1.25).ToArray());
    }

    [Fact]
    public void SubWithTensorAlphaAndScalar()
    {
        using var scope = NewDisposeScope();
        manual_seed(62);
        var a = randn(2, 5, float64);
        var b = randn(2, 5, float64);
        double[] x = Vals(a), y = Vals(b);

        AssertInPlace(a, t => t.sub_(b), Zip(x, y, (p, q) => p - q));
        x = Vals(a);
        AssertInPlace(a, t => t.sub_(b, alpha: 3), Zip(x, y, (p, q) => p - 3 * q));
        x = Vals(a);
        AssertInPlace(a, t => t.sub_(0.5), x.Select(p => p - 0.5).ToArray());
    }

    [Fact]
    public void MulAndDivWithTensorsAndScalars()
    {
        using var scope = NewDisposeScope();
        manual_seed(63);
        var a = randn(4, 3, float64);
        var b = rand(4, 3, float64) + 0.5;
        double[] x = Vals(a), y = Vals(b);

        AssertInPlace(a, t => t.mul_(b), Zip(x, y, (p, q) => p * q));
        x = Vals(a);
        AssertInPlace(a, t => t.div_(b), Zip(x, y, (p, q) => p / q));
        x = Vals(a);
        AssertInPlace(a, t => t.mul_(-3), x.Select(p => p * -3).ToArray());
        x = Vals(a);
        AssertInPlace(a, t => t.div_(4.0), x.Select(p => p / 4).ToArray());
    }

    [Fact]
    public void InPlaceOpsBroadcastTheOtherOperand()
    {
        using var scope = NewDisposeScope();
        var a = zeros(2, 3, float64);
        var row = tensor(new double[] { 1, 2, 3 });
        AssertInPlace(a, t => t.add_(row), new double[] { 1, 2, 3, 1, 2, 3 });
        var column = tensor(new double[] { 10, -1 }, new long[] { 2, 1 });
        AssertInPlace(a, t => t.mul_(column), new double[] { 10, 20, 30, -1, -2, -3 });
    }

    [Fact]
    public void InPlaceOnAViewWritesThroughToTheBase()
    {
        using var scope = NewDisposeScope();
        var a = zeros(3, 4, float64);
        var row = a.select(0, 1);
        Assert.Same(row, row.fill_(7));
        TensorAssert.Close(new double[] { 0, 0, 0, 0, 7, 7, 7, 7, 0, 0, 0, 0 }, new long[] { 3, 4 }, a, 0, 0);
    }

    [Fact]
    public void AddcmulAndAddcdiv()
    {
        using var scope = NewDisposeScope();
        manual_seed(64);
        var a = randn(3, 3, float64);
        var t1 = randn(3, 3, float64);
        var t2 = rand(3, 3, float64) + 0.5;
        double[] x = Vals(a), u = Vals(t1), v = Vals(t2);

        AssertInPlace(a, t => t.addcmul_(t1, t2, 0.5), x.Select((p, i) => p + 0.5 * u[i] * v[i]).ToArray());
        x = Vals(a);
        AssertInPlace(a, t => t.addcmul_(t1, t2), x.Select((p, i) => p + u[i] * v[i]).ToArray());
        x = Vals(a);
        AssertInPlace(a, t => t.addcdiv_(t1, t2, -2), x.Select((p, i) => p - 2 * u[i] / v[i]).ToArray());
        x = Vals(a);
        AssertInPlace(a, t => t.addcdiv_(t1, t2), x.Select((p, i) => p + u[i] / v[i]).ToArray());
    }

    [Fact]
    public void ZeroAndFill()
    {
        using var scope = NewDisposeScope();
        manual_seed(65);
        var a = randn(2, 3, float64);
        AssertInPlace(a, t => t.zero_(), new double[6]);
        AssertInPlace(a, t => t.fill_(-1.5), Enumerable.Repeat(-1.5, 6).ToArray());

        var ints = tensor(new long[] { 1, 2, 3 });
        Assert.Same(ints, ints.fill_(9));
        TensorAssert.Equal(new long[] { 9, 9, 9 }, new long[] { 3 }, ints);
    }

    [Fact]
    public void CopyBroadcastsAndConvertsTheSource()
    {
        using var scope = NewDisposeScope();
        var a = zeros(2, 3);
        var row = tensor(new double[] { 1.5, -2.25, 3 });
        AssertInPlace(a, t => t.copy_(row), new[] { 1.5, -2.25, 3, 1.5, -2.25, 3 });
        Assert.Equal(ScalarType.Float32, a.dtype);

        var longs = tensor(new long[] { 4, 5, 6, 7, 8, 9 }, new long[] { 2, 3 });
        AssertInPlace(a, t => t.copy_(longs), new double[] { 4, 5, 6, 7, 8, 9 });
        Assert.Equal(ScalarType.Float32, a.dtype);

        // Float to int truncates toward zero.
        var ints = zeros(new long[] { 3 }, int64);
        Assert.Same(ints, ints.copy_(tensor(new float[] { 2.9f, -2.9f, 0.5f })));
        TensorAssert.Equal(new long[] { 2, -2, 0 }, new long[] { 3 }, ints);
    }

    [Fact]
    public void CopyFromAnIncompatibleShapeThrows()
    {
        using var scope = NewDisposeScope();
        var a = zeros(2, 3);
        var b = ones(4);
        Assert.Throws<TorchException>(() => a.copy_(b));
    }

    [Fact]
    public void ClampInPlace()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { -3, -0.5, 0, 0.5, 3 });
        AssertInPlace(a, t => t.clamp_(-1, 1), new[] { -1, -0.5, 0, 0.5, 1 });
        AssertInPlace(a, t => t.clamp_(min: 0), new[] { 0, 0, 0, 0.5, 1 });
        AssertInPlace(a, t => t.clamp_(max: 0.25), new[] { 0, 0, 0, 0.25, 0.25 });
        Assert.Throws<ArgumentException>(() => a.clamp_());
    }

    [Fact]
    public void UniformFillsTheRangeAndIsDeterministicUnderASeed()
    {
        using var scope = NewDisposeScope();
        var a = empty(1000, float64);
        manual_seed(66);
        Assert.Same(a, a.uniform_(-2, 3));
        var first = Vals(a);
        Assert.All(first, v => Assert.True(v >= -2 && v < 3, $"{v} outside [-2, 3)"));
        // The samples spread over the range (mean near 0.5, both ends reached).
        Assert.InRange(first.Average(), 0.2, 0.8);
        Assert.True(first.Min() < -1.5);
        Assert.True(first.Max() > 2.5);

        manual_seed(66);
        a.uniform_(-2, 3);
        Assert.Equal(first, Vals(a));

        manual_seed(67);
        a.uniform_(-2, 3);
        Assert.NotEqual(first, Vals(a));
    }

    [Fact]
    public void UniformRejectsAnInvertedRange()
    {
        using var a = empty(3);
        Assert.Throws<ArgumentException>(() => a.uniform_(1, 0));
    }

    [Fact]
    public void NormalHasRoughlyTheRequestedMeanAndStd()
    {
        using var scope = NewDisposeScope();
        var a = empty(10000, float64);
        manual_seed(68);
        Assert.Same(a, a.normal_(3, 2));
        var v = Vals(a);
        double mean = v.Average();
        double std = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        // Standard errors: 2/√10000 = 0.02 for the mean, about 0.014 for the std.
        Assert.InRange(mean, 2.9, 3.1);
        Assert.InRange(std, 1.9, 2.1);

        manual_seed(68);
        a.normal_(3, 2);
        Assert.Equal(v, Vals(a));
    }

    [Fact]
    public void MaskedFillWritesWhereTheMaskIsTrue()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 });
        var mask = tensor(new[] { true, false, true, false, false, true }, new long[] { 2, 3 });
        AssertInPlace(a, t => t.masked_fill_(mask, -9), new double[] { -9, 2, -9, 4, 5, -9 });

        // A broadcast mask (one row) applies to every row.
        var columnMask = tensor(new[] { false, true, false });
        AssertInPlace(a, t => t.masked_fill_(columnMask, 0.5), new double[] { -9, 0.5, -9, 4, 0.5, -9 });
    }

    [Fact]
    public void RequiresGradInPlaceReturnsTheSameTensor()
    {
        using var a = ones(3);
        Assert.False(a.requires_grad);
        Assert.Same(a, a.requires_grad_());
        Assert.True(a.requires_grad);
        Assert.Same(a, a.requires_grad_(false));
        Assert.False(a.requires_grad);
    }

    public static TheoryData<string> InPlaceOpNames => new()
    {
        "add_", "add_scalar", "sub_", "mul_", "div_", "addcmul_", "addcdiv_", "zero_", "fill_", "copy_", "clamp_",
        "uniform_", "normal_", "masked_fill_",
    };

    [Theory]
    [MemberData(nameof(InPlaceOpNames))]
    public void InPlaceOnALeafThatRequiresGradThrows(string name)
    {
        using var scope = NewDisposeScope();
        var leaf = ones(new long[] { 3 }, requires_grad: true);
        var other = full(3, 2.0);
        var mask = tensor(new[] { true, false, true });
        Func<Tensor> op = name switch
        {
            "add_" => () => leaf.add_(other),
            "add_scalar" => () => leaf.add_(1),
            "sub_" => () => leaf.sub_(other),
            "mul_" => () => leaf.mul_(other),
            "div_" => () => leaf.div_(other),
            "addcmul_" => () => leaf.addcmul_(other, other),
            "addcdiv_" => () => leaf.addcdiv_(other, other),
            "zero_" => () => leaf.zero_(),
            "fill_" => () => leaf.fill_(0),
            "copy_" => () => leaf.copy_(other),
            "clamp_" => () => leaf.clamp_(0, 0.5),
            "uniform_" => () => leaf.uniform_(),
            "normal_" => () => leaf.normal_(),
            "masked_fill_" => () => leaf.masked_fill_(mask, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var ex = Assert.Throws<TorchException>(op);
        Assert.Contains("leaf", ex.Message);
        // The leaf is untouched.
        TensorAssert.Close(new double[] { 1, 1, 1 }, new long[] { 3 }, leaf, 0, 0);
    }

    [Fact]
    public void InPlaceOnALeafThatRequiresGradIsAllowedUnderNoGrad()
    {
        using var scope = NewDisposeScope();
        var w = ones(new long[] { 3 }, float64, requires_grad: true);
        var g = tensor(new double[] { 1, 2, 3 });
        using (no_grad())
        {
            Assert.Same(w, w.sub_(g, alpha: 0.1));
        }
        Assert.True(w.requires_grad);
        Assert.True(w.is_leaf);
        TensorAssert.Close(new[] { 0.9, 0.8, 0.7 }, new long[] { 3 }, w, Tol, Tol);
    }
}
