using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Hann windows against their formula and the short-time Fourier transform against a naive float64 DFT computed
/// here: X[f, k] = Σ_n w[n] · x[k·hop + n] · e^{−2πi·f·n / n_fft}.
/// </summary>
public sealed class SignalTests
{
    private static double[] Vals(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64, CPU).contiguous();
        return d.data<double>().ToArray();
    }

    /// <summary>0.5 − 0.5·cos(2πn/N) with N = length (periodic) or length − 1 (symmetric).</summary>
    private static double[] Hann(int length, bool periodic)
    {
        if (length == 1) return new[] { 1.0 };
        int n = periodic ? length : length - 1;
        return Enumerable.Range(0, length).Select(i => 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / n)).ToArray();
    }

    /// <summary>The onesided naive STFT of an (already padded) signal: (re, im) each [f, frame], row-major.</summary>
    private static (double[] re, double[] im) NaiveStft(double[] x, double[] w, int nFft, int hop)
    {
        int frames = 1 + (x.Length - nFft) / hop;
        int bins = nFft / 2 + 1;
        var re = new double[bins * frames];
        var im = new double[bins * frames];
        for (int f = 0; f < bins; f++)
            for (int k = 0; k < frames; k++)
            {
                double sr = 0, si = 0;
                for (int n = 0; n < nFft; n++)
                {
                    double v = w[n] * x[k * hop + n];
                    double angle = -2 * Math.PI * f * n / nFft;
                    sr += v * Math.Cos(angle);
                    si += v * Math.Sin(angle);
                }
                re[f * frames + k] = sr;
                im[f * frames + k] = si;
            }
        return (re, im);
    }

    /// <summary>Reflect padding by <paramref name="pad"/> on both sides (the edge sample is not repeated).</summary>
    private static double[] ReflectPad(double[] x, int pad)
    {
        int len = x.Length;
        var r = new double[len + 2 * pad];
        for (int i = 0; i < r.Length; i++)
        {
            int j = i - pad;
            if (j < 0) j = -j;
            else if (j >= len) j = 2 * (len - 1) - j;
            r[i] = x[j];
        }
        return r;
    }

    /// <summary>Asserts each value within rtol·|expected| + atol.</summary>
    private static void AssertClose(double[] expected, double[] actual, double rtol, double atol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tol = atol + rtol * Math.Abs(expected[i]);
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(8, false)]
    [InlineData(7, true)]
    [InlineData(7, false)]
    [InlineData(400, true)]
    public void HannWindowMatchesTheFormula(int length, bool periodic)
    {
        using var w = hann_window(length, periodic, float64);
        TensorAssert.Close(Hann(length, periodic), new long[] { length }, w, 1e-12, 1e-12);
    }

    [Fact]
    public void HannWindowDefaultsToPeriodicFloat32()
    {
        using var w = hann_window(16);
        Assert.Equal(ScalarType.Float32, w.dtype);
        TensorAssert.Close(Hann(16, periodic: true), new long[] { 16 }, w, 1e-6, 1e-7);
        // Periodic: starts at 0, peaks at exactly 1 in the middle, and does not return to 0 at the end.
        var v = Vals(w);
        Assert.Equal(0.0, v[0], 1e-7);
        Assert.Equal(1.0, v[8], 1e-7);
        Assert.True(v[15] > 0.01);
    }

    [Fact]
    public void SymmetricHannWindowIsSymmetricAndZeroAtBothEnds()
    {
        using var w = hann_window(9, periodic: false, dtype: float64);
        var v = Vals(w);
        Assert.Equal(0.0, v[0], 1e-15);
        Assert.Equal(0.0, v[8], 1e-15);
        for (int i = 0; i < 9; i++) Assert.Equal(v[i], v[8 - i], 1e-15);
    }

    [Fact]
    public void HannWindowOfLengthOneIsOne()
    {
        using var w = hann_window(1, dtype: float64);
        TensorAssert.Close(new[] { 1.0 }, new long[] { 1 }, w, 0, 0);
    }

    [Fact]
    public void StftWithoutCenteringMatchesANaiveDft()
    {
        using var scope = NewDisposeScope();
        manual_seed(51);
        const int L = 64, nFft = 16, hop = 4;
        var x = randn(L, float64);
        var window = hann_window(nFft, dtype: float64);
        var spec = stft(x, nFft, hop, window: window, center: false);

        int frames = 1 + (L - nFft) / hop;
        Assert.Equal(13, frames);
        Assert.Equal(ScalarType.ComplexFloat64, spec.dtype);
        Assert.Equal(new long[] { nFft / 2 + 1, frames }, spec.shape);

        var (re, im) = NaiveStft(Vals(x), Hann(nFft, true), nFft, hop);
        var mag = re.Zip(im, (a, b) => Math.Sqrt(a * a + b * b)).ToArray();
        double scale = mag.Max();

        var abs = spec.abs();
        Assert.Equal(ScalarType.Float64, abs.dtype);
        AssertClose(mag, Vals(abs), 1e-4, 1e-9 * scale, "|X|");
        AssertClose(re, Vals(spec.real), 1e-4, 1e-9 * scale, "Re X");
        AssertClose(im, Vals(spec.imag), 1e-4, 1e-9 * scale, "Im X");
    }

    [Fact]
    public void StftWithCenteringReflectPadsByHalfTheFftLength()
    {
        using var scope = NewDisposeScope();
        manual_seed(52);
        const int L = 50, nFft = 16, hop = 5;
        var x = randn(L, float64);
        var window = hann_window(nFft, dtype: float64);
        var spec = stft(x, nFft, hop, window: window, center: true, pad_mode: PaddingModes.Reflect);

        int frames = 1 + L / hop;
        Assert.Equal(new long[] { nFft / 2 + 1, frames }, spec.shape);

        var padded = ReflectPad(Vals(x), nFft / 2);
        var (re, im) = NaiveStft(padded, Hann(nFft, true), nFft, hop);
        Assert.Equal(frames, re.Length / (nFft / 2 + 1));
        var mag = re.Zip(im, (a, b) => Math.Sqrt(a * a + b * b)).ToArray();
        double scale = mag.Max();
        AssertClose(mag, Vals(spec.abs()), 1e-4, 1e-9 * scale, "|X|");
        AssertClose(re, Vals(spec.real), 1e-4, 1e-9 * scale, "Re X");
        AssertClose(im, Vals(spec.imag), 1e-4, 1e-9 * scale, "Im X");
    }

    [Fact]
    public void StftOfFloat32SignalAgreesWithTheFloat64Dft()
    {
        using var scope = NewDisposeScope();
        manual_seed(53);
        const int L = 80, nFft = 32, hop = 8;
        var x = randn(L);
        var window = hann_window(nFft);
        var spec = stft(x, nFft, hop, window: window, center: true);
        Assert.Equal(ScalarType.ComplexFloat32, spec.dtype);
        Assert.Equal(new long[] { nFft / 2 + 1, 1 + L / hop }, spec.shape);

        var (re, im) = NaiveStft(ReflectPad(Vals(x), nFft / 2), Vals(window), nFft, hop);
        var mag = re.Zip(im, (a, b) => Math.Sqrt(a * a + b * b)).ToArray();
        // float32 rounding is absolute (relative to the spectrum's scale), so the floor is scaled to it.
        AssertClose(mag, Vals(spec.abs()), 1e-4, 1e-5 * mag.Max(), "|X|");
    }

    [Fact]
    public void StftOfAPureToneHasItsPeakAtTheToneBin()
    {
        using var scope = NewDisposeScope();
        const int L = 256, nFft = 64, hop = 16, bin = 5;
        var t = arange(0, L, float64);
        var x = (t * (2 * Math.PI * bin / nFft)).cos();
        var spec = stft(x, nFft, hop, window: hann_window(nFft, dtype: float64), center: false);
        var (_, peak) = spec.abs().max(0);
        TensorAssert.Equal(Enumerable.Repeat((long)bin, (int)peak.shape[0]).ToArray(), new long[] { 1 + (L - nFft) / hop }, peak);
    }

    [Theory]
    [InlineData(100, 16, 4, false)]
    [InlineData(100, 16, 4, true)]
    [InlineData(101, 20, 7, false)]
    [InlineData(101, 20, 7, true)]
    [InlineData(64, 64, 16, false)]
    public void StftFrameCountFollowsTheFormula(int length, int nFft, int hop, bool center)
    {
        using var scope = NewDisposeScope();
        var x = zeros(length, float64);
        var spec = stft(x, nFft, hop, window: hann_window(nFft, dtype: float64), center: center);
        // center pads n_fft/2 on each side: 1 + (L + 2·(n_fft/2) − n_fft) / hop, which is 1 + L/hop for even n_fft.
        long padded = center ? length + 2 * (nFft / 2) : length;
        long frames = 1 + (padded - nFft) / hop;
        Assert.Equal(new long[] { nFft / 2 + 1, frames }, spec.shape);
    }

    [Fact]
    public void StftDefaultsHopToAQuarterOfTheFftLength()
    {
        using var scope = NewDisposeScope();
        var x = zeros(128, float64);
        var spec = stft(x, 32, window: hann_window(32, dtype: float64), center: false);
        Assert.Equal(new long[] { 17, 1 + (128 - 32) / 8 }, spec.shape);
    }

    [Fact]
    public void StftOfABatchAddsALeadingDimension()
    {
        using var scope = NewDisposeScope();
        manual_seed(54);
        var x = randn(3, 48, float64);
        var window = hann_window(16, dtype: float64);
        var spec = stft(x, 16, 4, window: window, center: false);
        Assert.Equal(new long[] { 3, 9, 1 + (48 - 16) / 4 }, spec.shape);

        // The second signal of the batch transforms as it would alone.
        var xs = Vals(x);
        var (re, im) = NaiveStft(xs.Skip(48).Take(48).ToArray(), Hann(16, true), 16, 4);
        var mag = re.Zip(im, (a, b) => Math.Sqrt(a * a + b * b)).ToArray();
        AssertClose(mag, Vals(spec.select(0, 1).abs()), 1e-4, 1e-9 * mag.Max(), "|X[1]|");
    }

    [Fact]
    public void ComplexPartsAndViewAsRealHaveTheExpectedShapes()
    {
        using var scope = NewDisposeScope();
        manual_seed(55);
        var x = randn(40, float64);
        var spec = stft(x, 8, 2, window: hann_window(8, dtype: float64), center: false);
        long[] shape = { 5, 1 + (40 - 8) / 2 };
        Assert.Equal(shape, spec.shape);
        Assert.True(spec.is_complex());

        var re = spec.real;
        var im = spec.imag;
        Assert.Equal(shape, re.shape);
        Assert.Equal(shape, im.shape);
        Assert.Equal(ScalarType.Float64, re.dtype);
        Assert.Equal(ScalarType.Float64, im.dtype);

        var pairs = spec.view_as_real();
        Assert.Equal(new long[] { shape[0], shape[1], 2 }, pairs.shape);
        Assert.Equal(ScalarType.Float64, pairs.dtype);

        // view_as_real interleaves (re, im); the DC bin of a real signal has no imaginary part.
        var p = Vals(pairs);
        var r = Vals(re);
        var i = Vals(im);
        for (int k = 0; k < r.Length; k++)
        {
            Assert.Equal(r[k], p[2 * k]);
            Assert.Equal(i[k], p[2 * k + 1]);
        }
        for (int k = 0; k < shape[1]; k++) Assert.Equal(0.0, i[k], 1e-12);
    }
}
