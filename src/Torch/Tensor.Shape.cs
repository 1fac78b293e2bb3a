using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public partial class Tensor
{
    private unsafe Tensor WithDims(long[] dims, string name, delegate*<IntPtr, long*, long, IntPtr*, int> fn)
    {
        ThrowHelper.ThrowIfNull(dims, name);
        IntPtr r;
        int rc;
        fixed (long* p = dims) rc = fn(Handle, p, dims.Length, &r);
        return Wrap(rc, r, this);
    }

    private unsafe Tensor[] Many(int rc, IntPtr* arr, long count) => WrapArray(rc, arr, count, this);

    /// <summary>A view with a new shape (one dimension may be -1); the elements must be viewable without copying.</summary>
    public unsafe Tensor view(params long[] shape) => WithDims(shape, nameof(shape), &rt_view);

    /// <summary>The elements with a new shape (one dimension may be -1), copying only when needed.</summary>
    public unsafe Tensor reshape(params long[] shape) => WithDims(shape, nameof(shape), &rt_reshape);

    /// <summary>Flattens dimensions <paramref name="start_dim"/> to <paramref name="end_dim"/> into one.</summary>
    public unsafe Tensor flatten(long start_dim = 0, long end_dim = -1)
    {
        IntPtr r;
        return Wrap(rt_flatten(Handle, start_dim, end_dim, &r), r, this);
    }

    /// <summary>Removes dimensions of size 1 (all, or only <paramref name="dim"/>).</summary>
    public unsafe Tensor squeeze(long? dim = null)
    {
        IntPtr r;
        int rc = dim.HasValue ? rt_squeeze_dim(Handle, dim.Value, &r) : rt_squeeze(Handle, &r);
        return Wrap(rc, r, this);
    }

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/>.</summary>
    public unsafe Tensor unsqueeze(long dim)
    {
        IntPtr r;
        return Wrap(rt_unsqueeze(Handle, dim, &r), r, this);
    }

    /// <summary>Swaps dimensions <paramref name="dim0"/> and <paramref name="dim1"/>.</summary>
    public unsafe Tensor transpose(long dim0, long dim1)
    {
        IntPtr r;
        return Wrap(rt_transpose(Handle, dim0, dim1, &r), r, this);
    }

    /// <summary>Reorders the dimensions.</summary>
    public unsafe Tensor permute(params long[] dims) => WithDims(dims, nameof(dims), &rt_permute);

    /// <summary>Transposes a 2-D tensor (0-D and 1-D tensors are returned as they are).</summary>
    public unsafe Tensor t()
    {
        IntPtr r;
        return Wrap(rt_t(Handle, &r), r, this);
    }

    /// <summary>The transpose of a 2-D tensor (TorchSharp's property).</summary>
    public Tensor T => t();

    /// <summary>A broadcast view with the given sizes (-1 keeps a dimension).</summary>
    public unsafe Tensor expand(params long[] sizes) => WithDims(sizes, nameof(sizes), &rt_expand);

    /// <summary>A broadcast view with the shape of <paramref name="other"/>.</summary>
    public Tensor expand_as(Tensor other) => expand(other.shape);

    /// <summary>The same values laid out densely in row-major order.</summary>
    public unsafe Tensor contiguous()
    {
        IntPtr r;
        return Wrap(rt_contiguous(Handle, &r), r, this);
    }

    /// <summary>A view of <paramref name="length"/> elements of dimension <paramref name="dim"/> from <paramref name="start"/>.</summary>
    public unsafe Tensor narrow(long dim, long start, long length)
    {
        IntPtr r;
        return Wrap(rt_narrow(Handle, dim, start, length, &r), r, this);
    }

    /// <summary>The slice at <paramref name="index"/> along <paramref name="dim"/>, without that dimension.</summary>
    public unsafe Tensor select(long dim, long index)
    {
        IntPtr r;
        return Wrap(rt_select(Handle, dim, index, &r), r, this);
    }

    /// <summary>The entries along <paramref name="dim"/> at the (int64) positions in <paramref name="index"/>.</summary>
    public unsafe Tensor index_select(long dim, Tensor index)
    {
        ThrowHelper.ThrowIfNull(index);
        IntPtr r;
        int rc = rt_index_select(Handle, dim, index.Handle, &r);
        GC.KeepAlive(index);
        return Wrap(rc, r, this);
    }

    /// <summary>out[i][j] = self[index[i][j]][j] for dim 0 (and likewise for other dims).</summary>
    public unsafe Tensor gather(long dim, Tensor index)
    {
        ThrowHelper.ThrowIfNull(index);
        IntPtr r;
        int rc = rt_gather(Handle, dim, index.Handle, &r);
        GC.KeepAlive(index);
        return Wrap(rc, r, this);
    }

    /// <summary>A copy with <paramref name="src"/> written at the positions <paramref name="index"/> gives along <paramref name="dim"/>.</summary>
    public unsafe Tensor scatter(long dim, Tensor index, Tensor src)
    {
        ThrowHelper.ThrowIfNull(index);
        ThrowHelper.ThrowIfNull(src);
        IntPtr r;
        int rc = rt_scatter(Handle, dim, index.Handle, src.Handle, &r);
        GC.KeepAlive(index);
        GC.KeepAlive(src);
        return Wrap(rc, r, this);
    }

    /// <summary>A copy with <paramref name="src"/> added at the positions <paramref name="index"/> gives along <paramref name="dim"/>.</summary>
    public unsafe Tensor scatter_add(long dim, Tensor index, Tensor src)
    {
        ThrowHelper.ThrowIfNull(index);
        ThrowHelper.ThrowIfNull(src);
        IntPtr r;
        int rc = rt_scatter_add(Handle, dim, index.Handle, src.Handle, &r);
        GC.KeepAlive(index);
        GC.KeepAlive(src);
        return Wrap(rc, r, this);
    }

    /// <summary>Splits into pieces of <paramref name="split_size"/> along <paramref name="dim"/> (the last may be smaller).</summary>
    public unsafe Tensor[] split(long split_size, long dim = 0)
    {
        ThrowHelper.ThrowIfNotPositive(split_size);
        IntPtr* arr;
        long n;
        return Many(rt_split(Handle, split_size, dim, &arr, &n), arr, n);
    }

    /// <summary>Splits into pieces of the given sizes along <paramref name="dim"/>.</summary>
    public unsafe Tensor[] split(long[] split_sizes, long dim = 0)
    {
        ThrowHelper.ThrowIfNull(split_sizes);
        IntPtr* arr;
        long n;
        int rc;
        fixed (long* p = split_sizes) rc = rt_split_sizes(Handle, p, split_sizes.Length, dim, &arr, &n);
        return Many(rc, arr, n);
    }

    /// <summary>Splits into <paramref name="chunks"/> nearly equal pieces along <paramref name="dim"/>.</summary>
    public unsafe Tensor[] chunk(long chunks, long dim = 0)
    {
        ThrowHelper.ThrowIfNotPositive(chunks);
        IntPtr* arr;
        long n;
        return Many(rt_chunk(Handle, chunks, dim, &arr, &n), arr, n);
    }

    /// <summary>The slices along <paramref name="dim"/>, each without that dimension.</summary>
    public unsafe Tensor[] unbind(long dim = 0)
    {
        IntPtr* arr;
        long n;
        return Many(rt_unbind(Handle, dim, &arr, &n), arr, n);
    }

    /// <summary>Reverses the order of elements along <paramref name="dims"/>.</summary>
    public unsafe Tensor flip(params long[] dims) => WithDims(dims, nameof(dims), &rt_flip);

    /// <summary>Tiles the tensor <paramref name="repeats"/> times along each dimension.</summary>
    public unsafe Tensor repeat(params long[] repeats) => WithDims(repeats, nameof(repeats), &rt_repeat);

    /// <summary>A copy with <paramref name="value"/> where <paramref name="mask"/> is true.</summary>
    public unsafe Tensor masked_fill(Tensor mask, Scalar value)
    {
        ThrowHelper.ThrowIfNull(mask);
        IntPtr r;
        int rc = rt_masked_fill(Handle, mask.Handle, value, &r);
        GC.KeepAlive(mask);
        return Wrap(rc, r, this);
    }

    /// <summary>Elements of this tensor where <paramref name="condition"/> holds, else of <paramref name="other"/>.</summary>
    public Tensor where(Tensor condition, Tensor other) => torch.where(condition, this, other);
}
