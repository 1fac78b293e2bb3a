using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape (row-major).</summary>
    public static Tensor tensor(float[] data, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(data, dimensions, dtype, device, requires_grad);
    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape (row-major).</summary>
    public static Tensor tensor(double[] data, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(data, dimensions, dtype, device, requires_grad);
    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape (row-major).</summary>
    public static Tensor tensor(long[] data, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(data, dimensions, dtype, device, requires_grad);
    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape (row-major).</summary>
    public static Tensor tensor(int[] data, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(data, dimensions, dtype, device, requires_grad);
    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape (row-major).</summary>
    public static Tensor tensor(bool[] data, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(data, dimensions, dtype, device, requires_grad);

    /// <summary>A 1-D tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor tensor(float[] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(data, null, dtype, device, requires_grad);
    /// <summary>A 1-D tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor tensor(double[] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(data, null, dtype, device, requires_grad);
    /// <summary>A 1-D tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor tensor(long[] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(data, null, dtype, device, requires_grad);
    /// <summary>A 1-D tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor tensor(int[] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(data, null, dtype, device, requires_grad);
    /// <summary>A 1-D tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor tensor(bool[] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(data, null, dtype, device, requires_grad);

    /// <summary>A 0-dim tensor holding <paramref name="value"/>.</summary>
    public static Tensor tensor(float value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(new[] { value }, Array.Empty<long>(), dtype, device, requires_grad);
    /// <summary>A 0-dim tensor holding <paramref name="value"/>.</summary>
    public static Tensor tensor(double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(new[] { value }, Array.Empty<long>(), dtype, device, requires_grad);
    /// <summary>A 0-dim tensor holding <paramref name="value"/>.</summary>
    public static Tensor tensor(long value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(new[] { value }, Array.Empty<long>(), dtype, device, requires_grad);
    /// <summary>A 0-dim tensor holding <paramref name="value"/>.</summary>
    public static Tensor tensor(int value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(new[] { value }, Array.Empty<long>(), dtype, device, requires_grad);
    /// <summary>A 0-dim tensor holding <paramref name="value"/>.</summary>
    public static Tensor tensor(bool value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(new[] { value }, Array.Empty<long>(), dtype, device, requires_grad);

    private static unsafe Tensor FromArray<T>(T[] data, long[]? dimensions, ScalarType? dtype, Device? device, bool requires_grad) where T : unmanaged
    {
        ThrowHelper.ThrowIfNull(data);
        long[] shape = dimensions ?? new long[] { data.LongLength };
        CheckSize(shape, nameof(dimensions));
        long count = 1;
        foreach (var d in shape) count *= d;
        if (count != data.LongLength)
            throw new ArgumentException($"dimensions [{string.Join(", ", shape)}] hold {count} elements, but data has {data.LongLength}.", nameof(dimensions));
        var elementType = Tensor.ElementTypeOf<T>();
        bool convert = (dtype.HasValue && dtype.Value != elementType) || (device is not null && device.type != DeviceType.CPU);
        IntPtr r;
        int rc;
        fixed (T* p = data)
        fixed (long* s = shape)
        {
            rc = rt_from_blob(p, s, shape.Length, (int)elementType, data.LongLength * sizeof(T), requires_grad && !convert ? 1 : 0, &r);
        }
        var t = Tensor.Wrap(rc, r);
        if (!convert) return t;
        using (t)
        {
            var moved = t.to(dtype ?? elementType, device ?? CPU);
            if (requires_grad) moved.requires_grad_(true);
            return moved;
        }
    }
}
