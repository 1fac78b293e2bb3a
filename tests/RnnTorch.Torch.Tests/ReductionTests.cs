using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Reductions, normalisations, sorting and sampling, checked against plain C# float64 loops over the same values
/// (or hand-worked small cases).
/// </summary>
public sealed class ReductionTests
{
    private const double Tol = 1e-12;

    private static double[] Vals(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64, CPU).contiguous();
        return d.data<double>().ToArray();
    }

    private static long[] Longs(Tensor t)
    {
        Assert.Equal(ScalarType.Int64, t.dtype);
        return t.data<long>().ToArray();
    }

    /// <summary>Reduces a row-major (rows, cols) matrix along its columns (one result per row).</summary>
    private static double[] PerRow(double[] m, int rows, int cols, Func<double[], double> f) =>
        Enumerable.Range(0, rows).Select(i => f(m.Skip(i * cols).Take(cols).ToArray())).ToArray();

    /// <summary>Reduces a row-major (rows, cols) matrix along its rows (one result per column).</summary>
    private static double[] PerColumn(double[] m, int rows, int cols, Func<double[], double> f) =>
        Enumerable.Range(0, cols).Select(j => f(Enumerable.Range(0, rows).Select(i => m[i * cols + j]).ToArray())).ToArray();

    private static double Variance(double[] v, bool unbiased)
    {
        double mean = v.Sum() / v.Length;
        double ss = v.Sum(x => (x - mean) * (x - mean));
        return ss / (unbiased ? v.Length - 1 : v.Length);
    }

    [Fact]
    public void SumOfAllElementsAlongADimAndAlongSeveralDims()
    {
        using var scope = NewDisposeScope();
        manual_seed(31);
        var a = randn(3, 4, float64);
        double[] x = Vals(a);

        var all = a.sum();
        TensorAssert.Close(new[] { x.Sum() }, Array.Empty<long>(), all, Tol, Tol);
        TensorAssert.Close(new[] { x.Sum() }, Array.Empty<long>(), sum(a), Tol, Tol);
        TensorAssert.Close(PerRow(x, 3, 4, r => r.Sum()), new long[] { 3 }, a.sum(1), Tol, Tol);
        TensorAssert.Close(PerColumn(x, 3, 4, c => c.Sum()), new long[] { 4 }, a.sum(0), Tol, Tol);
        TensorAssert.Close(PerRow(x, 3, 4, r => r.Sum()), new long[] { 3, 1 }, a.sum(1, keepdim: true), Tol, Tol);
        TensorAssert.Close(PerRow(x, 3, 4, r => r.Sum()), new long[] { 3 }, a.sum(-1), Tol, Tol);
        // An int literal is a dim, not the dtype whose enum number it happens to be.
        TensorAssert.Close(PerColumn(x, 3, 4, c => c.Sum()), new long[] { 4 }, sum(a, 0), Tol, Tol);
        TensorAssert.Close(PerRow(x, 3, 4, r => r.Sum()), new long[] { 3 }, sum(a, 1L), Tol, Tol);

        var b = randn(2, 3, 4, float64);
        double[] y = Vals(b);
        var expected = new double[3];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++) expected[j] += y[(i * 3 + j) * 4 + k];
        TensorAssert.Close(expected, new long[] { 3 }, b.sum(new long[] { 0, 2 }), Tol, Tol);
        TensorAssert.Close(expected, new long[] { 1, 3, 1 }, b.sum(new long[] { 0, 2 }, keepdim: true), Tol, Tol);
    }

    [Fact]
    public void IntegerAndBoolTensorsSumToInt64()
    {
        using var scope = NewDisposeScope();
        var i32 = tensor(new[] { 1, 2, 3, 40 }, new long[] { 2, 2 });
        Assert.Equal(ScalarType.Int32, i32.dtype);
        TensorAssert.Equal(new long[] { 46 }, Array.Empty<long>(), i32.sum());
        TensorAssert.Equal(new long[] { 3, 43 }, new long[] { 2 }, i32.sum(1));

        var flags = tensor(new[] { true, false, true, true });
        TensorAssert.Equal(new long[] { 3 }, Array.Empty<long>(), flags.sum());

        var asFloat = i32.sum(ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, asFloat.dtype);
        Assert.Equal(46.0, asFloat.ToDouble());
    }

    [Fact]
    public void MeanOfAllElementsAndAlongADim()
    {
        using var scope = NewDisposeScope();
        manual_seed(32);
        var a = randn(4, 5, float64);
        double[] x = Vals(a);
        TensorAssert.Close(new[] { x.Average() }, Array.Empty<long>(), a.mean(), Tol, Tol);
        TensorAssert.Close(PerRow(x, 4, 5, r => r.Average()), new long[] { 4 }, a.mean(1), Tol, Tol);
        TensorAssert.Close(PerColumn(x, 4, 5, c => c.Average()), new long[] { 1, 5 }, a.mean(0, keepdim: true), Tol, Tol);
        TensorAssert.Close(new[] { x.Average() }, Array.Empty<long>(), a.mean(new long[] { 0, 1 }), Tol, Tol);
        TensorAssert.Close(PerColumn(x, 4, 5, c => c.Average()), new long[] { 5 }, a.mean(0), Tol, Tol);
        TensorAssert.Close(PerColumn(x, 4, 5, c => c.Average()), new long[] { 5 }, mean(a, 0), Tol, Tol);
        TensorAssert.Close(new[] { 2.5 }, Array.Empty<long>(), tensor(new float[] { 1, 2, 3, 4 }).mean(), 0, 0);
    }

    [Fact]
    public void MaxAndMinOverAllElements()
    {
        using var scope = NewDisposeScope();
        manual_seed(33);
        var a = randn(3, 7, float64);
        double[] x = Vals(a);
        TensorAssert.Close(new[] { x.Max() }, Array.Empty<long>(), a.max(), 0, 0);
        TensorAssert.Close(new[] { x.Min() }, Array.Empty<long>(), a.min(), 0, 0);
    }

    [Fact]
    public void MaxAndMinAlongADimReturnValuesAndIndexes()
    {
        using var scope = NewDisposeScope();
        manual_seed(34);
        var a = randn(4, 6, float64);
        double[] x = Vals(a);
        var rowMax = PerRow(x, 4, 6, r => r.Max());
        var rowArgMax = PerRow(x, 4, 6, r => Array.IndexOf(r, r.Max())).Select(d => (long)d).ToArray();
        var colMin = PerColumn(x, 4, 6, c => c.Min());
        var colArgMin = PerColumn(x, 4, 6, c => Array.IndexOf(c, c.Min())).Select(d => (long)d).ToArray();

        var (maxValues, maxIndexes) = a.max(1);
        TensorAssert.Close(rowMax, new long[] { 4 }, maxValues, 0, 0);
        TensorAssert.Equal(rowArgMax, new long[] { 4 }, maxIndexes);

        var (minValues, minIndexes) = a.min(0, keepdim: true);
        TensorAssert.Close(colMin, new long[] { 1, 6 }, minValues, 0, 0);
        TensorAssert.Equal(colArgMin, new long[] { 1, 6 }, minIndexes);
    }

    [Fact]
    public void ArgmaxAndArgminFlattenedAndAlongADim()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 3, 9, -1, 4, 0, 7, -5, 2, 8 }, new long[] { 3, 3 });
        TensorAssert.Equal(new long[] { 1 }, Array.Empty<long>(), a.argmax());
        TensorAssert.Equal(new long[] { 6 }, Array.Empty<long>(), a.argmin());
        TensorAssert.Equal(new long[] { 1, 2, 2 }, new long[] { 3 }, a.argmax(1));
        TensorAssert.Equal(new long[] { 2, 1, 0 }, new long[] { 3 }, a.argmin(1));
        TensorAssert.Equal(new long[] { 1, 0, 2 }, new long[] { 3 }, a.argmax(0));
        TensorAssert.Equal(new long[] { 1, 2, 2 }, new long[] { 3, 1 }, argmax(a, 1, keepdim: true));
    }

    [Fact]
    public void StdAndVarUnbiasedAndBiasedMatchTheFormula()
    {
        using var scope = NewDisposeScope();
        manual_seed(35);
        var a = randn(5, 6, float64) * 2 + 1;
        double[] x = Vals(a);

        TensorAssert.Close(new[] { Variance(x, true) }, Array.Empty<long>(), a.var(), Tol, Tol);
        TensorAssert.Close(new[] { Variance(x, false) }, Array.Empty<long>(), a.var(unbiased: false), Tol, Tol);
        TensorAssert.Close(new[] { Math.Sqrt(Variance(x, true)) }, Array.Empty<long>(), a.std(), Tol, Tol);
        TensorAssert.Close(new[] { Math.Sqrt(Variance(x, false)) }, Array.Empty<long>(), a.std(unbiased: false), Tol, Tol);

        TensorAssert.Close(PerRow(x, 5, 6, r => Variance(r, true)), new long[] { 5 }, a.var(1), Tol, Tol);
        TensorAssert.Close(PerRow(x, 5, 6, r => Variance(r, false)), new long[] { 5, 1 }, a.var(1, unbiased: false, keepdim: true), Tol, Tol);
        TensorAssert.Close(PerColumn(x, 5, 6, c => Math.Sqrt(Variance(c, true))), new long[] { 6 }, a.std(0), Tol, Tol);
        TensorAssert.Close(PerColumn(x, 5, 6, c => Math.Sqrt(Variance(c, false))), new long[] { 6 }, a.std(0, unbiased: false), Tol, Tol);
    }

    [Fact]
    public void StdOfAHandWorkedExample()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x−5)² = 32, biased variance 4 (std 2), unbiased 32/7.
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 2, 4, 4, 4, 5, 5, 7, 9 });
        TensorAssert.Close(new[] { 2.0 }, Array.Empty<long>(), a.std(unbiased: false), Tol, Tol);
        TensorAssert.Close(new[] { 32.0 / 7 }, Array.Empty<long>(), a.var(), Tol, Tol);
    }

    [Fact]
    public void NormP2P1AndAlongADim()
    {
        using var scope = NewDisposeScope();
        manual_seed(36);
        var a = randn(3, 5, float64);
        double[] x = Vals(a);
        TensorAssert.Close(new[] { Math.Sqrt(x.Sum(v => v * v)) }, Array.Empty<long>(), a.norm(), Tol, Tol);
        TensorAssert.Close(new[] { x.Sum(Math.Abs) }, Array.Empty<long>(), a.norm(p: 1), Tol, Tol);
        TensorAssert.Close(PerRow(x, 3, 5, r => Math.Sqrt(r.Sum(v => v * v))), new long[] { 3 }, a.norm(1), Tol, Tol);
        TensorAssert.Close(PerColumn(x, 3, 5, c => c.Sum(Math.Abs)), new long[] { 1, 5 }, a.norm(0, keepdim: true, p: 1), Tol, Tol);
        TensorAssert.Close(new[] { 5.0 }, Array.Empty<long>(), tensor(new double[] { 3, -4 }).norm(), 0, 0);
    }

    private static double[] SoftmaxRow(double[] r)
    {
        double m = r.Max();
        var e = r.Select(v => Math.Exp(v - m)).ToArray();
        double s = e.Sum();
        return e.Select(v => v / s).ToArray();
    }

    [Fact]
    public void SoftmaxAndLogSoftmaxMatchTheStableFormula()
    {
        using var scope = NewDisposeScope();
        manual_seed(37);
        var a = randn(4, 6, float64) * 3;
        double[] x = Vals(a);
        var expected = Enumerable.Range(0, 4).SelectMany(i => SoftmaxRow(x.Skip(i * 6).Take(6).ToArray())).ToArray();
        long[] shape = { 4, 6 };

        var sm = a.softmax(1);
        TensorAssert.Close(expected, shape, sm, Tol, Tol);
        TensorAssert.Close(expected, shape, softmax(a, -1), Tol, Tol);
        TensorAssert.Close(expected, shape, nn.functional.softmax(a, 1), Tol, Tol);
        TensorAssert.Close(expected.Select(v => Math.Log(v)).ToArray(), shape, a.log_softmax(1), Tol, Tol);
        TensorAssert.Close(expected.Select(v => Math.Log(v)).ToArray(), shape, nn.functional.log_softmax(a, 1), Tol, Tol);

        // Each row sums to one.
        TensorAssert.Close(new[] { 1.0, 1, 1, 1 }, new long[] { 4 }, sm.sum(1), Tol, Tol);

        // Along dim 0 every column sums to one.
        var cols = a.softmax(0);
        TensorAssert.Close(Enumerable.Repeat(1.0, 6).ToArray(), new long[] { 6 }, cols.sum(0), Tol, Tol);
    }

    [Fact]
    public void SoftmaxStaysFiniteForLargeLogits()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 1000, 1001, 1002 });
        double z = 1 + Math.Exp(-1) + Math.Exp(-2);
        var expected = new[] { Math.Exp(-2) / z, Math.Exp(-1) / z, 1 / z };
        TensorAssert.Close(expected, new long[] { 3 }, a.softmax(0), Tol, Tol);
        TensorAssert.Close(expected.Select(v => Math.Log(v)).ToArray(), new long[] { 3 }, a.log_softmax(0), Tol, Tol);

        var f = tensor(new float[] { 1000, 1001, 1002 });
        TensorAssert.Close(expected, new long[] { 3 }, f.softmax(0), 1e-5, 1e-6);
        TensorAssert.Close(expected.Select(v => Math.Log(v)).ToArray(), new long[] { 3 }, f.log_softmax(0), 1e-5, 1e-5);
    }

    [Fact]
    public void CumsumAlongEachDim()
    {
        using var scope = NewDisposeScope();
        manual_seed(38);
        var a = randn(3, 4, float64);
        double[] x = Vals(a);
        var alongRows = new double[12];
        var alongCols = new double[12];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
            {
                alongRows[i * 4 + j] = x[i * 4 + j] + (j > 0 ? alongRows[i * 4 + j - 1] : 0);
                alongCols[i * 4 + j] = x[i * 4 + j] + (i > 0 ? alongCols[(i - 1) * 4 + j] : 0);
            }
        TensorAssert.Close(alongRows, new long[] { 3, 4 }, a.cumsum(1), Tol, Tol);
        TensorAssert.Close(alongCols, new long[] { 3, 4 }, cumsum(a, 0), Tol, Tol);

        var ints = tensor(new long[] { 1, 2, 3, 4 });
        TensorAssert.Equal(new long[] { 1, 3, 6, 10 }, new long[] { 4 }, ints.cumsum(0));
    }

    [Fact]
    public void TopkLargestAndSmallestGiveValuesAndIndexes()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 5, 1, 9, 3, 7, 2, 8, 6, 0, 4 }, new long[] { 2, 5 });

        var (big, bigIdx) = a.topk(2);
        TensorAssert.Close(new double[] { 9, 7, 8, 6 }, new long[] { 2, 2 }, big, 0, 0);
        TensorAssert.Equal(new long[] { 2, 4, 1, 2 }, new long[] { 2, 2 }, bigIdx);

        var (small, smallIdx) = a.topk(3, dim: 1, largest: false);
        TensorAssert.Close(new double[] { 1, 3, 5, 0, 2, 4 }, new long[] { 2, 3 }, small, 0, 0);
        TensorAssert.Equal(new long[] { 1, 3, 0, 3, 0, 4 }, new long[] { 2, 3 }, smallIdx);

        var (colTop, colIdx) = topk(a, 1, dim: 0);
        TensorAssert.Close(new double[] { 5, 8, 9, 3, 7 }, new long[] { 1, 5 }, colTop, 0, 0);
        TensorAssert.Equal(new long[] { 0, 1, 0, 0, 0 }, new long[] { 1, 5 }, colIdx);
    }

    [Fact]
    public void TopkOfRandomRowsMatchesASortedCopy()
    {
        using var scope = NewDisposeScope();
        manual_seed(39);
        var a = randn(3, 10, float64);
        double[] x = Vals(a);
        var (values, indexes) = a.topk(4);
        var expectedValues = new List<double>();
        var expectedIndexes = new List<long>();
        for (int i = 0; i < 3; i++)
        {
            var row = x.Skip(i * 10).Take(10).Select((v, j) => (v, j)).OrderByDescending(p => p.v).Take(4).ToList();
            expectedValues.AddRange(row.Select(p => p.v));
            expectedIndexes.AddRange(row.Select(p => (long)p.j));
        }
        TensorAssert.Close(expectedValues.ToArray(), new long[] { 3, 4 }, values, 0, 0);
        TensorAssert.Equal(expectedIndexes.ToArray(), new long[] { 3, 4 }, indexes);
    }

    [Fact]
    public void SortAscendingAndDescending()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 0.5, -2, 3, 1 });
        var (asc, ascIdx) = a.sort();
        TensorAssert.Close(new[] { -2, 0.5, 1, 3 }, new long[] { 4 }, asc, 0, 0);
        TensorAssert.Equal(new long[] { 1, 0, 3, 2 }, new long[] { 4 }, ascIdx);

        var (desc, descIdx) = sort(a, descending: true);
        TensorAssert.Close(new[] { 3, 1, 0.5, -2 }, new long[] { 4 }, desc, 0, 0);
        TensorAssert.Equal(new long[] { 2, 3, 0, 1 }, new long[] { 4 }, descIdx);

        var m = tensor(new double[] { 3, 1, 2, 9, 7, 8 }, new long[] { 2, 3 });
        var (byCol, byColIdx) = m.sort(0, descending: true);
        TensorAssert.Close(new double[] { 9, 7, 8, 3, 1, 2 }, new long[] { 2, 3 }, byCol, 0, 0);
        TensorAssert.Equal(new long[] { 1, 1, 1, 0, 0, 0 }, new long[] { 2, 3 }, byColIdx);
    }

    [Fact]
    public void StableSortKeepsTheOrderOfEqualElements()
    {
        using var scope = NewDisposeScope();
        // Long enough that libtorch does not fall back to a small-array path.
        long[] values = { 3, 1, 2, 1, 3, 1, 2, 2, 3, 1, 1, 3, 2, 1, 3, 2, 1, 2, 3, 3 };
        var a = tensor(values);
        var (asc, ascIdx) = a.sort(stable: true);
        var expectedAsc = values.Select((v, i) => (v, i)).OrderBy(p => p.v).ToList(); // LINQ OrderBy is stable
        TensorAssert.Equal(expectedAsc.Select(p => p.v).ToArray(), new long[] { 20 }, asc);
        TensorAssert.Equal(expectedAsc.Select(p => (long)p.i).ToArray(), new long[] { 20 }, ascIdx);

        var (desc, descIdx) = a.sort(descending: true, stable: true);
        var expectedDesc = values.Select((v, i) => (v, i)).OrderByDescending(p => p.v).ToList();
        TensorAssert.Equal(expectedDesc.Select(p => p.v).ToArray(), new long[] { 20 }, desc);
        TensorAssert.Equal(expectedDesc.Select(p => (long)p.i).ToArray(), new long[] { 20 }, descIdx);
    }

    [Fact]
    public void MultinomialWithAOneHotRowAlwaysPicksThatIndex()
    {
        using var scope = NewDisposeScope();
        manual_seed(40);
        var probs = tensor(new double[] { 0, 0, 1, 0, 0, 0, 0, 0, 0, 1 }, new long[] { 2, 5 });
        var samples = multinomial(probs, 200, replacement: true);
        Assert.Equal(new long[] { 2, 200 }, samples.shape);
        var s = Longs(samples);
        Assert.All(s.Take(200), v => Assert.Equal(2L, v));
        Assert.All(s.Skip(200), v => Assert.Equal(4L, v));

        var single = multinomial(tensor(new float[] { 0, 0, 0, 5 }), 1);
        TensorAssert.Equal(new long[] { 3 }, new long[] { 1 }, single);
    }

    [Fact]
    public void MultinomialWithReplacementCountsAreRoughlyProportional()
    {
        using var scope = NewDisposeScope();
        manual_seed(41);
        // Unnormalised weights 1:2:3:4 → probabilities 0.1, 0.2, 0.3, 0.4.
        var weights = tensor(new double[] { 1, 2, 3, 4 });
        const int n = 20000;
        var s = Longs(multinomial(weights, n, replacement: true));
        Assert.Equal(n, s.Length);
        Assert.All(s, v => Assert.InRange(v, 0L, 3L));
        for (int k = 0; k < 4; k++)
        {
            double frequency = s.Count(v => v == k) / (double)n;
            // σ ≤ √(0.25/20000) ≈ 0.0035; ±0.02 is over 5σ.
            Assert.InRange(frequency, 0.1 * (k + 1) - 0.02, 0.1 * (k + 1) + 0.02);
        }
    }

    [Fact]
    public void MultinomialWithoutReplacementNeverRepeatsAnIndex()
    {
        using var scope = NewDisposeScope();
        manual_seed(42);
        var weights = tensor(new double[] { 1, 1, 1, 1, 1, 1 });
        var s = Longs(multinomial(weights, 6));
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5 }, s.OrderBy(v => v).ToArray());
    }

    [Fact]
    public void MultinomialIsDeterministicUnderTheSameSeed()
    {
        using var scope = NewDisposeScope();
        var weights = tensor(new double[] { 0.2, 0.5, 0.3, 1.0 });
        manual_seed(1234);
        var first = Longs(multinomial(weights, 50, replacement: true));
        manual_seed(1234);
        var second = Longs(multinomial(weights, 50, replacement: true));
        Assert.Equal(first, second);
        // A different seed gives a different sequence (50 draws from four outcomes colliding is ~impossible).
        manual_seed(4321);
        var third = Longs(multinomial(weights, 50, replacement: true));
        Assert.NotEqual(first, third);
    }

    [Fact]
    public void OneHotEncodesClassIndices()
    {
        using var scope = NewDisposeScope();
        var labels = tensor(new long[] { 0, 2, 1, 3 });
        var fixedWidth = nn.functional.one_hot(labels, 5);
        TensorAssert.Equal(new long[]
        {
            1, 0, 0, 0, 0,
            0, 0, 1, 0, 0,
            0, 1, 0, 0, 0,
            0, 0, 0, 1, 0,
        }, new long[] { 4, 5 }, fixedWidth);

        var inferred = nn.functional.one_hot(tensor(new long[] { 2, 0 }));
        TensorAssert.Equal(new long[] { 0, 0, 1, 1, 0, 0 }, new long[] { 2, 3 }, inferred);

        var batch = nn.functional.one_hot(tensor(new long[] { 1, 0, 0, 1 }, new long[] { 2, 2 }), 2);
        TensorAssert.Equal(new long[] { 0, 1, 1, 0, 1, 0, 0, 1 }, new long[] { 2, 2, 2 }, batch);
    }

    [Fact]
    public void OneHotRejectsAnIndexOutOfRange()
    {
        using var scope = NewDisposeScope();
        var labels = tensor(new long[] { 0, 5 });
        Assert.Throws<TorchException>(() => nn.functional.one_hot(labels, 3));
    }
}
