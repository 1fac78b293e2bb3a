using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>The absolute error |input − target|, reduced (PyTorch's <c>nn.L1Loss</c>).</summary>
public sealed class L1Loss : Loss<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the loss.</summary>
    public L1Loss(Reduction reduction = Reduction.Mean) : base(nameof(L1Loss), reduction) { }

    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/>.</summary>
    public override Tensor forward(Tensor input, Tensor target) => functional.l1_loss(input, target, reduction);
}
