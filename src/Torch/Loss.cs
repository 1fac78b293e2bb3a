namespace RnnTorch;

/// <summary>
/// Base class of the loss modules (TorchSharp's <c>Loss&lt;T1, T2, TResult&gt;</c>): a module of two inputs (prediction
/// and target) that remembers its <see cref="reduction"/>.
/// </summary>
public abstract class Loss<T1, T2, TResult> : torch.nn.Module<T1, T2, TResult>
{
    /// <summary>Creates a loss module called <paramref name="name"/> reducing with <paramref name="reduction"/>.</summary>
    protected Loss(string name, Reduction reduction) : base(name)
    {
        if (!Enum.IsDefined(reduction)) ThrowHelper.ThrowOutOfRange(nameof(reduction), reduction, "must be None, Mean or Sum.");
        this.reduction = reduction;
    }

    /// <summary>How the per-element losses are reduced.</summary>
    public Reduction reduction { get; }
}
