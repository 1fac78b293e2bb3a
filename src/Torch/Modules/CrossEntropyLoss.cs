using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// Cross entropy between logits and class indices or class probabilities (PyTorch's <c>nn.CrossEntropyLoss</c>);
/// see <see cref="functional.cross_entropy"/>. A class <see cref="weight"/> is kept as the buffer <c>weight</c>, as in PyTorch.
/// </summary>
public sealed class CrossEntropyLoss : Loss<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the loss; see <see cref="torch.nn.CrossEntropyLoss"/>.</summary>
    /// <param name="weight">Per-class weights (C), or null; the module keeps its own detached handle sharing its storage (module.to() moves that handle only).</param>
    /// <param name="ignore_index">A target value that is skipped.</param>
    /// <param name="reduction">How the per-sample losses are reduced.</param>
    /// <param name="label_smoothing">ε in [0, 1]: the target becomes (1 − ε)·target + ε/C.</param>
    public CrossEntropyLoss(Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
        : base(nameof(CrossEntropyLoss), reduction)
    {
        functional.CheckProbability(label_smoothing);
        this.ignore_index = ignore_index;
        this.label_smoothing = label_smoothing;
        this.weight = weight?.detach();
        register_buffer("weight", this.weight);
    }

    /// <summary>The per-class weights, or null.</summary>
    public Tensor? weight { get; }

    /// <summary>The target value that is skipped.</summary>
    public long ignore_index { get; }

    /// <summary>The label smoothing ε.</summary>
    public double label_smoothing { get; }

    /// <summary>The loss of logits <paramref name="input"/> against <paramref name="target"/>.</summary>
    public override Tensor forward(Tensor input, Tensor target) =>
        functional.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing);
}
