using RnnTorch;
using static RnnTorch.torch;

namespace RnnTorch.Data.Tests;

public sealed class AudioFeaturesTests
{
    // HTK mel scale, written out here independently of the code under test.
    private static double Mel(double f) => 2595.0 * Math.Log10(1.0 + f / 700.0);
    private static double Hz(double m) => 700.0 * (Math.Pow(10.0, m / 2595.0) - 1.0);

    private static float[] Tone(double frequency, int sampleRate, int length, double amplitude = 0.5)
    {
        var x = new float[length];
        for (int n = 0; n < length; n++) x[n] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * n / sampleRate));
        return x;
    }

    private static double[] Values(Tensor t)
    {
        using var c = t.to(ScalarType.Float64).contiguous();
        return c.data<double>().ToArray();
    }

    [Theory]
    [InlineData(16000, 400, 160, 99)]   // 1 + ⌈(16000 − 400)/160⌉ = 1 + ⌈97.5⌉
    [InlineData(400, 400, 160, 1)]     // exactly one window
    [InlineData(100, 400, 160, 1)]     // shorter than a window: padded to one frame
    [InlineData(401, 400, 160, 2)]
    [InlineData(560, 400, 160, 2)]     // 1 + ⌈160/160⌉
    [InlineData(561, 400, 160, 3)]
    public void FrameCountFollowsTheDocumentedFormula(long samples, long window, long hop, long expected)
    {
        Assert.Equal(expected, AudioFeatures.FrameCount(samples, window, hop));
    }

    [Fact]
    public void MillisecondsRoundToSamples()
    {
        Assert.Equal(400, AudioFeatures.Samples(16000, 25));
        Assert.Equal(160, AudioFeatures.Samples(16000, 10));
        Assert.Equal(551, AudioFeatures.Samples(22050, 25)); // 551.25
        Assert.Equal(221, AudioFeatures.Samples(22050, 10)); // 220.5 rounds away from zero
    }

    [Fact]
    public void FramesHoldTheDocumentedSamplesAndZeroPadTheEnd()
    {
        var x = new float[23];
        for (int i = 0; i < x.Length; i++) x[i] = i + 1;
        using var frames = AudioFeatures.Frames(tensor(x), window: 8, hop: 5);
        long count = 1 + (23 - 8 + 4) / 5; // 1 + ⌈15/5⌉ = 4
        Assert.Equal(new[] { count, 8L }, frames.shape);
        double[] v = Values(frames);
        for (int t = 0; t < count; t++)
        {
            for (int j = 0; j < 8; j++)
            {
                int n = t * 5 + j;
                Assert.Equal(n < 23 ? n + 1 : 0, v[t * 8 + j]);
            }
        }
    }

    [Fact]
    public void FeaturePipelineGivesTheDocumentedFrameCount()
    {
        float[] x = Tone(440, 16000, 12345);
        using var mfcc = AudioFeatures.Mfcc(tensor(x), 16000);
        Assert.Equal(new long[] { 1 + (12345 - 400 + 159) / 160, 13 }, mfcc.shape);
        float[][] rows = AudioFeatures.Compute(x, 16000, new AudioFeatureOptions { DeltaOrder = 2 });
        Assert.Equal(AudioFeatures.FrameCount(12345, 400, 160), rows.Length);
        Assert.All(rows, r => Assert.Equal(39, r.Length));
        using var batch = AudioFeatures.LogMel(tensor(new[] { x, x }.SelectMany(a => a).ToArray(), new long[] { 2, 12345 }), 16000);
        Assert.Equal(new long[] { 2, 76, 40 }, batch.shape); // 1 + ⌈(12345 − 400)/160⌉ = 1 + ⌈74.66⌉
    }

    private static double[] NaiveMagnitudes(double[] x, int window, int hop, int nFft, out int frames)
    {
        frames = x.Length <= window ? 1 : 1 + (x.Length - window + hop - 1) / hop;
        int bins = nFft / 2 + 1;
        var result = new double[frames * bins];
        for (int t = 0; t < frames; t++)
        {
            for (int k = 0; k < bins; k++)
            {
                double re = 0, im = 0;
                for (int n = 0; n < window; n++)
                {
                    int i = t * hop + n;
                    double sample = i < x.Length ? x[i] : 0.0;
                    double w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / window); // periodic Hann
                    double angle = -2 * Math.PI * k * n / nFft;
                    re += w * sample * Math.Cos(angle);
                    im += w * sample * Math.Sin(angle);
                }
                result[t * bins + k] = Math.Sqrt(re * re + im * im);
            }
        }
        return result;
    }

    [Theory]
    [InlineData(ScalarType.Float64, 1e-4)]
    [InlineData(ScalarType.Float32, 1e-4)]
    public void StftMagnitudeMatchesANaiveFloat64Dft(ScalarType dtype, double tolerance)
    {
        var random = new Random(7);
        var x = new double[1000];
        for (int i = 0; i < x.Length; i++) x[i] = random.NextDouble() * 2 - 1;
        const int window = 200, hop = 80, nFft = 256;
        double[] expected = NaiveMagnitudes(x, window, hop, nFft, out int frames);
        using var signal = tensor(x, dtype: dtype);
        using var spectrum = AudioFeatures.Stft(signal, window, hop, nFft);
        Assert.Equal(new long[] { frames, nFft / 2 + 1 }, spectrum.shape);
        using var magnitude = spectrum.abs();
        double[] actual = Values(magnitude);
        // Float32 arithmetic on magnitudes up to ~50 carries ~1e-6 relative error: compare relative to the largest magnitude.
        double scale = dtype == ScalarType.Float64 ? 1.0 : expected.Max();
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"bin {i}: expected {expected[i]}, got {actual[i]}");

        using var power = AudioFeatures.PowerSpectrum(signal, window, hop, nFft);
        double[] p = Values(power);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i] * expected[i], p[i], 1e-3 * scale * scale);
    }

    [Fact]
    public void MelBandEdgesAreEquallySpacedOnTheHtkScale()
    {
        double[] edges = AudioFeatures.MelBandEdges(10, 0, 8000);
        Assert.Equal(12, edges.Length);
        Assert.Equal(0, edges[0], 1e-9);
        Assert.Equal(8000, edges[11], 1e-6);
        for (int i = 0; i < edges.Length; i++) Assert.Equal(Hz(Mel(8000) * i / 11), edges[i], 1e-6);
        Assert.Equal(1000, AudioFeatures.MelToHertz(AudioFeatures.HertzToMel(1000)), 1e-9);
        Assert.Equal(2595 * Math.Log10(1 + 1000 / 700.0), AudioFeatures.HertzToMel(1000), 1e-9);
    }

    [Theory]
    [InlineData(250.0)]
    [InlineData(1000.0)]
    [InlineData(2750.0)]
    [InlineData(6100.0)]
    public void APureToneLandsInTheMelBandThatContainsItsFrequency(double frequency)
    {
        const int rate = 16000, bands = 40;
        var options = new AudioFeatureOptions { Kind = AudioFeatureKind.LogMel, MelBands = bands, PreEmphasis = 0, Normalize = false };
        using var logMel = AudioFeatures.LogMel(tensor(Tone(frequency, rate, 8000)), rate, options);
        using var mean = logMel.mean(0L);
        int loudest = (int)mean.argmax().ToInt64();
        // Band m spans edges m … m + 2 (peak at m + 1) with edges equally spaced in HTK mel from 0 to 8000 Hz.
        double lower = Hz(Mel(rate / 2.0) * loudest / (bands + 1));
        double upper = Hz(Mel(rate / 2.0) * (loudest + 2) / (bands + 1));
        Assert.InRange(frequency, lower, upper);
        // The nearest band centre to the tone is the loudest band.
        int nearest = Enumerable.Range(0, bands).MinBy(m => Math.Abs(Hz(Mel(rate / 2.0) * (m + 1) / (bands + 1)) - frequency));
        Assert.Equal(nearest, loudest);
    }

    [Fact]
    public void MelFilterbankTrianglesPeakAtOneAtTheirCentres()
    {
        // With nFft = sampleRate the bins fall on whole hertz, so centres can be checked at the nearest bin.
        const int rate = 8000, nFft = 8000, bands = 8;
        using var bank = AudioFeatures.MelFilterbank(bands, nFft, rate, dtype: ScalarType.Float64);
        Assert.Equal(new long[] { nFft / 2 + 1, bands }, bank.shape);
        double[] w = Values(bank);
        for (int m = 0; m < bands; m++)
        {
            double lower = Hz(Mel(4000) * m / (bands + 1)), centre = Hz(Mel(4000) * (m + 1) / (bands + 1)), upper = Hz(Mel(4000) * (m + 2) / (bands + 1));
            int k = (int)Math.Round(centre);
            double expected = Math.Min((k - lower) / (centre - lower), (upper - k) / (upper - centre));
            Assert.Equal(expected, w[k * bands + m], 1e-9);
            Assert.True(expected > 0.99);
            Assert.Equal(0.0, w[(int)Math.Floor(lower) * bands + m], 1e-12);
            Assert.Equal(0.0, w[Math.Min(4000, (int)Math.Ceiling(upper)) * bands + m], 1e-12);
        }
    }

    [Fact]
    public void DctMatrixIsOrthonormalAndFollowsTheDctIIFormula()
    {
        const int n = 40;
        using var d = AudioFeatures.DctMatrix(n, dtype: ScalarType.Float64);
        using var gram = d.t().matmul(d);
        double[] g = Values(gram);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) Assert.Equal(i == j ? 1.0 : 0.0, g[i * n + j], 1e-12);
        }
        using var truncated = AudioFeatures.DctMatrix(n, 13, ScalarType.Float64);
        Assert.Equal(new long[] { n, 13 }, truncated.shape);
        double[] v = Values(truncated);
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < 13; k++)
            {
                double expected = (k == 0 ? Math.Sqrt(1.0 / n) : Math.Sqrt(2.0 / n)) * Math.Cos(Math.PI * (2 * i + 1) * k / (2.0 * n));
                Assert.Equal(expected, v[i * 13 + k], 1e-12);
            }
        }
    }

    [Fact]
    public void PreEmphasisSubtractsTheScaledPreviousSample()
    {
        using var y = AudioFeatures.PreEmphasis(tensor(new double[] { 1, 2, 3, 5 }), 0.5);
        Assert.Equal(new[] { 1.0, 1.5, 2.0, 3.5 }, Values(y));
    }

    [Fact]
    public void DeltasOfARampAreItsSlopeWithRepeatedEdges()
    {
        // c_t = 3t for t = 0 … 5, one feature; N = 2, denominator 2·(1 + 4) = 10.
        using var c = tensor(new double[] { 0, 3, 6, 9, 12, 15 }, new long[] { 6, 1 });
        using var d = AudioFeatures.Deltas(c, 2);
        // t = 0: (1·(3 − 0) + 2·(6 − 0)) / 10 = 1.5; t = 1: (1·(6 − 0) + 2·(9 − 0)) / 10 = 2.4; symmetric at the end.
        double[] expected = [1.5, 2.4, 3, 3, 2.4, 1.5];
        double[] actual = Values(d);
        for (int i = 0; i < 6; i++) Assert.Equal(expected[i], actual[i], 1e-12);
    }

    [Fact]
    public void NormalizeGivesZeroMeanAndUnitVariancePerFeature()
    {
        using var x = tensor(new double[] { 1, 10, 2, 20, 3, 30, 6, 60 }, new long[] { 4, 2 });
        using var y = AudioFeatures.Normalize(x, epsilon: 0);
        double[] v = Values(y);
        // Column 0: mean 3, population variance (4 + 1 + 0 + 9)/4 = 3.5.
        double sd = Math.Sqrt(3.5);
        double[] expected = [(1 - 3) / sd, (2 - 3) / sd, (3 - 3) / sd, (6 - 3) / sd];
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(expected[t], v[2 * t], 1e-12);
            Assert.Equal(expected[t], v[2 * t + 1], 1e-12); // column 1 is column 0 × 10
        }
    }

    [Fact]
    public void MfccIsTheDctOfTheLogMel()
    {
        float[] x = Tone(700, 16000, 4000);
        var options = new AudioFeatureOptions { MelBands = 20, Coefficients = 5, Normalize = false };
        using var logMel = AudioFeatures.LogMel(tensor(x, dtype: ScalarType.Float64), 16000, options);
        using var mfcc = AudioFeatures.Mfcc(tensor(x, dtype: ScalarType.Float64), 16000, options);
        double[] l = Values(logMel), m = Values(mfcc);
        long frames = logMel.size(0);
        for (long t = 0; t < frames; t++)
        {
            for (int k = 0; k < 5; k++)
            {
                double expected = 0;
                for (int b = 0; b < 20; b++) expected += l[t * 20 + b] * (k == 0 ? Math.Sqrt(1.0 / 20) : Math.Sqrt(0.1)) * Math.Cos(Math.PI * (b + 0.5) * k / 20);
                Assert.Equal(expected, m[t * 5 + k], 1e-9);
            }
        }
    }

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AudioFeatures.FrameCount(10, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AudioFeatures.Samples(16000, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AudioFeatures.FftSizeFor(400, 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => AudioFeatures.DctMatrix(10, 11));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AudioFeatures.MelFilterbank(10, 512, 16000, maxFrequency: 9000));
        Assert.Contains("Nyquist", e.Message);
    }
}
