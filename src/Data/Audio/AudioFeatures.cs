using static RnnTorch.torch;

namespace RnnTorch.Data;

/// <summary>
/// Speech features computed with engine operations, so they run wherever the input tensor lives (CPU or CUDA) and in
/// its floating dtype. Signals are tensors whose last dimension is time (<c>(L)</c> or <c>(N, L)</c>); per-frame
/// results put frames before features: <c>(…, frames, features)</c>, the layout a batch-first RNN reads.
/// </summary>
/// <remarks>
/// <para><b>Framing.</b> A window of W = round(windowMs·rate/1000) samples starts every H = round(hopMs·rate/1000)
/// samples; frame t covers samples [t·H, t·H + W). A signal of L samples gives
/// <see cref="FrameCount(long, long, long)"/> = 1 + ⌈(L − W)/H⌉ frames when L &gt; W and 1 frame otherwise; the signal
/// is zero-padded at the end to (frames − 1)·H + W samples so that every sample lies in some frame.</para>
/// <para><b>Spectrum.</b> Each frame is multiplied by a periodic Hann window of W points
/// (w[n] = 0.5 − 0.5·cos(2πn/W), <see cref="hann_window"/>), zero-padded on the right to the FFT size and transformed
/// with <see cref="stft"/>; the one-sided bins k = 0 … nFft/2 sit at k·rate/nFft Hz. The power spectrum is |X|², unscaled.</para>
/// <para><b>Mel filterbank.</b> HTK mel scale, mel(f) = 2595·log10(1 + f/700); nMels + 2 edges equally spaced in mel
/// between the lowest and highest frequency; band m is a triangle rising from edge m to a peak of 1 at edge m + 1 and
/// falling to 0 at edge m + 2, sampled at the bin frequencies (no area normalisation; torchaudio's
/// <c>melscale_fbanks(mel_scale="htk", norm=None)</c>).</para>
/// <para><b>MFCC.</b> The orthonormal DCT-II of the log-mel energies, keeping the first coefficients.</para>
/// </remarks>
public static class AudioFeatures
{
    /// <summary>The floor applied to mel energies before the logarithm, so silence gives a finite value.</summary>
    public const double LogFloor = 1e-10;

