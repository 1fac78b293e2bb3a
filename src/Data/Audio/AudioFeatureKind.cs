namespace RnnTorch.Data;

/// <summary>Which per-frame features <see cref="AudioFeatures.Compute(float[], int, AudioFeatureOptions?)"/> produces.</summary>
public enum AudioFeatureKind
{
    /// <summary>Log mel-filterbank energies (<see cref="AudioFeatureOptions.MelBands"/> per frame).</summary>
    LogMel,

    /// <summary>Mel-frequency cepstral coefficients (<see cref="AudioFeatureOptions.Coefficients"/> per frame).</summary>
    Mfcc,
}
