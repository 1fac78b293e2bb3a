using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// Binary cross entropy on logits (PyTorch's <c>nn.BCEWithLogitsLoss</c>); see
/// <see cref="functional.binary_cross_entropy_with_logits"/>. <see cref="weight"/> and <see cref="pos_weights"/> are kept
/// as the buffers <c>weight</c> and <c>pos_weight</c>, as in PyTorch.
/// </summary>
public sealed class BCEWithLogitsLoss : Loss<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the loss; see <see cref="torch.nn.BCEWithLogitsLoss"/>.</summary>
    /// <param name="weight">Per-element weights (broadcast), or null; the module keeps its own detached handle sharing its storage (module.to() moves that handle only).</param>
    /// <param name="reduction">How the per-element losses are reduced.</param>
    /// <param name="pos_weights">Weights of the positive term per class (broadcast over the last dimension), or null.</param>
    public BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null)
        : base(nameof(BCEWithLogitsLoss), reduction)
    {
        this.weight = weight?.detach();
        this.pos_weights = pos_weights?.detach();
        register_buffer("weight", this.weight);
        register_buffer("pos_weight", this.pos_weights);
    }

    /// <summary>The per-element weights, or null.</summary>
    public Tensor? weight { get; }

    /// <summary>The positive-term weights, or null.</summary>
    public Tensor? pos_weights { get; }

    /// <summary>The loss of logits <paramref name="input"/> against targets <paramref name="target"/> in [0, 1].</summary>
    public override Tensor forward(Tensor input, Tensor target) =>
        functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weights);
}
