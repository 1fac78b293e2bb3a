using RnnTorch.Models;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Training;

/// <summary>Many-to-many tagging: a <see cref="SequenceTagger"/>'s logits (N, L, C) against tags (N, L); padding is masked out.</summary>
public sealed class TaggingTask : ITrainingTask<SequenceBatch>
{
    private readonly SequenceTagger model;
    private readonly int classes;

    /// <summary>Trains <paramref name="model"/> on <paramref name="classes"/> tag classes.</summary>
    public TaggingTask(SequenceTagger model, int classes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        this.model = model;
        this.classes = classes;
    }

    /// <inheritdoc />
    public Module Model => model;

    /// <inheritdoc />
    public int StepsPerBatch => 1;

    /// <inheritdoc />
    public void Reset() { }

    /// <inheritdoc />
    public IEnumerable<TaskLoss> Losses(SequenceBatch batch, MetricAccumulator metrics, bool training)
    {
        var device = model.device;
        var targets = batch.Targets.Follow(model);
        var logits = model.forward(batch.Inputs.Follow(model), batch.Lengths);
        var mask = batch.Lengths is null ? null : MaskedLoss.LengthMask(batch.Lengths, targets.size(1), device);
        var (loss, count) = MaskedLoss.CrossEntropy(logits, targets, mask);
        metrics.AddLoss(loss.item<double>() * count, count);
        metrics.AddClassification(logits.argmax(-1), targets, mask, classes);
        yield return new TaskLoss(loss, batch.Targets.size(0));
    }
}
