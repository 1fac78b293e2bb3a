namespace RnnTorch.Data;

/// <summary>How <see cref="SpeechFramesDataset"/> embeds each utterance and labels its frames.</summary>
public sealed record SpeechFramesOptions
{
    /// <summary>The framing that the labels follow (only <see cref="AudioFeatureOptions.WindowMs"/> and
    /// <see cref="AudioFeatureOptions.HopMs"/> matter here); compute features with the same options so that frames and labels line up.</summary>
    public AudioFeatureOptions Features { get; init; } = new();

    /// <summary>The shortest silence added before and after the utterance, in milliseconds.</summary>
    public double MinSilenceMs { get; init; } = 200;

    /// <summary>The longest silence added before and after the utterance, in milliseconds.</summary>
    public double MaxSilenceMs { get; init; } = 1000;

    /// <summary>The lowest noise level: the standard deviation of the Gaussian noise added everywhere (full scale 1).</summary>
    public double MinNoise { get; init; } = 0.001;

    /// <summary>The highest noise level (drawn log-uniformly between <see cref="MinNoise"/> and this).</summary>
    public double MaxNoise { get; init; } = 0.02;

    /// <summary>Samples whose magnitude is below this fraction of the utterance's peak count as silence when finding where speech starts and ends.</summary>
    public double SpeechThreshold { get; init; } = 0.01;

    /// <summary>The seed; item i uses a <see cref="System.Random"/> seeded from it and i, so items do not depend on access order.</summary>
    public int Seed { get; init; } = 1234;
}
