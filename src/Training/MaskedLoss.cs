using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Training;

/// <summary>Losses for padded batches: padding contributes nothing to the loss or its gradient.</summary>
public static class MaskedLoss
{
    /// <summary>The ignore index used for padded targets.</summary>
    public const long IgnoreIndex = -100;

    /// <summary>A bool mask (N, L): true for the first lengths[n] steps of sequence n.</summary>
    public static Tensor LengthMask(Tensor lengths, long maxLength, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        using var scope = NewDisposeScope();
        var steps = arange(maxLength, device: device ?? lengths.device).unsqueeze(0);
        var mask = steps.lt(lengths.to(ScalarType.Int64, device ?? lengths.device).unsqueeze(1));
        return mask.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Cross-entropy of logits (…, C) against int64 targets (…) averaged over the entries where <paramref name="mask"/>
    /// is true (all when null). Returns the loss and the number of entries it averages.
    /// </summary>
    public static (Tensor Loss, long Count) CrossEntropy(Tensor logits, Tensor targets, Tensor? mask)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        using var scope = NewDisposeScope();
        long classes = logits.size(-1);
        var flatLogits = logits.reshape(-1, classes);
        var flatTargets = (mask is null ? targets : targets.masked_fill(mask.logical_not(), IgnoreIndex)).reshape(-1);
        long count = mask is null ? flatTargets.numel() : mask.sum().item<long>();
        var loss = count == 0 ? zeros(Array.Empty<long>(), logits.dtype, logits.device) * flatLogits.sum()
            : functional.cross_entropy(flatLogits, flatTargets, ignore_index: IgnoreIndex);
        return (loss.MoveToOuterDisposeScope(), count);
    }

    /// <summary>Mean squared error over the entries where <paramref name="mask"/> (broadcast to the values) is true.</summary>
    public static (Tensor Loss, long Count) MeanSquaredError(Tensor predicted, Tensor target, Tensor? mask)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(target);
        using var scope = NewDisposeScope();
        if (mask is null)
            return (functional.mse_loss(predicted, target).MoveToOuterDisposeScope(), predicted.numel());
        var m = mask.to(predicted.dtype).expand_as(predicted);
        var count = m.sum();
        var loss = ((predicted - target).square() * m).sum() / count.clamp(min: 1);
        return (loss.MoveToOuterDisposeScope(), (long)count.item<double>());
    }
}
