namespace RnnTorch;

/// <summary>How padding fills the new elements (TorchSharp's enum).</summary>
public enum PaddingModes
{
    /// <summary>Zeros.</summary>
    Zeros = 0,
    /// <summary>Mirror without repeating the edge.</summary>
    Reflect = 1,
    /// <summary>Repeat the edge.</summary>
    Replicate = 2,
    /// <summary>Wrap around.</summary>
    Circular = 3,
    /// <summary>A constant value.</summary>
    Constant = 4,
}
