using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public partial class Tensor
{
    private unsafe Tensor Reduce(delegate*<IntPtr, long*, long, int, int, IntPtr*, int> fn, long[]? dims, bool keepdim, ScalarType? type)
    {
        IntPtr r;
        int rc;
        fixed (long* p = dims) rc = fn(Handle, p, dims?.Length ?? -1, keepdim ? 1 : 0, type.HasValue ? (int)type.Value : -1, &r);
        return Wrap(rc, r, this);
    }

    /// <summary>Sum of all elements (integers and bools sum to int64).</summary>
    public unsafe Tensor sum(ScalarType? type = null) => Reduce(&rt_sum, null, false, type);
    /// <summary>Sum over <paramref name="dim"/>.</summary>
    public unsafe Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => Reduce(&rt_sum, new[] { dim }, keepdim, type);
    /// <summary>Sum over <paramref name="dim"/> (so that <c>sum(0)</c> means dim 0, not the dtype whose number is 0).</summary>
    public Tensor sum(int dim, bool keepdim = false, ScalarType? type = null) => sum((long)dim, keepdim, type);
    /// <summary>Sum over several dimensions.</summary>
    public unsafe Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null) => Reduce(&rt_sum, Dims(dim), keepdim, type);

    /// <summary>Mean of all elements (floating tensors only).</summary>
    public unsafe Tensor mean(ScalarType? type = null) => Reduce(&rt_mean, null, false, type);
    /// <summary>Mean over <paramref name="dim"/>.</summary>
    public unsafe Tensor mean(long dim, bool keepdim = false, ScalarType? type = null) => Reduce(&rt_mean, new[] { dim }, keepdim, type);
    /// <summary>Mean over <paramref name="dim"/> (so that <c>mean(0)</c> means dim 0, not the dtype whose number is 0).</summary>
    public Tensor mean(int dim, bool keepdim = false, ScalarType? type = null) => mean((long)dim, keepdim, type);
    /// <summary>Mean over several dimensions.</summary>
    public unsafe Tensor mean(long[] dim, bool keepdim = false, ScalarType? type = null) => Reduce(&rt_mean, Dims(dim), keepdim, type);

    private static long[] Dims(long[] dim)
    {
        ThrowHelper.ThrowIfNull(dim);
        return dim;
    }

    private unsafe Tensor Spread(delegate*<IntPtr, long*, long, int, int, IntPtr*, int> fn, long[]? dims, bool unbiased, bool keepdim)
    {
        IntPtr r;
        int rc;
        fixed (long* p = dims) rc = fn(Handle, p, dims?.Length ?? -1, unbiased ? 1 : 0, keepdim ? 1 : 0, &r);
        return Wrap(rc, r, this);
    }

    /// <summary>Standard deviation of all elements (Bessel-corrected unless <paramref name="unbiased"/> is false).</summary>
    public unsafe Tensor std(bool unbiased = true) => Spread(&rt_std, null, unbiased, false);
    /// <summary>Standard deviation over <paramref name="dim"/>.</summary>
    public unsafe Tensor std(long dim, bool unbiased = true, bool keepdim = false) => Spread(&rt_std, new[] { dim }, unbiased, keepdim);
    /// <summary>Standard deviation over several dimensions.</summary>
    public unsafe Tensor std(long[] dimensions, bool unbiased = true, bool keepdim = false) => Spread(&rt_std, Dims(dimensions), unbiased, keepdim);
    /// <summary>Variance of all elements (Bessel-corrected unless <paramref name="unbiased"/> is false).</summary>
    public unsafe Tensor var(bool unbiased = true) => Spread(&rt_var, null, unbiased, false);
    /// <summary>Variance over <paramref name="dim"/>.</summary>
    public unsafe Tensor var(long dim, bool unbiased = true, bool keepdim = false) => Spread(&rt_var, new[] { dim }, unbiased, keepdim);
    /// <summary>Variance over several dimensions.</summary>
    public unsafe Tensor var(long[] dimensions, bool unbiased = true, bool keepdim = false) => Spread(&rt_var, Dims(dimensions), unbiased, keepdim);

    /// <summary>The largest element.</summary>
    public unsafe Tensor max()
    {
        IntPtr r;
        return Wrap(rt_max_all(Handle, &r), r, this);
    }

    /// <summary>The smallest element.</summary>
    public unsafe Tensor min()
    {
        IntPtr r;
        return Wrap(rt_min_all(Handle, &r), r, this);
    }

    /// <summary>Largest values along <paramref name="dim"/> and their positions.</summary>
    public unsafe (Tensor values, Tensor indexes) max(long dim, bool keepdim = false)
    {
        IntPtr v, i;
        Check(rt_max_dim(Handle, dim, keepdim ? 1 : 0, &v, &i), this);
        return (new Tensor(v), new Tensor(i));
    }

    /// <summary>Smallest values along <paramref name="dim"/> and their positions.</summary>
    public unsafe (Tensor values, Tensor indexes) min(long dim, bool keepdim = false)
    {
        IntPtr v, i;
        Check(rt_min_dim(Handle, dim, keepdim ? 1 : 0, &v, &i), this);
        return (new Tensor(v), new Tensor(i));
    }

    /// <summary>Position of the largest element (flattened when <paramref name="dim"/> is null).</summary>
    public unsafe Tensor argmax(long? dim = null, bool keepdim = false)
    {
        IntPtr r;
        return Wrap(rt_argmax(Handle, dim ?? 0, dim.HasValue ? 1 : 0, keepdim ? 1 : 0, &r), r, this);
    }

    /// <summary>Position of the smallest element (flattened when <paramref name="dim"/> is null).</summary>
    public unsafe Tensor argmin(long? dim = null, bool keepdim = false)
    {
        IntPtr r;
        return Wrap(rt_argmin(Handle, dim ?? 0, dim.HasValue ? 1 : 0, keepdim ? 1 : 0, &r), r, this);
    }

    /// <summary>The p-norm of all elements.</summary>
    public unsafe Tensor norm(float p = 2)
    {
        IntPtr r;
        return Wrap(rt_norm(Handle, p, null, -1, 0, &r), r, this);
    }

    /// <summary>The p-norm along <paramref name="dim"/>.</summary>
    public unsafe Tensor norm(long dim, bool keepdim = false, float p = 2)
    {
        IntPtr r;
        return Wrap(rt_norm(Handle, p, &dim, 1, keepdim ? 1 : 0, &r), r, this);
    }

    /// <summary>True when every element is non-zero.</summary>
    public unsafe Tensor all()
    {
        IntPtr r;
        return Wrap(rt_all(Handle, 0, 0, 0, &r), r, this);
    }

    /// <summary>Whether every element along <paramref name="dim"/> is non-zero.</summary>
    public unsafe Tensor all(long dim, bool keepdim = false)
    {
        IntPtr r;
        return Wrap(rt_all(Handle, dim, 1, keepdim ? 1 : 0, &r), r, this);
    }

    /// <summary>True when some element is non-zero.</summary>
    public unsafe Tensor any()
    {
        IntPtr r;
        return Wrap(rt_any(Handle, 0, 0, 0, &r), r, this);
    }

    /// <summary>Whether some element along <paramref name="dim"/> is non-zero.</summary>
    public unsafe Tensor any(long dim, bool keepdim = false)
    {
        IntPtr r;
        return Wrap(rt_any(Handle, dim, 1, keepdim ? 1 : 0, &r), r, this);
    }

    /// <summary>Cumulative sum along <paramref name="dim"/>.</summary>
    public unsafe Tensor cumsum(long dim, ScalarType? type = null)
    {
        IntPtr r;
        return Wrap(rt_cumsum(Handle, dim, type.HasValue ? (int)type.Value : -1, &r), r, this);
    }

    /// <summary>Softmax along <paramref name="dim"/>.</summary>
    public unsafe Tensor softmax(long dim, ScalarType? dtype = null)
    {
        IntPtr r;
        return Wrap(rt_softmax(Handle, dim, dtype.HasValue ? (int)dtype.Value : -1, &r), r, this);
    }

    /// <summary>Log of the softmax along <paramref name="dim"/>, computed stably.</summary>
    public unsafe Tensor log_softmax(long dim, ScalarType? dtype = null)
    {
        IntPtr r;
        return Wrap(rt_log_softmax(Handle, dim, dtype.HasValue ? (int)dtype.Value : -1, &r), r, this);
    }

    /// <summary>The <paramref name="k"/> largest (or smallest) elements along <paramref name="dim"/> and their positions.</summary>
    public unsafe (Tensor values, Tensor indexes) topk(int k, int dim = -1, bool largest = true, bool sorted = true)
    {
        ThrowHelper.ThrowIfNegative(k);
        IntPtr v, i;
        Check(rt_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, &v, &i), this);
        return (new Tensor(v), new Tensor(i));
    }

    /// <summary>Sorted values along <paramref name="dim"/> and the positions they came from.</summary>
    public unsafe (Tensor Values, Tensor Indices) sort(long dim = -1, bool descending = false, bool stable = false)
    {
        IntPtr v, i;
        Check(rt_sort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0, &v, &i), this);
        return (new Tensor(v), new Tensor(i));
    }
}
