namespace RnnTorch;

/// <summary>Kinds of device; the numbers are libtorch's.</summary>
public enum DeviceType
{
    /// <summary>The host processor.</summary>
    CPU = 0,
    /// <summary>An NVIDIA GPU.</summary>
    CUDA = 1,
}
