using System.Runtime.InteropServices;
using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public partial class Tensor
{
    /// <summary>
    /// A copy of the elements (moved to the CPU, in row-major order). <typeparamref name="T"/> must match the dtype
    /// exactly: float for float32, double for float64, long for int64, int for int32, bool for bool, byte, short, sbyte.
    /// </summary>
    public unsafe TensorAccessor<T> data<T>() where T : unmanaged
    {
        CheckElementType<T>();
        var result = new T[numel()];
        fixed (T* p = result)
        {
            Check(rt_copy_to_host(Handle, p, (long)result.Length * sizeof(T)), this);
        }
        return new TensorAccessor<T>(result);
    }

    /// <summary>The single value of a one-element tensor, converted to <typeparamref name="T"/>.</summary>
    public unsafe T item<T>() where T : unmanaged
    {
        long n = numel();
        if (n != 1) throw new ArgumentException($"item() needs a tensor with exactly one element, but this one has {n} (shape [{string.Join(", ", shape)}]).");
        Scalar s;
        Check(rt_item(Handle, &s), this);
        object value = typeof(T) switch
        {
            var t when t == typeof(float) => (float)s.ToDouble(),
            var t when t == typeof(double) => s.ToDouble(),
            var t when t == typeof(long) => s.ToInt64(),
            var t when t == typeof(int) => checked((int)s.ToInt64()),
            var t when t == typeof(short) => checked((short)s.ToInt64()),
            var t when t == typeof(byte) => checked((byte)s.ToInt64()),
            var t when t == typeof(sbyte) => checked((sbyte)s.ToInt64()),
            var t when t == typeof(bool) => s.ToBoolean(),
            _ => throw new ArgumentException($"item<{typeof(T).Name}>() is not supported: use float, double, long, int, short, byte, sbyte or bool."),
        };
        return (T)value;
    }

    /// <summary>Shorthand for <c>item&lt;float&gt;()</c>.</summary>
    public float ToSingle() => item<float>();

    /// <summary>Shorthand for <c>item&lt;double&gt;()</c>.</summary>
    public double ToDouble() => item<double>();

    /// <summary>Shorthand for <c>item&lt;long&gt;()</c>.</summary>
    public long ToInt64() => item<long>();

    /// <summary>Shorthand for <c>item&lt;bool&gt;()</c>.</summary>
    public bool ToBoolean() => item<bool>();

    private void CheckElementType<T>() where T : unmanaged
    {
        var expected = ElementTypeOf<T>();
        var actual = dtype;
        if (expected != actual)
            throw new ArgumentException($"data<{typeof(T).Name}>() does not match the tensor's dtype {actual}: use data<{ClrNameOf(actual)}>() or convert with .to({expected}) first.");
    }

    internal static ScalarType ElementTypeOf<T>() => typeof(T) switch
    {
        var t when t == typeof(float) => ScalarType.Float32,
        var t when t == typeof(double) => ScalarType.Float64,
        var t when t == typeof(long) => ScalarType.Int64,
        var t when t == typeof(int) => ScalarType.Int32,
        var t when t == typeof(short) => ScalarType.Int16,
        var t when t == typeof(byte) => ScalarType.Byte,
        var t when t == typeof(sbyte) => ScalarType.Int8,
        var t when t == typeof(bool) => ScalarType.Bool,
        var t when t == typeof(System.Numerics.Complex) => ScalarType.ComplexFloat64,
        _ => throw new ArgumentException($"element type {typeof(T).Name} has no tensor dtype."),
    };

    private static string ClrNameOf(ScalarType t) => t switch
    {
        ScalarType.Float32 => "float",
        ScalarType.Float64 => "double",
        ScalarType.Int64 => "long",
        ScalarType.Int32 => "int",
        ScalarType.Int16 => "short",
        ScalarType.Byte => "byte",
        ScalarType.Int8 => "sbyte",
        ScalarType.Bool => "bool",
        ScalarType.ComplexFloat64 => "System.Numerics.Complex",
        _ => t.ToString(),
    };
}
