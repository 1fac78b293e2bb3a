using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public partial class Tensor
{
    /// <summary>Python-style indexing: <c>t[0]</c>, <c>t[1..3, TensorIndex.Ellipsis]</c>, <c>t[mask]</c>. Setting copies the value in.</summary>
    public Tensor this[params TensorIndex[] indices]
    {
        get => index(indices);
        set => index_put_(value, indices);
    }

    /// <summary>The sub-tensor at position <paramref name="i"/> of the first dimension.</summary>
    public Tensor this[long i]
    {
        get => index(TensorIndex.Single(i));
        set => index_put_(value, TensorIndex.Single(i));
    }

    /// <summary>The element or sub-tensor at (<paramref name="i"/>, <paramref name="j"/>).</summary>
    public Tensor this[long i, long j]
    {
        get => index(TensorIndex.Single(i), TensorIndex.Single(j));
        set => index_put_(value, TensorIndex.Single(i), TensorIndex.Single(j));
    }

    private static (int[] kinds, long[] ints, IntPtr[] tensors) Encode(TensorIndex[] indices)
    {
        ThrowHelper.ThrowIfNull(indices);
        var kinds = new int[indices.Length];
        var ints = new long[indices.Length * 3];
        var tensors = new IntPtr[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            var x = indices[i];
            kinds[i] = (int)x.kind;
            ints[3 * i] = x.a;
            ints[3 * i + 1] = x.b;
            ints[3 * i + 2] = x.c;
            if (x.tensor is not null) tensors[i] = x.tensor.Handle;
        }
        return (kinds, ints, tensors);
    }

    /// <summary>Python-style indexing (see the indexer).</summary>
    public unsafe Tensor index(params TensorIndex[] indices)
    {
        var (kinds, ints, tensors) = Encode(indices);
        IntPtr r;
        int rc;
        fixed (int* k = kinds)
        fixed (long* v = ints)
        fixed (IntPtr* t = tensors)
            rc = rt_index(Handle, k, v, t, indices.Length, &r);
        GC.KeepAlive(indices);
        return Wrap(rc, r, this);
    }

    /// <summary>Writes <paramref name="value"/> (broadcast) into the indexed part, in place.</summary>
    public unsafe Tensor index_put_(Tensor value, params TensorIndex[] indices)
    {
        ThrowHelper.ThrowIfNull(value);
        var (kinds, ints, tensors) = Encode(indices);
        int rc;
        fixed (int* k = kinds)
        fixed (long* v = ints)
        fixed (IntPtr* t = tensors)
            rc = rt_index_put_tensor(Handle, k, v, t, indices.Length, value.Handle);
        GC.KeepAlive(indices);
        GC.KeepAlive(value);
        Check(rc, this);
        return this;
    }

    /// <summary>Writes <paramref name="value"/> into the indexed part, in place.</summary>
    public unsafe Tensor index_put_(Scalar value, params TensorIndex[] indices)
    {
        var (kinds, ints, tensors) = Encode(indices);
        int rc;
        fixed (int* k = kinds)
        fixed (long* v = ints)
        fixed (IntPtr* t = tensors)
            rc = rt_index_put_scalar(Handle, k, v, t, indices.Length, value);
        GC.KeepAlive(indices);
        Check(rc, this);
        return this;
    }
}
