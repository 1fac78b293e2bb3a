using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>The element-wise hyperbolic tangent (PyTorch's <c>nn.Tanh</c>).</summary>
public sealed class Tanh : Module<Tensor, Tensor>
{
    /// <summary>Creates the module.</summary>
    public Tanh() : base(nameof(Tanh)) { }

    /// <summary>tanh(<paramref name="input"/>).</summary>
    public override Tensor forward(Tensor input)
    {
        ThrowHelper.ThrowIfNull(input);
        return input.tanh();
    }
}
