using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Tests;

/// <summary>
/// torch.nn.functional's layers (linear, embedding, dropout, layer_norm) against plain float64 loops of their
/// defining formulas, their gradients against finite differences, and their argument checks.
/// </summary>
public sealed class FunctionalLayersTests
{
    private static double[] Values(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    /// <summary>y[r, o] = Σ_i x[r, i]·W[o, i] + b[o], rows r over all leading dimensions.</summary>
    private static double[] LinearReference(double[] x, double[] w, double[]? b, int inF, int outF)
    {
        int rows = x.Length / inF;
        var y = new double[rows * outF];
        for (int r = 0; r < rows; r++)
        for (int o = 0; o < outF; o++)
        {
            double s = b?[o] ?? 0.0;
            for (int i = 0; i < inF; i++) s += x[r * inF + i] * w[o * inF + i];
            y[r * outF + o] = s;
        }
        return y;
    }

    [Fact]
    public void LinearMatchesLoops()
    {
        using var scope = NewDisposeScope();
        var x = randn(new long[] { 2, 3, 4 }, float64);
        var w = randn(5, 4, float64);
        var b = randn(5, float64);
        TensorAssert.Close(LinearReference(Values(x), Values(w), Values(b), 4, 5), new long[] { 2, 3, 5 }, functional.linear(x, w, b), 1e-12, 1e-12);
        TensorAssert.Close(LinearReference(Values(x), Values(w), null, 4, 5), new long[] { 2, 3, 5 }, functional.linear(x, w), 1e-12, 1e-12);
        // float32 agrees to float32 precision.
        var y32 = functional.linear(x.to(float32), w.to(float32), b.to(float32));
        Assert.Equal(ScalarType.Float32, y32.dtype);
        TensorAssert.Close(LinearReference(Values(x), Values(w), Values(b), 4, 5), y32, 1e-5, 1e-5);
    }

    [Fact]
    public void LinearRejectsMismatchedShapes()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<TorchException>(() => functional.linear(randn(2, 3), randn(4, 5)));
        Assert.Throws<ArgumentNullException>(() => functional.linear(null!, randn(4, 5)));
    }

    [Fact]
    public void EmbeddingLooksUpRows()
    {
        using var scope = NewDisposeScope();
        var w = randn(6, 3, float64);
        var idx = tensor(new long[] { 0, 5, 2, 2 }, new long[] { 2, 2 });
        var wv = Values(w);
        var expected = new[] { 0L, 5, 2, 2 }.SelectMany(i => wv.Skip((int)i * 3).Take(3)).ToArray();
        TensorAssert.Close(expected, new long[] { 2, 2, 3 }, functional.embedding(idx, w), 0, 0);
    }

    [Fact]
    public void EmbeddingPaddingRowGetsNoGradient()
    {
        using var scope = NewDisposeScope();
        var w = randn(new long[] { 5, 2 }, float64, requires_grad: true);
        var idx = tensor(new long[] { 4, 1, 4, 1, 0 }, new long[] { 5 });
        var g = randn(5, 2, float64);
        // padding_idx -1 counts from the end: row 4.
        (functional.embedding(idx, w, padding_idx: -1) * g).sum().backward();
        var gv = Values(g);
        var expected = new double[10];
        // Row 1 appears at positions 1 and 3, row 0 at 4; row 4 (padding) gets nothing although it appears twice.
        for (int c = 0; c < 2; c++)
        {
            expected[1 * 2 + c] = gv[1 * 2 + c] + gv[3 * 2 + c];
            expected[0 * 2 + c] = gv[4 * 2 + c];
        }
        TensorAssert.Close(expected, new long[] { 5, 2 }, w.grad!, 1e-12, 1e-12);

        Assert.Throws<ArgumentOutOfRangeException>(() => functional.embedding(idx, w, padding_idx: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => functional.embedding(idx, w, padding_idx: -6));
    }

    [Fact]
    public void DropoutZeroesAndRescales()
    {
        using var scope = NewDisposeScope();
        var x = rand(new long[] { 10000 }, float64) + 1.0;
        var xv = Values(x);
        Assert.Equal(xv, Values(functional.dropout(x, 0.0)));
        Assert.Equal(xv, Values(functional.dropout(x, 0.7, training: false)));
        Assert.All(Values(functional.dropout(x, 1.0)), v => Assert.Equal(0.0, v));

        var y = Values(functional.dropout(x, 0.25));
        int zeroCount = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (y[i] == 0.0) zeroCount++;
            else Assert.Equal(xv[i] / 0.75, y[i], 1e-12);
        }
        // Binomial(10000, 0.25): mean 2500, standard deviation 43.
        Assert.InRange(zeroCount, 2200, 2800);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void DropoutRejectsProbabilitiesOutsideTheUnitInterval(double p)
    {
        using var x = ones(3);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => functional.dropout(x, p));
        Assert.Equal("p", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Dropout(p));
    }

    /// <summary>Normalises each group of the last <paramref name="n"/> values: (x − mean)/√(var + eps)·w + b, biased variance.</summary>
    private static double[] LayerNormReference(double[] x, int n, double[]? w, double[]? b, double eps)
    {
        var y = new double[x.Length];
        for (int g = 0; g < x.Length / n; g++)
        {
            double mean = 0, var = 0;
            for (int i = 0; i < n; i++) mean += x[g * n + i];
            mean /= n;
            for (int i = 0; i < n; i++) var += (x[g * n + i] - mean) * (x[g * n + i] - mean);
            var /= n;
            for (int i = 0; i < n; i++)
                y[g * n + i] = (x[g * n + i] - mean) / Math.Sqrt(var + eps) * (w?[i] ?? 1.0) + (b?[i] ?? 0.0);
        }
        return y;
    }

    [Fact]
    public void LayerNormMatchesFormula()
    {
        using var scope = NewDisposeScope();
        var x = randn(new long[] { 2, 3, 4 }, float64) * 3.0 + 1.0;
        var w = randn(new long[] { 3, 4 }, float64);
        var b = randn(new long[] { 3, 4 }, float64);
        TensorAssert.Close(LayerNormReference(Values(x), 12, Values(w), Values(b), 1e-5), new long[] { 2, 3, 4 },
            functional.layer_norm(x, new long[] { 3, 4 }, w, b), 1e-10, 1e-10);
        TensorAssert.Close(LayerNormReference(Values(x), 4, null, null, 0.1), new long[] { 2, 3, 4 },
            functional.layer_norm(x, new long[] { 4 }, eps: 0.1), 1e-10, 1e-10);
        Assert.Throws<TorchException>(() => functional.layer_norm(x, new long[] { 5 }));
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        using var scope = NewDisposeScope();
        var g = randn(3, 5, float64);
        GradCheck.Check(a => functional.linear(a[0], a[1], a[2]) * g, new[] { randn(3, 4, float64), randn(5, 4, float64), randn(5, float64) });
        var gl = randn(new long[] { 2, 3, 4 }, float64);
        GradCheck.Check(a => functional.layer_norm(a[0], new long[] { 4 }, a[1], a[2]) * gl,
            new[] { randn(new long[] { 2, 3, 4 }, float64), randn(4, float64), randn(4, float64) });
    }
}
