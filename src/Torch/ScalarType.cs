namespace RnnTorch;

/// <summary>Element types of tensors; the numbers are libtorch's (and TorchSharp's).</summary>
public enum ScalarType : sbyte
{
    /// <summary>Unsigned 8-bit integer.</summary>
    Byte = 0,
    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 1,
    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 2,
    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 3,
    /// <summary>Signed 64-bit integer (indices, token ids).</summary>
    Int64 = 4,
    /// <summary>IEEE half precision.</summary>
    Float16 = 5,
    /// <summary>IEEE single precision (the default).</summary>
    Float32 = 6,
    /// <summary>IEEE double precision.</summary>
    Float64 = 7,
    /// <summary>Complex of two float32 (STFT output).</summary>
    ComplexFloat32 = 9,
    /// <summary>Complex of two float64.</summary>
    ComplexFloat64 = 10,
    /// <summary>Boolean.</summary>
    Bool = 11,
    /// <summary>Brain floating point.</summary>
    BFloat16 = 15,
}
