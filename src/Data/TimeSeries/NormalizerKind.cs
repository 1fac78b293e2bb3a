namespace RnnTorch.Data;

/// <summary>How a <see cref="Normalizer"/> scales each column.</summary>
public enum NormalizerKind
{
    /// <summary>z-score: <c>(x - mean) / std</c>, with the population standard deviation (divide by n).</summary>
    Standard,

    /// <summary>Min–max: <c>(x - min) / (max - min)</c>, mapping the fitted range to [0, 1].</summary>
    MinMax,
}
