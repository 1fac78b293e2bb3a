using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public partial class Tensor
{
    /// <summary>The size in bytes of one element of <paramref name="type"/>.</summary>
    internal static int ElementSize(ScalarType type) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.ComplexFloat64 => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"dtype {type} has no known element size."),
    };

    /// <summary>The number of bytes the elements take when laid out densely (<c>numel() * element size</c>).</summary>
    internal long ByteCount() => checked(numel() * ElementSize(dtype));

    /// <summary>
    /// The raw bytes of the elements in row-major order, in the machine's byte order (little-endian on every supported
    /// platform), whatever the dtype; a CUDA or non-contiguous tensor is copied to a dense CPU layout first.
    /// </summary>
    internal unsafe byte[] ToBytes()
    {
        long n = ByteCount();
        if (n > Array.MaxLength)
            throw new InvalidOperationException($"the tensor's {n} bytes do not fit in one array (at most {Array.MaxLength} bytes).");
        var result = new byte[n];
        fixed (byte* p = result) CopyBytesTo(p, n);
        return result;
    }

    /// <summary>Copies the raw bytes of the elements (as <see cref="ToBytes"/>) to <paramref name="destination"/>, which holds exactly <paramref name="byteCount"/> bytes.</summary>
    internal unsafe void CopyBytesTo(byte* destination, long byteCount) =>
        Check(rt_copy_to_host(Handle, destination, byteCount), this);

    /// <summary>
    /// A new CPU tensor of <paramref name="shape"/> and <paramref name="type"/> whose elements are copied from the raw
    /// row-major bytes <paramref name="bytes"/> (machine byte order); the length must be exactly numel × element size.
    /// </summary>
    internal static unsafe Tensor FromBytes(ReadOnlySpan<byte> bytes, long[] shape, ScalarType type)
    {
        fixed (byte* p = bytes) return FromBytes(p, bytes.Length, shape, type);
    }

    /// <summary>As <see cref="FromBytes(ReadOnlySpan{byte}, long[], ScalarType)"/>, from <paramref name="byteCount"/> bytes at <paramref name="data"/>.</summary>
    internal static unsafe Tensor FromBytes(byte* data, long byteCount, long[] shape, ScalarType type)
    {
        ThrowHelper.ThrowIfNull(shape);
        _ = ElementSize(type);
        IntPtr r;
        int rc;
        fixed (long* s = shape)
        {
            rc = rt_from_blob(data, s, shape.Length, (int)type, byteCount, 0, &r);
        }
        return Wrap(rc, r);
    }
}
