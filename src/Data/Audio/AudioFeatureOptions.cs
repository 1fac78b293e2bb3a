namespace RnnTorch.Data;

/// <summary>
/// Settings of the feature pipeline in <see cref="AudioFeatures"/>. The defaults are the usual speech front end:
/// 25 ms Hann windows every 10 ms, pre-emphasis 0.97, 40 HTK mel bands, 13 MFCCs, per-utterance normalisation.
/// </summary>
public sealed record AudioFeatureOptions
{
    /// <summary>Window (frame) length in milliseconds; rounded to whole samples.</summary>
    public double WindowMs { get; init; } = 25;

    /// <summary>Hop between frame starts in milliseconds; rounded to whole samples.</summary>
    public double HopMs { get; init; } = 10;

    /// <summary>FFT size; 0 picks the smallest power of two not below the window length.</summary>
    public int FftSize { get; init; }

    /// <summary>Pre-emphasis coefficient a in y[n] = x[n] − a·x[n−1]; 0 turns it off.</summary>
    public double PreEmphasis { get; init; } = 0.97;

    /// <summary>Number of mel bands.</summary>
    public int MelBands { get; init; } = 40;

    /// <summary>Number of cepstral coefficients kept (MFCC only).</summary>
    public int Coefficients { get; init; } = 13;

    /// <summary>Lowest filterbank frequency in Hz.</summary>
    public double MinFrequency { get; init; }

    /// <summary>Highest filterbank frequency in Hz; null means the Nyquist frequency.</summary>
    public double? MaxFrequency { get; init; }

    /// <summary>Which features to produce.</summary>
    public AudioFeatureKind Kind { get; init; } = AudioFeatureKind.Mfcc;

    /// <summary>Appended derivatives: 0 none, 1 deltas, 2 deltas and delta-deltas (each doubles or triples the width).</summary>
    public int DeltaOrder { get; init; }

    /// <summary>Half-width N of the delta regression window.</summary>
    public int DeltaWidth { get; init; } = 2;

    /// <summary>Whether to normalise each feature to zero mean and unit variance over the utterance.</summary>
    public bool Normalize { get; init; } = true;
}
