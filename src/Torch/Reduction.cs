namespace RnnTorch;

/// <summary>How a loss reduces its per-element values (TorchSharp's enum; the numbers are the native shim's codes).</summary>
public enum Reduction
{
    /// <summary>No reduction: one loss value per element (or per sample).</summary>
    None = 0,

    /// <summary>The (weighted) mean of the per-element losses (the default).</summary>
    Mean = 1,

    /// <summary>The sum of the per-element losses.</summary>
    Sum = 2,
}
