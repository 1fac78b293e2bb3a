using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Pointwise arithmetic, unary functions, comparisons and matrix products, each checked against a plain C# float64
/// loop over the same random inputs (float64 tensors, so the tolerance is 1e-12).
/// </summary>
public sealed class MathTests
{
    private const double Tol = 1e-12;

    private static double[] Vals(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64, CPU).contiguous();
        return d.data<double>().ToArray();
    }

    private static double[] Map(double[] a, Func<double, double> f) => a.Select(f).ToArray();

    private static double[] Zip(double[] a, double[] b, Func<double, double, double> f) => a.Zip(b, f).ToArray();

    /// <summary>Random (r, c) float64 values with |x| ≥ 0.5 so that division is well conditioned.</summary>
    private static Tensor AwayFromZero(long r, long c)
    {
        using var x = randn(r, c, float64);
        using var s = x.sign();
        using var a = x.abs();
        using var shifted = a + 0.5;
        return shifted * s;
    }

    [Fact]
    public void TensorTensorOperatorsMatchElementwiseLoops()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var a = randn(3, 4, float64);
        var b = AwayFromZero(3, 4);
        double[] x = Vals(a), y = Vals(b);
        long[] shape = { 3, 4 };

        TensorAssert.Close(Zip(x, y, (p, q) => p + q), shape, a + b, Tol, Tol);
        TensorAssert.Close(Zip(x, y, (p, q) => p - q), shape, a - b, Tol, Tol);
        TensorAssert.Close(Zip(x, y, (p, q) => p * q), shape, a * b, Tol, Tol);
        TensorAssert.Close(Zip(x, y, (p, q) => p / q), shape, a / b, Tol, Tol);
        TensorAssert.Close(Zip(x, y, (p, q) => p + q), shape, a.add(b), Tol, Tol);
        TensorAssert.Close(Zip(x, y, (p, q) => p - q), shape, a.sub(b), Tol, Tol);
        TensorAssert.Close(Zip(x, y, (p, q) => p * q), shape, a.mul(b), Tol, Tol);
        TensorAssert.Close(Zip(x, y, (p, q) => p / q), shape, a.div(b), Tol, Tol);
        TensorAssert.Close(Zip(x, y, (p, q) => p + 2.5 * q), shape, a.add(b, 2.5), Tol, Tol);
    }

    [Fact]
    public void TensorTensorOperatorsBroadcastARowAcrossRows()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        var a = randn(3, 4, float64);
        var row = randn(4, float64);
        double[] x = Vals(a), r = Vals(row);
        var expected = new double[12];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++) expected[i * 4 + j] = x[i * 4 + j] - r[j];
        TensorAssert.Close(expected, new long[] { 3, 4 }, a - row, Tol, Tol);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++) expected[i * 4 + j] = r[j] * x[i * 4 + j];
        TensorAssert.Close(expected, new long[] { 3, 4 }, row * a, Tol, Tol);
    }

    [Fact]
    public void TensorScalarOperatorsMatchLoopsOnBothSides()
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        var a = AwayFromZero(2, 5);
        double[] x = Vals(a);
        long[] shape = { 2, 5 };
        const double s = 2.5;

        TensorAssert.Close(Map(x, v => v + s), shape, a + s, Tol, Tol);
        TensorAssert.Close(Map(x, v => v - s), shape, a - s, Tol, Tol);
        TensorAssert.Close(Map(x, v => v * s), shape, a * s, Tol, Tol);
        TensorAssert.Close(Map(x, v => v / s), shape, a / s, Tol, Tol);

        TensorAssert.Close(Map(x, v => s + v), shape, s + a, Tol, Tol);
        TensorAssert.Close(Map(x, v => s - v), shape, s - a, Tol, Tol);
        TensorAssert.Close(Map(x, v => s * v), shape, s * a, Tol, Tol);
        TensorAssert.Close(Map(x, v => s / v), shape, s / a, Tol, Tol);
    }

    [Fact]
    public void UnaryMinusNegatesEveryElement()
    {
        using var scope = NewDisposeScope();
        manual_seed(14);
        var a = randn(4, 3, float64);
        double[] x = Vals(a);
        TensorAssert.Close(Map(x, v => -v), new long[] { 4, 3 }, -a, 0, 0);
        TensorAssert.Close(Map(x, v => -v), new long[] { 4, 3 }, a.neg(), 0, 0);
    }

    [Fact]
    public void IntegerTensorWithIntegerScalarStaysInt64AndTrueDivisionGivesFloats()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new long[] { 1, 2, 7 });
        var sum = a + 3;
        TensorAssert.Equal(new long[] { 4, 5, 10 }, new long[] { 3 }, sum);
        var diff = 10 - a;
        TensorAssert.Equal(new long[] { 9, 8, 3 }, new long[] { 3 }, diff);

        var q = a / 2;
        Assert.Equal(ScalarType.Float32, q.dtype);
        TensorAssert.Close(new[] { 0.5, 1.0, 3.5 }, new long[] { 3 }, q, 0, 0);

        var f = a * 1.5;
        Assert.Equal(ScalarType.Float32, f.dtype);
        TensorAssert.Close(new[] { 1.5, 3.0, 10.5 }, new long[] { 3 }, f, 0, 0);
    }

    [Fact]
    public void PowWithTensorExponentMatchesMathPow()
    {
        using var scope = NewDisposeScope();
        manual_seed(15);
        var bases = rand(3, 4, float64) + 0.25;
        var exps = randn(3, 4, float64);
        double[] b = Vals(bases), e = Vals(exps);
        TensorAssert.Close(Zip(b, e, Math.Pow), new long[] { 3, 4 }, bases.pow(exps), Tol, Tol);
        TensorAssert.Close(Zip(b, e, Math.Pow), new long[] { 3, 4 }, pow(bases, exps), Tol, Tol);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(0.5)]
    [InlineData(-1.5)]
    public void PowWithScalarExponentMatchesMathPow(double exponent)
    {
        using var scope = NewDisposeScope();
        manual_seed(16);
        var bases = rand(2, 6, float64) + 0.25;
        double[] b = Vals(bases);
        TensorAssert.Close(Map(b, v => Math.Pow(v, exponent)), new long[] { 2, 6 }, bases.pow(exponent), Tol, Tol);
    }

    [Fact]
    public void PowWithIntegerScalarExponentOnNegativeBases()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { -2, -1.5, 0, 3 });
        TensorAssert.Close(new[] { -8.0, -3.375, 0, 27 }, new long[] { 4 }, a.pow(3), 0, 0);
        TensorAssert.Close(new[] { 4.0, 2.25, 0, 9 }, new long[] { 4 }, a.pow(2), 0, 0);
    }

    public static TheoryData<string> UnaryNames => new() { "sqrt", "rsqrt", "exp", "log", "abs", "tanh", "sigmoid", "relu" };

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void UnaryFunctionsMatchTheirFormulas(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(17);
        // sqrt, rsqrt and log need positive inputs; the others get both signs.
        bool positive = name is "sqrt" or "rsqrt" or "log";
        var x = positive ? rand(3, 5, float64) + 0.1 : randn(3, 5, float64) * 3;
        double[] v = Vals(x);
        (Func<Tensor, Tensor> op, Func<double, double> reference) = name switch
        {
            "sqrt" => ((Func<Tensor, Tensor>)(t => t.sqrt()), (Func<double, double>)Math.Sqrt),
            "rsqrt" => (t => t.rsqrt(), d => 1 / Math.Sqrt(d)),
            "exp" => (t => t.exp(), Math.Exp),
            "log" => (t => t.log(), Math.Log),
            "abs" => (t => t.abs(), Math.Abs),
            "tanh" => (t => t.tanh(), Math.Tanh),
            "sigmoid" => (t => t.sigmoid(), d => 1 / (1 + Math.Exp(-d))),
            "relu" => (t => t.relu(), d => d > 0 ? d : 0),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        TensorAssert.Close(Map(v, reference), new long[] { 3, 5 }, op(x), Tol, Tol);
    }

    [Fact]
    public void StaticUnaryFunctionsAgreeWithTheMethods()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { -2, -0.5, 0.25, 4 });
        var p = tensor(new double[] { 0.25, 1, 4, 9 });
        TensorAssert.Close(new[] { 0.5, 1, 2, 3 }, new long[] { 4 }, sqrt(p), 0, 0);
        TensorAssert.Close(new[] { 2, 1, 0.5, 1.0 / 3 }, new long[] { 4 }, rsqrt(p), Tol, Tol);
        TensorAssert.Close(new[] { 2, 0.5, 0.25, 4 }, new long[] { 4 }, abs(x), 0, 0);
        TensorAssert.Close(new[] { 0, 0, 0.25, 4 }, new long[] { 4 }, relu(x), 0, 0);
        TensorAssert.Close(new[] { Math.Tanh(-2), Math.Tanh(-0.5), Math.Tanh(0.25), Math.Tanh(4) }, new long[] { 4 }, tanh(x), Tol, Tol);
        TensorAssert.Close(new[] { Math.Exp(-2), Math.Exp(-0.5), Math.Exp(0.25), Math.Exp(4) }, new long[] { 4 }, exp(x), Tol, Tol);
        TensorAssert.Close(new[] { Math.Log(0.25), 0, Math.Log(4), Math.Log(9) }, new long[] { 4 }, log(p), Tol, Tol);
        TensorAssert.Close(Map(Vals(x), d => 1 / (1 + Math.Exp(-d))), new long[] { 4 }, sigmoid(x), Tol, Tol);
    }

    [Fact]
    public void ClampWithMinOnlyMaxOnlyAndBoth()
    {
        using var scope = NewDisposeScope();
        manual_seed(18);
        var x = randn(4, 5, float64) * 2;
        double[] v = Vals(x);
        long[] shape = { 4, 5 };
        TensorAssert.Close(Map(v, d => Math.Max(d, -0.5)), shape, x.clamp(min: -0.5), 0, 0);
        TensorAssert.Close(Map(v, d => Math.Min(d, 0.75)), shape, x.clamp(max: 0.75), 0, 0);
        TensorAssert.Close(Map(v, d => Math.Min(Math.Max(d, -0.5), 0.75)), shape, x.clamp(-0.5, 0.75), 0, 0);
        TensorAssert.Close(Map(v, d => Math.Min(Math.Max(d, -1), 1)), shape, clamp(x, -1, 1), 0, 0);
        TensorAssert.Close(Map(v, d => Math.Min(Math.Max(d, -0.5), 0.75)), shape, x.clip(-0.5, 0.75), 0, 0);
    }

    [Fact]
    public void ClampWithNeitherBoundThrowsArgumentException()
    {
        using var x = ones(3);
        Assert.Throws<ArgumentException>(() => x.clamp());
        Assert.Throws<ArgumentException>(() => clamp(x));
    }

    [Fact]
    public void ComparisonsWithTensorsReturnBoolTensors()
    {
        using var scope = NewDisposeScope();
        manual_seed(19);
        // Small integer values so that equal pairs occur.
        var a = randint(0, 3, new long[] { 4, 5 }, float64);
        var b = randint(0, 3, new long[] { 4, 5 }, float64);
        double[] x = Vals(a), y = Vals(b);
        long[] shape = { 4, 5 };
        Assert.Contains(x.Zip(y), p => p.First == p.Second);
        Assert.Contains(x.Zip(y), p => p.First != p.Second);

        TensorAssert.Equal(x.Zip(y, (p, q) => p == q).ToArray(), shape, a.eq(b));
        TensorAssert.Equal(x.Zip(y, (p, q) => p != q).ToArray(), shape, a.ne(b));
        TensorAssert.Equal(x.Zip(y, (p, q) => p < q).ToArray(), shape, a.lt(b));
        TensorAssert.Equal(x.Zip(y, (p, q) => p <= q).ToArray(), shape, a.le(b));
        TensorAssert.Equal(x.Zip(y, (p, q) => p > q).ToArray(), shape, a.gt(b));
        TensorAssert.Equal(x.Zip(y, (p, q) => p >= q).ToArray(), shape, a.ge(b));
    }

    [Fact]
    public void ComparisonsWithScalarsReturnBoolTensors()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { -1, 0, 1, 2, 1 });
        long[] shape = { 5 };
        TensorAssert.Equal(new[] { false, false, true, false, true }, shape, a.eq(1));
        TensorAssert.Equal(new[] { true, true, false, true, false }, shape, a.ne(1));
        TensorAssert.Equal(new[] { true, true, false, false, false }, shape, a.lt(1));
        TensorAssert.Equal(new[] { true, true, true, false, true }, shape, a.le(1));
        TensorAssert.Equal(new[] { false, false, false, true, false }, shape, a.gt(1));
        TensorAssert.Equal(new[] { false, false, true, true, true }, shape, a.ge(1));
        TensorAssert.Equal(new[] { false, true, true, true, true }, shape, a.gt(-0.5));
    }

    [Fact]
    public void AllAndAnyGloballyAndPerDimension()
    {
        using var scope = NewDisposeScope();
        // rows: all true / mixed / all false
        var m = tensor(new[] { true, true, true, true, false, true, false, false, false }, new long[] { 3, 3 });
        Assert.False(m.all().ToBoolean());
        Assert.True(m.any().ToBoolean());
        TensorAssert.Equal(new[] { true, false, false }, new long[] { 3 }, m.all(1));
        TensorAssert.Equal(new[] { true, true, false }, new long[] { 3 }, m.any(1));
        TensorAssert.Equal(new[] { false, false, false }, new long[] { 3 }, m.all(0));
        TensorAssert.Equal(new[] { true, true, true }, new long[] { 3 }, m.any(0));
        TensorAssert.Equal(new[] { true, false, false }, new long[] { 3, 1 }, m.all(1, keepdim: true));

        var allTrue = ones(2, 2);
        Assert.True(allTrue.all().ToBoolean());
        var allFalse = zeros(2, 2);
        Assert.False(allFalse.any().ToBoolean());
        Assert.Equal(ScalarType.Bool, allFalse.any().dtype);
    }

    /// <summary>C[i,j] = Σ_k A[i,k]·B[k,j] for row-major (n, m) and (m, p).</summary>
    private static double[] NaiveMatmul(double[] a, double[] b, int n, int m, int p, int aOffset = 0, int bOffset = 0)
    {
        var c = new double[n * p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
            {
                double s = 0;
                for (int k = 0; k < m; k++) s += a[aOffset + i * m + k] * b[bOffset + k * p + j];
                c[i * p + j] = s;
            }
        return c;
    }

    [Fact]
    public void MatmulOfTwoVectorsIsTheirDotProduct()
    {
        using var scope = NewDisposeScope();
        manual_seed(20);
        var u = randn(7, float64);
        var v = randn(7, float64);
        double[] x = Vals(u), y = Vals(v);
        double dot = 0;
        for (int i = 0; i < 7; i++) dot += x[i] * y[i];
        var r = u.matmul(v);
        TensorAssert.Close(new[] { dot }, Array.Empty<long>(), r, Tol, Tol);
    }

    [Fact]
    public void MatmulOfTwoMatricesMatchesTripleLoop()
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        var a = randn(5, 7, float64);
        var b = randn(7, 3, float64);
        var expected = NaiveMatmul(Vals(a), Vals(b), 5, 7, 3);
        TensorAssert.Close(expected, new long[] { 5, 3 }, a.matmul(b), Tol, Tol);
        TensorAssert.Close(expected, new long[] { 5, 3 }, matmul(a, b), Tol, Tol);
        TensorAssert.Close(expected, new long[] { 5, 3 }, a.mm(b), Tol, Tol);
        TensorAssert.Close(expected, new long[] { 5, 3 }, mm(a, b), Tol, Tol);
    }

    [Fact]
    public void MatmulOfMatrixAndVectorGivesAVector()
    {
        using var scope = NewDisposeScope();
        manual_seed(22);
        var a = randn(4, 6, float64);
        var v = randn(6, float64);
        var expected = NaiveMatmul(Vals(a), Vals(v), 4, 6, 1);
        TensorAssert.Close(expected, new long[] { 4 }, a.matmul(v), Tol, Tol);
    }

    [Fact]
    public void BatchedMatmulBroadcastsA2DRightOperand()
    {
        using var scope = NewDisposeScope();
        manual_seed(23);
        var a = randn(3, 4, 5, float64);
        var b = randn(5, 2, float64);
        double[] x = Vals(a), y = Vals(b);
        var expected = new List<double>();
        for (int batch = 0; batch < 3; batch++) expected.AddRange(NaiveMatmul(x, y, 4, 5, 2, aOffset: batch * 20));
        TensorAssert.Close(expected.ToArray(), new long[] { 3, 4, 2 }, a.matmul(b), Tol, Tol);
    }

    [Fact]
    public void BmmMultipliesEachBatchPair()
    {
        using var scope = NewDisposeScope();
        manual_seed(24);
        var a = randn(2, 3, 4, float64);
        var b = randn(2, 4, 5, float64);
        double[] x = Vals(a), y = Vals(b);
        var expected = new List<double>();
        for (int batch = 0; batch < 2; batch++) expected.AddRange(NaiveMatmul(x, y, 3, 4, 5, batch * 12, batch * 20));
        TensorAssert.Close(expected.ToArray(), new long[] { 2, 3, 5 }, a.bmm(b), Tol, Tol);
        TensorAssert.Close(expected.ToArray(), new long[] { 2, 3, 5 }, bmm(a, b), Tol, Tol);
    }

    [Fact]
    public void AddmmScalesInputByBetaAndProductByAlpha()
    {
        using var scope = NewDisposeScope();
        manual_seed(25);
        var input = randn(3, 4, float64);
        var m1 = randn(3, 5, float64);
        var m2 = randn(5, 4, float64);
        double[] c = Vals(input);
        double[] prod = NaiveMatmul(Vals(m1), Vals(m2), 3, 5, 4);
        long[] shape = { 3, 4 };

        TensorAssert.Close(Zip(c, prod, (i, p) => 0.5 * i + 2 * p), shape, addmm(input, m1, m2, 0.5, 2), Tol, Tol);
        TensorAssert.Close(Zip(c, prod, (i, p) => 0.5 * i + 2 * p), shape, input.addmm(m1, m2, beta: 0.5, alpha: 2), Tol, Tol);
        TensorAssert.Close(Zip(c, prod, (i, p) => i + p), shape, addmm(input, m1, m2), Tol, Tol);
        TensorAssert.Close(Zip(c, prod, (i, p) => i - 3 * p), shape, input.addmm(m1, m2, alpha: -3), Tol, Tol);
    }

    [Fact]
    public void AddmmBroadcastsABiasRow()
    {
        using var scope = NewDisposeScope();
        manual_seed(26);
        var bias = randn(4, float64);
        var m1 = randn(3, 5, float64);
        var m2 = randn(5, 4, float64);
        double[] b = Vals(bias);
        double[] prod = NaiveMatmul(Vals(m1), Vals(m2), 3, 5, 4);
        var expected = new double[12];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++) expected[i * 4 + j] = b[j] + prod[i * 4 + j];
        TensorAssert.Close(expected, new long[] { 3, 4 }, addmm(bias, m1, m2), Tol, Tol);
    }

    [Fact]
    public void Float32MatmulAgreesWithFloat64LoopTo1e5()
    {
        using var scope = NewDisposeScope();
        manual_seed(27);
        var a = randn(6, 8);
        var b = randn(8, 5);
        Assert.Equal(ScalarType.Float32, a.dtype);
        var expected = NaiveMatmul(Vals(a), Vals(b), 6, 8, 5);
        var c = a.matmul(b);
        Assert.Equal(ScalarType.Float32, c.dtype);
        TensorAssert.Close(expected, new long[] { 6, 5 }, c, 1e-5, 1e-5);
    }

    [Fact]
    public void MatmulWithMismatchedInnerDimensionsThrows()
    {
        using var scope = NewDisposeScope();
        var a = ones(2, 3);
        var b = ones(4, 2);
        Assert.Throws<TorchException>(() => a.matmul(b));
        Assert.Throws<TorchException>(() => a.mm(b));
    }
}
