using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>The element-wise max(x, 0) (PyTorch's <c>nn.ReLU</c>).</summary>
public sealed class ReLU : Module<Tensor, Tensor>
{
    /// <summary>Creates the module; with <paramref name="inplace"/>, <c>forward</c> overwrites its input.</summary>
    public ReLU(bool inplace = false) : base(nameof(ReLU))
    {
        this.inplace = inplace;
    }

    /// <summary>Whether <c>forward</c> overwrites its input.</summary>
    public bool inplace { get; }

    /// <summary>
    /// max(<paramref name="input"/>, 0); in place, the input is overwritten and a new handle to it returned (so that
    /// disposing the result never disposes the caller's tensor).
    /// </summary>
    public override Tensor forward(Tensor input)
    {
        ThrowHelper.ThrowIfNull(input);
        return inplace ? input.clamp_(min: 0).alias() : input.relu();
    }
}