    /// <summary>The number of samples in <paramref name="milliseconds"/> at <paramref name="sampleRate"/>, rounded to nearest (at least 1).</summary>
    public static long Samples(int sampleRate, double milliseconds)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, $"sampleRate must be positive, but was {sampleRate}.");
        if (!(milliseconds > 0) || double.IsInfinity(milliseconds))
            throw new ArgumentOutOfRangeException(nameof(milliseconds), milliseconds, $"milliseconds must be positive and finite, but was {milliseconds}.");
        return Math.Max(1, (long)Math.Round(milliseconds * sampleRate / 1000.0, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// The number of frames for <paramref name="samples"/> samples: 1 + ⌈(samples − window)/hop⌉ when samples &gt; window,
    /// else 1 (the signal is zero-padded to fill the last frame).
    /// </summary>
    public static long FrameCount(long samples, long window, long hop)
    {
        if (samples < 0) throw new ArgumentOutOfRangeException(nameof(samples), samples, $"samples must not be negative, but was {samples}.");
        CheckPositive(window, nameof(window));
        CheckPositive(hop, nameof(hop));
        return samples <= window ? 1 : 1 + (samples - window + hop - 1) / hop;
    }

    /// <summary>The FFT size used for <paramref name="window"/>-sample frames: <paramref name="fftSize"/> when positive, else the next power of two ≥ window.</summary>
    public static long FftSizeFor(long window, int fftSize = 0)
    {
        CheckPositive(window, nameof(window));
        if (fftSize < 0) throw new ArgumentOutOfRangeException(nameof(fftSize), fftSize, $"fftSize must not be negative, but was {fftSize}.");
        if (fftSize > 0)
        {
            if (fftSize < window) throw new ArgumentOutOfRangeException(nameof(fftSize), fftSize, $"fftSize {fftSize} is shorter than the {window}-sample window.");
            return fftSize;
        }
        long n = 1;
        while (n < window) n <<= 1;
        return n;
    }

    /// <summary>Pre-emphasis along the last dimension: y[0] = x[0], y[n] = x[n] − a·x[n−1].</summary>
    public static Tensor PreEmphasis(Tensor signal, double coefficient = 0.97)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (!double.IsFinite(coefficient)) throw new ArgumentOutOfRangeException(nameof(coefficient), coefficient, $"coefficient must be finite, but was {coefficient}.");
        long length = signal.size(-1);
        if (length < 2 || coefficient == 0) return signal.clone();
        using var scope = NewDisposeScope();
        var head = signal.narrow(-1, 0, 1);
        var rest = signal.narrow(-1, 1, length - 1) - signal.narrow(-1, 0, length - 1) * coefficient;
        return scope.MoveToOuter(cat(new[] { head, rest }, -1));
    }

    /// <summary>
    /// Splits the last dimension into overlapping frames: (…, L) → (…, frames, window), frame t holding samples
    /// [t·hop, t·hop + window) of the signal zero-padded at the end (see <see cref="FrameCount(long, long, long)"/>).
    /// </summary>
    public static Tensor Frames(Tensor signal, long window, long hop)
    {
        ArgumentNullException.ThrowIfNull(signal);
        long length = signal.size(-1);
        long frames = FrameCount(length, window, hop);
        using var scope = NewDisposeScope();
        var padded = PadTo(signal, (frames - 1) * hop + window);
        var starts = arange(0, frames * hop, hop, ScalarType.Int64, signal.device).unsqueeze(1);
        var offsets = arange(0, window, 1, ScalarType.Int64, signal.device).unsqueeze(0);
        var index = (starts + offsets).reshape(-1);
        var picked = padded.index_select(-1, index);
        long[] shape = signal.shape;
        var outShape = shape[..^1].Concat(new[] { frames, window }).ToArray();
        return scope.MoveToOuter(picked.reshape(outShape));
    }

    /// <summary>
    /// The short-time Fourier transform as complex (…, frames, nFft/2 + 1): Hann-windowed frames of
    /// <paramref name="window"/> samples every <paramref name="hop"/>, zero-padded to <paramref name="fftSize"/>
    /// (0 = next power of two), transformed with <see cref="stft"/>.
    /// </summary>
    public static Tensor Stft(Tensor signal, long window, long hop, int fftSize = 0)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (!signal.is_floating_point()) throw new ArgumentException($"signal must be a floating-point tensor, but has dtype {signal.dtype}.", nameof(signal));
        long nFft = FftSizeFor(window, fftSize);
        using var scope = NewDisposeScope();
        var frames = Frames(signal, window, hop);
        var windowed = frames * hann_window(window, periodic: true, dtype: signal.dtype, device: signal.device);
        if (nFft > window) windowed = nn.functional.pad(windowed, new[] { 0L, nFft - window });
        long[] frameShape = windowed.shape;
        var rows = windowed.reshape(-1, nFft);
        // One frame per row: an FFT of each row through stft (a rectangular window of nFft points, no centring).
        var spectrum = stft(rows, nFft, hop_length: nFft, win_length: nFft, window: ones(new[] { nFft }, signal.dtype, signal.device),
            center: false, onesided: true, return_complex: true);
        var outShape = frameShape[..^1].Concat(new[] { nFft / 2 + 1 }).ToArray();
        return scope.MoveToOuter(spectrum.reshape(outShape));
    }

    /// <summary>The power spectrum |X|² of <see cref="Stft(Tensor, long, long, int)"/>, real (…, frames, nFft/2 + 1).</summary>
    public static Tensor PowerSpectrum(Tensor signal, long window, long hop, int fftSize = 0)
    {
        using var scope = NewDisposeScope();
        var spectrum = Stft(signal, window, hop, fftSize);
        return scope.MoveToOuter(spectrum.view_as_real().square().sum(-1));
    }

    /// <summary>The mel value of <paramref name="hertz"/> on the HTK scale: 2595·log10(1 + f/700).</summary>
    public static double HertzToMel(double hertz) => 2595.0 * Math.Log10(1.0 + hertz / 700.0);

    /// <summary>The inverse of <see cref="HertzToMel(double)"/>: 700·(10^(m/2595) − 1).</summary>
    public static double MelToHertz(double mel) => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);

    /// <summary>
    /// The <paramref name="melBands"/> + 2 band edges in Hz, equally spaced on the HTK mel scale from
    /// <paramref name="minFrequency"/> to <paramref name="maxFrequency"/>: band m spans edges m … m + 2 and peaks at m + 1.
    /// </summary>
    public static double[] MelBandEdges(int melBands, double minFrequency, double maxFrequency)
    {
        CheckPositive(melBands, nameof(melBands));
        if (!(minFrequency >= 0)) throw new ArgumentOutOfRangeException(nameof(minFrequency), minFrequency, $"minFrequency must not be negative, but was {minFrequency}.");
        if (!(maxFrequency > minFrequency) || double.IsInfinity(maxFrequency))
            throw new ArgumentOutOfRangeException(nameof(maxFrequency), maxFrequency, $"maxFrequency must be finite and above minFrequency {minFrequency}, but was {maxFrequency}.");
        double low = HertzToMel(minFrequency), high = HertzToMel(maxFrequency);
        var edges = new double[melBands + 2];
        for (int i = 0; i < edges.Length; i++) edges[i] = MelToHertz(low + (high - low) * i / (melBands + 1));
        return edges;
    }

    /// <summary>
    /// The triangular HTK mel filterbank as a (nFft/2 + 1, melBands) matrix, so that <c>power.matmul(bank)</c> gives
    /// mel energies. <paramref name="maxFrequency"/> defaults to the Nyquist frequency.
    /// </summary>
    public static Tensor MelFilterbank(int melBands, long fftSize, int sampleRate, double minFrequency = 0, double? maxFrequency = null,
        ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        CheckPositive(fftSize, nameof(fftSize));
        CheckPositive(sampleRate, nameof(sampleRate));
        double nyquist = sampleRate / 2.0;
        double high = maxFrequency ?? nyquist;
        if (high > nyquist) throw new ArgumentOutOfRangeException(nameof(maxFrequency), high, $"maxFrequency {high} Hz is above the Nyquist frequency {nyquist} Hz.");
        double[] edges = MelBandEdges(melBands, minFrequency, high);
        long bins = fftSize / 2 + 1;
        var weights = new double[bins * melBands];
        for (long k = 0; k < bins; k++)
        {
            double f = (double)k * sampleRate / fftSize;
            for (int m = 0; m < melBands; m++)
            {
                double rise = (f - edges[m]) / (edges[m + 1] - edges[m]);
                double fall = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
                weights[k * melBands + m] = Math.Max(0.0, Math.Min(rise, fall));
            }
        }
        return tensor(weights, new[] { bins, (long)melBands }, dtype, device);
    }

    /// <summary>
    /// The orthonormal DCT-II as an (<paramref name="size"/>, <paramref name="coefficients"/>) matrix D with
    /// D[n, k] = s_k·cos(π(n + ½)k / size), s_0 = √(1/size), s_k = √(2/size): <c>x.matmul(D)</c> gives the first
    /// coefficients, and for coefficients = size, DᵀD = I.
    /// </summary>
    public static Tensor DctMatrix(int size, int? coefficients = null, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        CheckPositive(size, nameof(size));
        int count = coefficients ?? size;
        if (count <= 0 || count > size)
            throw new ArgumentOutOfRangeException(nameof(coefficients), count, $"coefficients must be in 1 … {size}, but was {count}.");
        var d = new double[size * count];
        for (int n = 0; n < size; n++)
        {
            for (int k = 0; k < count; k++)
            {
                double scale = k == 0 ? Math.Sqrt(1.0 / size) : Math.Sqrt(2.0 / size);
                d[n * count + k] = scale * Math.Cos(Math.PI * (n + 0.5) * k / size);
            }
        }
        return tensor(d, new[] { (long)size, count }, dtype, device);
    }

    /// <summary>Log mel energies (…, frames, melBands) of <paramref name="signal"/> with the settings in <paramref name="options"/> (pre-emphasis included).</summary>
    public static Tensor LogMel(Tensor signal, int sampleRate, AudioFeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        options ??= new AudioFeatureOptions();
        long window = Samples(sampleRate, options.WindowMs);
        long hop = Samples(sampleRate, options.HopMs);
        long nFft = FftSizeFor(window, options.FftSize);
        using var scope = NewDisposeScope();
        var x = options.PreEmphasis != 0 ? PreEmphasis(signal, options.PreEmphasis) : signal;
        var power = PowerSpectrum(x, window, hop, (int)nFft);
        var bank = MelFilterbank(options.MelBands, nFft, sampleRate, options.MinFrequency, options.MaxFrequency, signal.dtype, signal.device);
        return scope.MoveToOuter(power.matmul(bank).clamp(min: LogFloor).log());
    }

    /// <summary>MFCCs (…, frames, coefficients): the orthonormal DCT-II of <see cref="LogMel"/>.</summary>
    public static Tensor Mfcc(Tensor signal, int sampleRate, AudioFeatureOptions? options = null)
    {
        options ??= new AudioFeatureOptions();
        using var scope = NewDisposeScope();
        var logMel = LogMel(signal, sampleRate, options);
        var dct = DctMatrix(options.MelBands, options.Coefficients, logMel.dtype, logMel.device);
        return scope.MoveToOuter(logMel.matmul(dct));
    }

    /// <summary>
    /// Regression deltas along the frame axis (dimension −2 of (…, frames, features)):
    /// d_t = Σₙ₌₁ᴺ n·(c_{t+n} − c_{t−n}) / (2·Σₙ₌₁ᴺ n²), with the first and last frames repeated beyond the edges.
    /// </summary>
    public static Tensor Deltas(Tensor features, int width = 2)
    {
        ArgumentNullException.ThrowIfNull(features);
        CheckPositive(width, nameof(width));
        if (features.dim() < 2) throw new ArgumentException($"features must be (…, frames, features), but has {features.dim()} dimension(s).", nameof(features));
        long frames = features.size(-2);
        using var scope = NewDisposeScope();
        var t = arange(0, frames, 1, ScalarType.Int64, features.device);
        Tensor? sum = null;
        double denominator = 0;
        for (int n = 1; n <= width; n++)
        {
            var ahead = features.index_select(-2, (t + n).clamp(0, frames - 1));
            var behind = features.index_select(-2, (t - n).clamp(0, frames - 1));
            var term = (ahead - behind) * n;
            sum = sum is null ? term : sum + term;
            denominator += 2.0 * n * n;
        }
        return scope.MoveToOuter(sum! / denominator);
    }

    /// <summary>
    /// Per-utterance mean and variance normalisation along the frame axis: (x − mean) / √(var + <paramref name="epsilon"/>),
    /// with the population variance over frames of each feature.
    /// </summary>
    public static Tensor Normalize(Tensor features, double epsilon = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (!(epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon must not be negative, but was {epsilon}.");
        if (features.dim() < 2) throw new ArgumentException($"features must be (…, frames, features), but has {features.dim()} dimension(s).", nameof(features));
        using var scope = NewDisposeScope();
        var mean = features.mean(-2L, keepdim: true);
        var variance = features.var(-2L, unbiased: false, keepdim: true);
        return scope.MoveToOuter((features - mean) / (variance + epsilon).sqrt());
    }

    /// <summary>
    /// The whole pipeline on one utterance: log-mel or MFCC features (per <paramref name="options"/>), optional deltas,
    /// optional normalisation; returns (frames, features) as tensor of the signal's dtype on its device.
    /// </summary>
    public static Tensor Compute(Tensor signal, int sampleRate, AudioFeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        options ??= new AudioFeatureOptions();
        if (options.DeltaOrder is < 0 or > 2)
            throw new ArgumentOutOfRangeException(nameof(options), options.DeltaOrder, $"options.DeltaOrder must be 0, 1 or 2, but was {options.DeltaOrder}.");
        using var scope = NewDisposeScope();
        var features = options.Kind == AudioFeatureKind.Mfcc ? Mfcc(signal, sampleRate, options) : LogMel(signal, sampleRate, options);
        if (options.DeltaOrder > 0)
        {
            var parts = new List<Tensor> { features };
            var d = Deltas(features, options.DeltaWidth);
            parts.Add(d);
            if (options.DeltaOrder == 2) parts.Add(Deltas(d, options.DeltaWidth));
            features = cat(parts, -1);
        }
        if (options.Normalize) features = Normalize(features);
        return scope.MoveToOuter(features);
    }

    /// <summary>
    /// <see cref="Compute(Tensor, int, AudioFeatureOptions?)"/> on CPU samples, returned as [frame][feature] arrays
    /// (what <c>Collate.PadFeatures</c> takes).
    /// </summary>
    public static float[][] Compute(float[] samples, int sampleRate, AudioFeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        using var scope = NewDisposeScope();
        var signal = tensor(samples);
        var features = Compute(signal, sampleRate, options).to(ScalarType.Float32).contiguous();
        long frames = features.size(0), width = features.size(1);
        float[] flat = features.data<float>().ToArray();
        var result = new float[frames][];
        for (long t = 0; t < frames; t++) result[t] = flat.AsSpan((int)(t * width), (int)width).ToArray();
        return result;
    }

    private static Tensor PadTo(Tensor signal, long length)
    {
        long have = signal.size(-1);
        return have >= length ? signal.narrow(-1, 0, length) : nn.functional.pad(signal, new[] { 0L, length - have });
    }

    private static void CheckPositive(long value, string name)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive, but was {value}.");
    }
}
