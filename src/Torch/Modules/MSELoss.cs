using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>The squared error (input − target)², reduced (PyTorch's <c>nn.MSELoss</c>).</summary>
public sealed class MSELoss : Loss<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the loss.</summary>
    public MSELoss(Reduction reduction = Reduction.Mean) : base(nameof(MSELoss), reduction) { }

    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/>.</summary>
    public override Tensor forward(Tensor input, Tensor target) => functional.mse_loss(input, target, reduction);
}
