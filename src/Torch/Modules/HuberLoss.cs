using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// The Huber loss (PyTorch's <c>nn.HuberLoss</c>): ½d² below <see cref="delta"/> and delta·(d − ½delta) above, with
/// d = |input − target|; see <see cref="functional.huber_loss"/>.
/// </summary>
public sealed class HuberLoss : Loss<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the loss.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is not positive.</exception>
    public HuberLoss(double delta = 1.0, Reduction reduction = Reduction.Mean) : base(nameof(HuberLoss), reduction)
    {
        if (!(delta > 0)) ThrowHelper.ThrowOutOfRange(nameof(delta), delta, "must be positive.");
        this.delta = delta;
    }

    /// <summary>The threshold between the quadratic and the linear part.</summary>
    public double delta { get; }

    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/>.</summary>
    public override Tensor forward(Tensor input, Tensor target) => functional.huber_loss(input, target, delta, reduction);
}
