using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    private static unsafe Tensor Pair(delegate*<IntPtr, IntPtr, IntPtr*, int> fn, Tensor a, Tensor b, string nameA, string nameB)
    {
        ThrowHelper.ThrowIfNull(a, nameA);
        ThrowHelper.ThrowIfNull(b, nameB);
        IntPtr r;
        int rc = fn(a.Handle, b.Handle, &r);
        GC.KeepAlive(b);
        return Tensor.Wrap(rc, r, a);
    }

    /// <summary>Matrix product with broadcasting (1-D, 2-D and batched operands, numpy's rules).</summary>
    public static unsafe Tensor matmul(Tensor input, Tensor other) => Pair(&rt_matmul, input, other, nameof(input), nameof(other));

    /// <summary>Product of two 2-D matrices: (n, m) @ (m, p).</summary>
    public static unsafe Tensor mm(Tensor input, Tensor mat2) => Pair(&rt_mm, input, mat2, nameof(input), nameof(mat2));

    /// <summary>Batched matrix product: (b, n, m) @ (b, m, p).</summary>
    public static unsafe Tensor bmm(Tensor input, Tensor mat2) => Pair(&rt_bmm, input, mat2, nameof(input), nameof(mat2));

    /// <summary>beta × input + alpha × (mat1 @ mat2).</summary>
    public static unsafe Tensor addmm(Tensor input, Tensor mat1, Tensor mat2, Scalar beta, Scalar alpha)
    {
        ThrowHelper.ThrowIfNull(input);
        ThrowHelper.ThrowIfNull(mat1);
        ThrowHelper.ThrowIfNull(mat2);
        IntPtr r;
        int rc = rt_addmm(input.Handle, mat1.Handle, mat2.Handle, beta, alpha, &r);
        GC.KeepAlive(mat1);
        GC.KeepAlive(mat2);
        return Tensor.Wrap(rc, r, input);
    }

    /// <summary>input + mat1 @ mat2.</summary>
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2) => addmm(input, mat1, mat2, 1, 1);

    private static unsafe Tensor Join(delegate*<IntPtr*, long, long, IntPtr*, int> fn, IList<Tensor> tensors, long dim, string name)
    {
        ThrowHelper.ThrowIfNull(tensors, name);
        if (tensors.Count == 0) throw new ArgumentException($"{name} must hold at least one tensor.", name);
        var handles = new IntPtr[tensors.Count];
        for (int i = 0; i < handles.Length; i++)
        {
            if (tensors[i] is null) throw new ArgumentNullException(name, $"{name}[{i}] is null.");
            handles[i] = tensors[i].Handle;
        }
        IntPtr r;
        int rc;
        fixed (IntPtr* p = handles) rc = fn(p, handles.Length, dim, &r);
        return Tensor.Wrap(rc, r, tensors);
    }

    /// <summary>Joins tensors along an existing dimension.</summary>
    public static unsafe Tensor cat(IList<Tensor> tensors, long dim = 0) => Join(&rt_cat, tensors, dim, nameof(tensors));

    /// <summary>Joins tensors along a new dimension.</summary>
    public static unsafe Tensor stack(IList<Tensor> tensors, long dim = 0) => Join(&rt_stack, tensors, dim, nameof(tensors));

    /// <summary>Elements of <paramref name="x"/> where <paramref name="condition"/> holds, else of <paramref name="y"/> (broadcasting).</summary>
    public static unsafe Tensor where(Tensor condition, Tensor x, Tensor y)
    {
        ThrowHelper.ThrowIfNull(condition);
        ThrowHelper.ThrowIfNull(x);
        ThrowHelper.ThrowIfNull(y);
        IntPtr r;
        int rc = rt_where(condition.Handle, x.Handle, y.Handle, &r);
        GC.KeepAlive(x);
        GC.KeepAlive(y);
        return Tensor.Wrap(rc, r, condition);
    }

    /// <summary>Elements of <paramref name="x"/> where <paramref name="condition"/> holds, else <paramref name="y"/>.</summary>
    public static unsafe Tensor where(Tensor condition, Tensor x, Scalar y)
    {
        ThrowHelper.ThrowIfNull(condition);
        ThrowHelper.ThrowIfNull(x);
        IntPtr r;
        int rc = rt_where_scalar(condition.Handle, x.Handle, y, &r);
        GC.KeepAlive(x);
        return Tensor.Wrap(rc, r, condition);
    }

    /// <summary>Samples <paramref name="num_samples"/> indices per row from the (unnormalised) probabilities in <paramref name="input"/>.</summary>
    public static unsafe Tensor multinomial(Tensor input, long num_samples, bool replacement = false)
    {
        ThrowHelper.ThrowIfNull(input);
        ThrowHelper.ThrowIfNotPositive(num_samples);
        IntPtr r;
        return Tensor.Wrap(rt_multinomial(input.Handle, num_samples, replacement ? 1 : 0, &r), r, input);
    }

    /// <summary>
    /// Short-time Fourier transform of a 1-D signal or a batch (N, L); returns complex (…, n_fft/2 + 1, frames)
    /// when onesided. <paramref name="center"/> pads by n_fft/2 on both sides with <paramref name="pad_mode"/>.
    /// </summary>
    public static unsafe Tensor stft(Tensor input, long n_fft, long hop_length = -1, long win_length = -1, Tensor? window = null,
        bool center = true, PaddingModes pad_mode = PaddingModes.Reflect, bool normalized = false, bool? onesided = null, bool? return_complex = null)
    {
        ThrowHelper.ThrowIfNull(input);
        ThrowHelper.ThrowIfNotPositive(n_fft);
        if (return_complex == false) throw new ArgumentException("stft returns complex tensors only (return_complex = false is deprecated in PyTorch); use view_as_real() for pairs.", nameof(return_complex));
        int mode = pad_mode switch
        {
            PaddingModes.Reflect => 0,
            PaddingModes.Constant or PaddingModes.Zeros => 1,
            PaddingModes.Replicate => 2,
            PaddingModes.Circular => 3,
            _ => throw new ArgumentOutOfRangeException(nameof(pad_mode), pad_mode, "pad_mode is not a padding mode."),
        };
        IntPtr r;
        int rc = rt_stft(input.Handle, n_fft, hop_length, win_length, window is null ? IntPtr.Zero : window.Handle, center ? 1 : 0, mode,
            normalized ? 1 : 0, onesided ?? !input.is_complex() ? 1 : 0, &r);
        GC.KeepAlive(window);
        return Tensor.Wrap(rc, r, input);
    }

    /// <summary>Softmax of <paramref name="input"/> along <paramref name="dim"/>.</summary>
    public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => NotNull(input).softmax(dim, dtype);

    /// <summary>Log-softmax of <paramref name="input"/> along <paramref name="dim"/>.</summary>
    public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => NotNull(input).log_softmax(dim, dtype);

    /// <summary>Hyperbolic tangent.</summary>
    public static Tensor tanh(Tensor input) => NotNull(input).tanh();
    /// <summary>Logistic sigmoid.</summary>
    public static Tensor sigmoid(Tensor input) => NotNull(input).sigmoid();
    /// <summary>max(x, 0).</summary>
    public static Tensor relu(Tensor input) => NotNull(input).relu();
    /// <summary>eˣ.</summary>
    public static Tensor exp(Tensor input) => NotNull(input).exp();
    /// <summary>Natural logarithm.</summary>
    public static Tensor log(Tensor input) => NotNull(input).log();
    /// <summary>√x.</summary>
    public static Tensor sqrt(Tensor input) => NotNull(input).sqrt();
    /// <summary>1/√x.</summary>
    public static Tensor rsqrt(Tensor input) => NotNull(input).rsqrt();
    /// <summary>|x|.</summary>
    public static Tensor abs(Tensor input) => NotNull(input).abs();
    /// <summary>xʸ elementwise.</summary>
    public static Tensor pow(Tensor input, Tensor exponent) => NotNull(input).pow(exponent);
    /// <summary>xᵉ.</summary>
    public static Tensor pow(Tensor input, Scalar exponent) => NotNull(input).pow(exponent);
    /// <summary>Clamps into [min, max].</summary>
    public static Tensor clamp(Tensor input, Scalar? min = null, Scalar? max = null) => NotNull(input).clamp(min, max);
    /// <summary>Sum of all elements.</summary>
    public static Tensor sum(Tensor input, ScalarType? type = null) => NotNull(input).sum(type);
    /// <summary>Sum over <paramref name="dim"/>.</summary>
    public static Tensor sum(Tensor input, long dim, bool keepdim = false, ScalarType? type = null) => NotNull(input).sum(dim, keepdim, type);
    /// <summary>Sum over <paramref name="dim"/> (so that <c>sum(x, 0)</c> means dim 0, not the dtype whose number is 0).</summary>
    public static Tensor sum(Tensor input, int dim, bool keepdim = false, ScalarType? type = null) => NotNull(input).sum((long)dim, keepdim, type);
    /// <summary>Mean of all elements.</summary>
    public static Tensor mean(Tensor input, ScalarType? type = null) => NotNull(input).mean(type);
    /// <summary>Mean over <paramref name="dim"/>.</summary>
    public static Tensor mean(Tensor input, long dim, bool keepdim = false, ScalarType? type = null) => NotNull(input).mean(dim, keepdim, type);
    /// <summary>Mean over <paramref name="dim"/> (so that <c>mean(x, 0)</c> means dim 0, not the dtype whose number is 0).</summary>
    public static Tensor mean(Tensor input, int dim, bool keepdim = false, ScalarType? type = null) => NotNull(input).mean((long)dim, keepdim, type);
    /// <summary>Cumulative sum along <paramref name="dim"/>.</summary>
    public static Tensor cumsum(Tensor input, long dim, ScalarType? type = null) => NotNull(input).cumsum(dim, type);
    /// <summary>Position of the largest element.</summary>
    public static Tensor argmax(Tensor input, long? dim = null, bool keepdim = false) => NotNull(input).argmax(dim, keepdim);
    /// <summary>The k largest elements and their positions.</summary>
    public static (Tensor values, Tensor indexes) topk(Tensor input, int k, int dim = -1, bool largest = true, bool sorted = true) => NotNull(input).topk(k, dim, largest, sorted);
    /// <summary>Sorted values and their original positions.</summary>
    public static (Tensor Values, Tensor Indices) sort(Tensor input, long dim = -1, bool descending = false, bool stable = false) => NotNull(input).sort(dim, descending, stable);
    /// <summary>Elementwise maximum.</summary>
    public static Tensor maximum(Tensor input, Tensor other) => NotNull(input).maximum(other);
    /// <summary>Elementwise minimum.</summary>
    public static Tensor minimum(Tensor input, Tensor other) => NotNull(input).minimum(other);
    /// <summary>Flips along <paramref name="dims"/>.</summary>
    public static Tensor flip(Tensor input, params long[] dims) => NotNull(input).flip(dims);
    /// <summary>Gathers along <paramref name="dim"/>.</summary>
    public static Tensor gather(Tensor input, long dim, Tensor index) => NotNull(input).gather(dim, index);
    /// <summary>Selects entries along <paramref name="dim"/>.</summary>
    public static Tensor index_select(Tensor input, long dim, Tensor index) => NotNull(input).index_select(dim, index);

    private static Tensor NotNull(Tensor input, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(input))] string? name = null)
    {
        ThrowHelper.ThrowIfNull(input, name);
        return input;
    }
}
