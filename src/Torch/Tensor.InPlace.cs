using RnnTorch.Native;
using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public partial class Tensor
{
    private Tensor InPlace(BinaryOp op, Tensor other, Scalar alpha)
    {
        ThrowHelper.ThrowIfNull(other);
        int rc = rt_binary_((int)op, Handle, other.Handle, alpha);
        GC.KeepAlive(other);
        Check(rc, this);
        return this;
    }

    private Tensor InPlace(BinaryOp op, Scalar other)
    {
        Check(rt_binary_scalar_((int)op, Handle, other), this);
        return this;
    }

    /// <summary>this += alpha × other, in place; returns this.</summary>
    public Tensor add_(Tensor other, Scalar? alpha = null) => InPlace(BinaryOp.Add, other, alpha ?? 1);
    /// <summary>this += value, in place.</summary>
    public Tensor add_(Scalar value) => InPlace(BinaryOp.Add, value);
    /// <summary>this −= alpha × other, in place.</summary>
    public Tensor sub_(Tensor other, Scalar? alpha = null) => InPlace(BinaryOp.Sub, other, alpha ?? 1);
    /// <summary>this −= value, in place.</summary>
    public Tensor sub_(Scalar value) => InPlace(BinaryOp.Sub, value);
    /// <summary>this ×= other, in place.</summary>
    public Tensor mul_(Tensor other) => InPlace(BinaryOp.Mul, other, 1);
    /// <summary>this ×= value, in place.</summary>
    public Tensor mul_(Scalar value) => InPlace(BinaryOp.Mul, value);
    /// <summary>this /= other, in place.</summary>
    public Tensor div_(Tensor other) => InPlace(BinaryOp.Div, other, 1);
    /// <summary>this /= value, in place.</summary>
    public Tensor div_(Scalar value) => InPlace(BinaryOp.Div, value);

    /// <summary>this += value × tensor1 × tensor2, in place.</summary>
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2, Scalar? value = null)
    {
        ThrowHelper.ThrowIfNull(tensor1);
        ThrowHelper.ThrowIfNull(tensor2);
        int rc = rt_addcmul_(Handle, tensor1.Handle, tensor2.Handle, value ?? 1);
        GC.KeepAlive(tensor1);
        GC.KeepAlive(tensor2);
        Check(rc, this);
        return this;
    }

    /// <summary>this += value × tensor1 / tensor2, in place.</summary>
    public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, Scalar? value = null)
    {
        ThrowHelper.ThrowIfNull(tensor1);
        ThrowHelper.ThrowIfNull(tensor2);
        int rc = rt_addcdiv_(Handle, tensor1.Handle, tensor2.Handle, value ?? 1);
        GC.KeepAlive(tensor1);
        GC.KeepAlive(tensor2);
        Check(rc, this);
        return this;
    }

    /// <summary>Sets every element to zero.</summary>
    public Tensor zero_()
    {
        Check(rt_zero_(Handle), this);
        return this;
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public Tensor fill_(Scalar value)
    {
        Check(rt_fill_(Handle, value), this);
        return this;
    }

    /// <summary>Copies <paramref name="source"/>'s values (broadcast, converted) into this tensor.</summary>
    public Tensor copy_(Tensor source)
    {
        ThrowHelper.ThrowIfNull(source);
        int rc = rt_copy_(Handle, source.Handle);
        GC.KeepAlive(source);
        Check(rc, this);
        return this;
    }

    /// <summary>Clamps every element into [min, max], in place.</summary>
    public Tensor clamp_(Scalar? min = null, Scalar? max = null)
    {
        if (min is null && max is null) throw new ArgumentException("clamp_ needs at least one of min and max.");
        Check(rt_clamp_(Handle, Scalar.From(min), Scalar.From(max)), this);
        return this;
    }

    /// <summary>Fills with uniform samples from [from, to).</summary>
    public Tensor uniform_(double from = 0, double to = 1)
    {
        if (!(from <= to)) throw new ArgumentException($"uniform_ needs from <= to, but got from = {from}, to = {to}.", nameof(to));
        Check(rt_uniform_(Handle, from, to), this);
        return this;
    }

    /// <summary>Fills with normal samples of the given mean and standard deviation.</summary>
    public Tensor normal_(double mean = 0, double std = 1)
    {
        if (!(std >= 0)) ThrowHelper.ThrowOutOfRange(nameof(std), std, "must be >= 0.");
        Check(rt_normal_(Handle, mean, std), this);
        return this;
    }

    /// <summary>Sets <paramref name="value"/> where <paramref name="mask"/> is true, in place.</summary>
    public Tensor masked_fill_(Tensor mask, Scalar value)
    {
        ThrowHelper.ThrowIfNull(mask);
        int rc = rt_masked_fill_(Handle, mask.Handle, value);
        GC.KeepAlive(mask);
        Check(rc, this);
        return this;
    }
}
