using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public partial class Tensor
{
    /// <summary>The size of each dimension.</summary>
    public unsafe long[] shape
    {
        get
        {
            IntPtr h = Handle;
            long n;
            Check(rt_dim(h, &n));
            var s = new long[n];
            fixed (long* p = s) Check(rt_shape(h, p), this);
            return s;
        }
    }

    /// <summary>The strides of each dimension, in elements.</summary>
    public unsafe long[] stride()
    {
        IntPtr h = Handle;
        long n;
        Check(rt_dim(h, &n));
        var s = new long[n];
        fixed (long* p = s) Check(rt_stride(h, p), this);
        return s;
    }

    /// <summary>The size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public long size(long dim)
    {
        var s = shape;
        long d = dim < 0 ? dim + s.Length : dim;
        if (d < 0 || d >= s.Length)
            ThrowHelper.ThrowOutOfRange(nameof(dim), dim, $"is out of range for a tensor of {s.Length} dimensions.");
        return s[d];
    }

    /// <summary>The number of dimensions.</summary>
    public unsafe long dim()
    {
        long n;
        Check(rt_dim(Handle, &n), this);
        return n;
    }

    /// <summary>The number of dimensions (TorchSharp's property).</summary>
    public long Dimensions => dim();

    /// <summary>The number of elements.</summary>
    public unsafe long numel()
    {
        long n;
        Check(rt_numel(Handle, &n), this);
        return n;
    }

    /// <summary>The number of elements (TorchSharp's property).</summary>
    public long NumberOfElements => numel();

    /// <summary>The element type.</summary>
    public unsafe ScalarType dtype
    {
        get
        {
            int t;
            Check(rt_dtype(Handle, &t), this);
            return (ScalarType)t;
        }
    }

    /// <summary>The device the tensor lives on.</summary>
    public unsafe Device device
    {
        get
        {
            int type, index;
            Check(rt_device(Handle, &type, &index), this);
            return new Device((DeviceType)type, index);
        }
    }

    /// <summary>The type of the device the tensor lives on.</summary>
    public DeviceType device_type => device.type;

    /// <summary>True when the elements are laid out densely in row-major order.</summary>
    public unsafe bool is_contiguous()
    {
        int c;
        Check(rt_is_contiguous(Handle, &c), this);
        return c != 0;
    }

    /// <summary>True for float16/32/64 and bfloat16.</summary>
    public bool is_floating_point() => dtype is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16;

    /// <summary>True for complex dtypes.</summary>
    public bool is_complex() => dtype is ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64;
}
