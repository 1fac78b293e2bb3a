using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    private static unsafe Tensor Create(long[] size, ScalarType? dtype, Device? device, bool requires_grad,
        delegate*<long*, long, int, int, int, int, IntPtr*, int> factory)
    {
        CheckSize(size);
        var (dt, type, index) = Options(dtype, device);
        IntPtr r;
        int rc;
        fixed (long* p = size) rc = factory(p, size.Length, dt, type, index, requires_grad ? 1 : 0, &r);
        return Tensor.Wrap(rc, r);
    }

    internal static void CheckSize(long[] size, string name = "size")
    {
        ThrowHelper.ThrowIfNull(size, name);
        for (int i = 0; i < size.Length; i++)
        {
            if (size[i] < 0) throw new ArgumentException($"{name}[{i}] is {size[i]}: sizes must not be negative.", name);
        }
    }

    /// <summary>A tensor of zeros of the given shape.</summary>
    public static unsafe Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(size, dtype, device, requires_grad, &rt_zeros);
    /// <summary>A 1-D tensor of zeros.</summary>
    public static Tensor zeros(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros(new[] { size }, dtype, device, requires_grad);
    /// <summary>A 2-D tensor of zeros.</summary>
    public static Tensor zeros(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros(new[] { rows, columns }, dtype, device, requires_grad);
    /// <summary>A 3-D tensor of zeros.</summary>
    public static Tensor zeros(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros(new[] { dim0, dim1, dim2 }, dtype, device, requires_grad);

    /// <summary>A tensor of ones of the given shape.</summary>
    public static unsafe Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(size, dtype, device, requires_grad, &rt_ones);
    /// <summary>A 1-D tensor of ones.</summary>
    public static Tensor ones(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones(new[] { size }, dtype, device, requires_grad);
    /// <summary>A 2-D tensor of ones.</summary>
    public static Tensor ones(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones(new[] { rows, columns }, dtype, device, requires_grad);
    /// <summary>A 3-D tensor of ones.</summary>
    public static Tensor ones(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones(new[] { dim0, dim1, dim2 }, dtype, device, requires_grad);

    /// <summary>An uninitialised tensor of the given shape.</summary>
    public static unsafe Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(size, dtype, device, requires_grad, &rt_empty);
    /// <summary>An uninitialised 1-D tensor.</summary>
    public static Tensor empty(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => empty(new[] { size }, dtype, device, requires_grad);
    /// <summary>An uninitialised 2-D tensor.</summary>
    public static Tensor empty(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => empty(new[] { rows, columns }, dtype, device, requires_grad);

    /// <summary>Standard normal samples of the given shape.</summary>
    public static unsafe Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(size, dtype, device, requires_grad, &rt_randn);
    /// <summary>Standard normal samples, 1-D.</summary>
    public static Tensor randn(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn(new[] { size }, dtype, device, requires_grad);
    /// <summary>Standard normal samples, 2-D.</summary>
    public static Tensor randn(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn(new[] { rows, columns }, dtype, device, requires_grad);
    /// <summary>Standard normal samples, 3-D.</summary>
    public static Tensor randn(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn(new[] { dim0, dim1, dim2 }, dtype, device, requires_grad);

    /// <summary>Uniform samples in [0, 1) of the given shape.</summary>
    public static unsafe Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(size, dtype, device, requires_grad, &rt_rand);
    /// <summary>Uniform samples in [0, 1), 1-D.</summary>
    public static Tensor rand(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => rand(new[] { size }, dtype, device, requires_grad);
    /// <summary>Uniform samples in [0, 1), 2-D.</summary>
    public static Tensor rand(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => rand(new[] { rows, columns }, dtype, device, requires_grad);

    /// <summary>A tensor of the given shape filled with <paramref name="value"/> (dtype inferred from it when not given).</summary>
    public static unsafe Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        CheckSize(size);
        var inferred = dtype ?? (value.IsIntegral ? ScalarType.Int64 : value.IsBoolean ? ScalarType.Bool : defaultDType);
        var (dt, type, index) = Options(inferred, device);
        IntPtr r;
        int rc;
        fixed (long* p = size) rc = rt_full(p, size.Length, value, dt, type, index, requires_grad ? 1 : 0, &r);
        return Tensor.Wrap(rc, r);
    }
    /// <summary>A 1-D tensor filled with <paramref name="value"/>.</summary>
    public static Tensor full(long size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full(new[] { size }, value, dtype, device, requires_grad);
    /// <summary>A 2-D tensor filled with <paramref name="value"/>.</summary>
    public static Tensor full(long rows, long columns, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full(new[] { rows, columns }, value, dtype, device, requires_grad);

    /// <summary>Random integers in [<paramref name="low"/>, <paramref name="high"/>) (int64 unless <paramref name="dtype"/> says otherwise).</summary>
    public static unsafe Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        CheckSize(size);
        if (high <= low) throw new ArgumentException($"randint needs low < high, but got low = {low}, high = {high}.", nameof(high));
        var (dt, type, index) = Options(dtype ?? ScalarType.Int64, device);
        IntPtr r;
        int rc;
        fixed (long* p = size) rc = rt_randint(low, high, p, size.Length, dt, type, index, requires_grad ? 1 : 0, &r);
        return Tensor.Wrap(rc, r);
    }
    /// <summary>Random integers in [0, <paramref name="high"/>).</summary>
    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randint(0, high, size, dtype, device, requires_grad);

    /// <summary>Values from <paramref name="start"/> up to (not including) <paramref name="stop"/> by <paramref name="step"/>; int64 for integral arguments.</summary>
    public static unsafe Tensor arange(Scalar start, Scalar stop, Scalar step, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (step.ToDouble() == 0) throw new ArgumentException("arange step must not be zero.", nameof(step));
        var (_, type, index) = Options(dtype, device);
        IntPtr r;
        int rc = rt_arange(start, stop, step, dtype.HasValue ? (int)dtype.Value : -1, type, index, requires_grad ? 1 : 0, &r);
        return Tensor.Wrap(rc, r);
    }
    /// <summary>Values from <paramref name="start"/> up to (not including) <paramref name="stop"/>.</summary>
    public static Tensor arange(Scalar start, Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(start, stop, 1, dtype, device, requires_grad);
    /// <summary>Values from 0 up to (not including) <paramref name="stop"/>.</summary>
    public static Tensor arange(Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(0, stop, 1, dtype, device, requires_grad);

    /// <summary><paramref name="steps"/> evenly spaced values from <paramref name="start"/> to <paramref name="end"/> inclusive.</summary>
    public static unsafe Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        ThrowHelper.ThrowIfNegative(steps);
        var (dt, type, index) = Options(dtype, device);
        IntPtr r;
        return Tensor.Wrap(rt_linspace(start, end, steps, dt, type, index, requires_grad ? 1 : 0, &r), r);
    }

    /// <summary>An identity matrix of <paramref name="rows"/> × <paramref name="columns"/> (square when columns is -1).</summary>
    public static unsafe Tensor eye(long rows, long columns = -1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        ThrowHelper.ThrowIfNegative(rows);
        if (columns < -1) ThrowHelper.ThrowOutOfRange(nameof(columns), columns, "must be -1 (square) or a size >= 0.");
        var (dt, type, index) = Options(dtype, device);
        IntPtr r;
        return Tensor.Wrap(rt_eye(rows, columns < 0 ? rows : columns, dt, type, index, requires_grad ? 1 : 0, &r), r);
    }

    /// <summary>A periodic (or symmetric) Hann window of <paramref name="window_length"/> samples.</summary>
    public static unsafe Tensor hann_window(long window_length, bool periodic = true, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        ThrowHelper.ThrowIfNegative(window_length);
        var (dt, type, index) = Options(dtype, device);
        IntPtr r;
        return Tensor.Wrap(rt_hann_window(window_length, periodic ? 1 : 0, dt, type, index, requires_grad ? 1 : 0, &r), r);
    }

    /// <summary>Zeros shaped like <paramref name="input"/> (same dtype unless given, same device).</summary>
    public static unsafe Tensor zeros_like(Tensor input, ScalarType? dtype = null)
    {
        ThrowHelper.ThrowIfNull(input);
        IntPtr r;
        return Tensor.Wrap(rt_zeros_like(input.Handle, dtype.HasValue ? (int)dtype.Value : -1, &r), r, input);
    }

    /// <summary>Ones shaped like <paramref name="input"/>.</summary>
    public static unsafe Tensor ones_like(Tensor input, ScalarType? dtype = null)
    {
        ThrowHelper.ThrowIfNull(input);
        IntPtr r;
        return Tensor.Wrap(rt_ones_like(input.Handle, dtype.HasValue ? (int)dtype.Value : -1, &r), r, input);
    }

    /// <summary>Standard normal samples shaped like <paramref name="input"/>.</summary>
    public static unsafe Tensor randn_like(Tensor input, ScalarType? dtype = null)
    {
        ThrowHelper.ThrowIfNull(input);
        IntPtr r;
        return Tensor.Wrap(rt_randn_like(input.Handle, dtype.HasValue ? (int)dtype.Value : -1, &r), r, input);
    }
}
