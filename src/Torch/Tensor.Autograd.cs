using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public partial class Tensor
{
    /// <summary>Whether autograd records operations on this tensor.</summary>
    public unsafe bool requires_grad
    {
        get
        {
            int v;
            Check(rt_requires_grad(Handle, &v), this);
            return v != 0;
        }
        set => Check(rt_set_requires_grad(Handle, value ? 1 : 0), this);
    }

    /// <summary>Sets <see cref="requires_grad"/> and returns this tensor.</summary>
    public Tensor requires_grad_(bool requires_grad = true)
    {
        this.requires_grad = requires_grad;
        return this;
    }

    /// <summary>True for tensors created by the user (not by an operation that autograd recorded).</summary>
    public unsafe bool is_leaf
    {
        get
        {
            int v;
            Check(rt_is_leaf(Handle, &v), this);
            return v != 0;
        }
    }

    /// <summary>Keeps the gradient of a non-leaf tensor after backward.</summary>
    public Tensor retain_grad()
    {
        Check(rt_retain_grad(Handle), this);
        return this;
    }

    /// <summary>
    /// The accumulated gradient (a new handle to it each time; dispose it or let a scope do so), or null before any
    /// backward pass. Setting null clears it.
    /// </summary>
    public unsafe Tensor? grad
    {
        get
        {
            IntPtr r;
            Check(rt_grad(Handle, &r), this);
            return r == IntPtr.Zero ? null : new Tensor(r);
        }
        set
        {
            int rc = rt_set_grad(Handle, value is null ? IntPtr.Zero : value.Handle);
            GC.KeepAlive(value);
            Check(rc, this);
        }
    }

    /// <summary>
    /// Computes gradients of this tensor with respect to the leaves and accumulates them in their <see cref="grad"/>;
    /// a non-scalar needs its gradient in <paramref name="grad_tensors"/> (TorchSharp's signature).
    /// </summary>
    public void backward(IList<Tensor>? grad_tensors = null, bool create_graph = false, bool retain_graph = false)
    {
        if (grad_tensors is not null && grad_tensors.Count != 1)
            throw new ArgumentException($"grad_tensors must hold exactly one gradient for one tensor, but holds {grad_tensors.Count}.", nameof(grad_tensors));
        backward(grad_tensors?[0]!, create_graph, retain_graph);
    }

    /// <summary>Computes gradients with <paramref name="gradient"/> as the gradient of this tensor (null for a scalar).</summary>
    public void backward(Tensor gradient, bool create_graph = false, bool retain_graph = false)
    {
        int rc = rt_backward(Handle, gradient is null ? IntPtr.Zero : gradient.Handle, retain_graph ? 1 : 0, create_graph ? 1 : 0);
        GC.KeepAlive(gradient);
        Check(rc, this);
    }

    /// <summary>The same values cut from the autograd graph.</summary>
    public unsafe Tensor detach()
    {
        IntPtr r;
        return Wrap(rt_detach(Handle, &r), r, this);
    }

    /// <summary>Cuts this tensor from the autograd graph, in place.</summary>
    public Tensor detach_()
    {
        Check(rt_detach_(Handle), this);
        return this;
    }

    /// <summary>
    /// Replaces this tensor's data (values, shape, dtype, device) with <paramref name="source"/>'s, keeping this object,
    /// its gradient setting and its identity for optimizers (PyTorch's <c>param.data = source</c>).
    /// </summary>
    public Tensor set_data(Tensor source)
    {
        ThrowHelper.ThrowIfNull(source);
        int rc = rt_set_data(Handle, source.Handle);
        GC.KeepAlive(source);
        Check(rc, this);
        return this;
    }
}
