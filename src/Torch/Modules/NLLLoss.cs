using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// Negative log-likelihood of log-probabilities at class indices (PyTorch's <c>nn.NLLLoss</c>); see
/// <see cref="functional.nll_loss"/>. A class <see cref="weight"/> is kept as the buffer <c>weight</c>, as in PyTorch.
/// </summary>
public sealed class NLLLoss : Loss<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the loss; see <see cref="torch.nn.NLLLoss"/>.</summary>
    /// <param name="weight">Per-class weights (C), or null; the module keeps its own detached handle sharing its storage (module.to() moves that handle only).</param>
    /// <param name="reduction">How the per-sample losses are reduced.</param>
    /// <param name="ignore_index">A target value that is skipped.</param>
    public NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100) : base(nameof(NLLLoss), reduction)
    {
        this.ignore_index = ignore_index;
        this.weight = weight?.detach();
        register_buffer("weight", this.weight);
    }

    /// <summary>The per-class weights, or null.</summary>
    public Tensor? weight { get; }

    /// <summary>The target value that is skipped.</summary>
    public long ignore_index { get; }

    /// <summary>The loss of log-probabilities <paramref name="input"/> against class indices <paramref name="target"/>.</summary>
    public override Tensor forward(Tensor input, Tensor target) => functional.nll_loss(input, target, weight, reduction, ignore_index);
}
