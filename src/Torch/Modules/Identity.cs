using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>Returns its input (PyTorch's <c>nn.Identity</c>), as a new handle the caller may dispose on its own.</summary>
public sealed class Identity : Module<Tensor, Tensor>
{
    /// <summary>Creates the module.</summary>
    public Identity() : base(nameof(Identity)) { }

    /// <summary>A new handle to <paramref name="input"/> (same storage and autograd history).</summary>
    public override Tensor forward(Tensor input)
    {
        ThrowHelper.ThrowIfNull(input);
        return input.alias();
    }
}
