namespace RnnTorch.Data;

/// <summary>
/// Voice-activity detection data: each utterance of an underlying dataset, trimmed to its speech, with seeded random
/// silence before and after it and seeded Gaussian noise over the whole clip, labelled per feature frame as speech (1)
/// or non-speech (0); a many-to-many task at frame level.
/// </summary>
/// <remarks>
/// Speech runs from the first to the last sample of the utterance whose magnitude reaches
/// <see cref="SpeechFramesOptions.SpeechThreshold"/> × its peak. Frame t (samples [t·H, t·H + W), see
/// <see cref="AudioFeatures"/>) is labelled speech when its centre sample t·H + ⌊W/2⌋ lies in that span. Item i draws
/// from a <see cref="System.Random"/> seeded with the seed and i, so an item is the same whatever the access order.
/// </remarks>
public sealed class SpeechFramesDataset : Dataset<SpeechFrames>
{
    /// <summary>The registry name.</summary>
    public const string Name = "speech-frames";

    private readonly Dataset<AudioClip> utterances;

    /// <summary>The registry entry (sizes for the default <see cref="SpokenDigitsSpec"/>).</summary>
    public static DatasetInfo Info { get; } = new(
        Name,
        "voice-activity detection: speech / non-speech per 10 ms frame of a spoken digit in random silence and noise",
        "many-to-many (frame level)",
        SpokenDigitsDataset.Info.Size,
        "spoken-digits (espeak-ng) with seeded silence and Gaussian noise",
        "generated data (espeak-ng itself is GPL-3.0+)",
        $"espeak-ng (`{SpokenDigitsDataset.InstallHint}`); generated into the cache on first use");

    /// <summary>Embeds the utterances of <paramref name="utterances"/> in silence and noise.</summary>
    /// <param name="utterances">The utterances (e.g. a <see cref="SpokenDigitsDataset"/> or a <see cref="WavFolderDataset"/>).</param>
    /// <param name="options">The embedding and framing; null for the defaults.</param>
    public SpeechFramesDataset(Dataset<AudioClip> utterances, SpeechFramesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        this.utterances = utterances;
        Options = options ?? new SpeechFramesOptions();
        Check(Options);
    }

    /// <summary>The spoken-digits split embedded in silence and noise (generated into the cache when needed).</summary>
    /// <param name="train">True for the training voices, false for the held-out test voices.</param>
    /// <param name="options">The embedding and framing; null for the defaults.</param>
    /// <param name="spec">The spoken-digits settings; null for the defaults.</param>
    /// <param name="root">The cache root; null for <see cref="DataCache.Root"/>.</param>
    public static SpeechFramesDataset FromSpokenDigits(bool train = true, SpeechFramesOptions? options = null, SpokenDigitsSpec? spec = null, string? root = null) =>
        new(new SpokenDigitsDataset(train, spec, root), options);

    /// <summary>The embedding and framing settings.</summary>
    public SpeechFramesOptions Options { get; }

    /// <inheritdoc />
    public override int Count => utterances.Count;

    /// <inheritdoc />
    public override SpeechFrames this[int index]
    {
        get
        {
            CheckIndex(index);
            var clip = utterances[index];
            return Embed(clip, unchecked(Options.Seed * 1_000_003 + index), Options);
        }
    }

    /// <summary>Embeds one clip with a <see cref="System.Random"/> seeded by <paramref name="seed"/>.</summary>
    internal static SpeechFrames Embed(AudioClip clip, int seed, SpeechFramesOptions options)
    {
        var (start, end) = SpeechSpan(clip.Samples, options.SpeechThreshold);
        var random = new Random(seed);
        int rate = clip.SampleRate;
        int before = SilenceSamples(random, rate, options);
        int after = SilenceSamples(random, rate, options);
        double noise = Math.Exp(Math.Log(options.MinNoise) + random.NextDouble() * (Math.Log(options.MaxNoise) - Math.Log(options.MinNoise)));
        int speech = end - start;
        var samples = new float[before + speech + after];
        Array.Copy(clip.Samples, start, samples, before, speech);
        for (int i = 0; i < samples.Length; i++)
        {
            // Box–Muller: 1 − NextDouble() lies in (0, 1], so the logarithm is finite.
            double g = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
            samples[i] = (float)Math.Clamp(samples[i] + noise * g, -1.0, 1.0);
        }
        int speechStart = before, speechEnd = before + speech;
        long window = AudioFeatures.Samples(rate, options.Features.WindowMs);
        long hop = AudioFeatures.Samples(rate, options.Features.HopMs);
        long frames = AudioFeatures.FrameCount(samples.Length, window, hop);
        var labels = new long[frames];
        for (long t = 0; t < frames; t++)
        {
            long centre = t * hop + window / 2;
            labels[t] = centre >= speechStart && centre < speechEnd ? 1 : 0;
        }
        return new SpeechFrames(samples, rate, labels, speechStart, speechEnd, clip.Source);
    }

    /// <summary>The span [start, end) from the first to the last sample whose magnitude reaches threshold × peak (empty for a silent clip).</summary>
    internal static (int Start, int End) SpeechSpan(float[] samples, double threshold)
    {
        float peak = 0;
        foreach (float s in samples) peak = Math.Max(peak, Math.Abs(s));
        if (peak == 0) return (0, 0);
        double level = threshold * peak;
        int start = 0, end = samples.Length;
        while (Math.Abs(samples[start]) < level) start++;
        while (Math.Abs(samples[end - 1]) < level) end--;
        return (start, end);
    }

    private static int SilenceSamples(Random random, int rate, SpeechFramesOptions o) =>
        (int)Math.Round((o.MinSilenceMs + random.NextDouble() * (o.MaxSilenceMs - o.MinSilenceMs)) * rate / 1000.0);

    private static void Check(SpeechFramesOptions o)
    {
        ArgumentNullException.ThrowIfNull(o.Features, "options.Features");
        if (!(o.MinSilenceMs >= 0) || !(o.MaxSilenceMs >= o.MinSilenceMs) || double.IsInfinity(o.MaxSilenceMs))
            throw new ArgumentOutOfRangeException("options", $"options.MinSilenceMs and MaxSilenceMs must satisfy 0 ≤ min ≤ max < ∞, but were {o.MinSilenceMs} and {o.MaxSilenceMs}.");
        if (!(o.MinNoise > 0) || !(o.MaxNoise >= o.MinNoise) || o.MaxNoise > 1)
            throw new ArgumentOutOfRangeException("options", $"options.MinNoise and MaxNoise must satisfy 0 < min ≤ max ≤ 1, but were {o.MinNoise} and {o.MaxNoise}.");
        if (!(o.SpeechThreshold > 0 && o.SpeechThreshold <= 1))
            throw new ArgumentOutOfRangeException("options", o.SpeechThreshold, $"options.SpeechThreshold must be in (0, 1], but was {o.SpeechThreshold}.");
    }
}
