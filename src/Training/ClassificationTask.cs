using RnnTorch.Models;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Training;

/// <summary>Many-to-one classification: cross-entropy of a <see cref="SequenceClassifier"/>'s logits (N, C) against class ids (N).</summary>
public sealed class ClassificationTask : ITrainingTask<SequenceBatch>
{
    private readonly SequenceClassifier model;
    private readonly int classes;

    /// <summary>Trains <paramref name="model"/> on <paramref name="classes"/> classes.</summary>
    public ClassificationTask(SequenceClassifier model, int classes)
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
        var targets = batch.Targets.Follow(model);
        var logits = model.forward(batch.Inputs.Follow(model), batch.Lengths);
        var (loss, count) = MaskedLoss.CrossEntropy(logits, targets, null);
        metrics.AddLoss(loss.item<double>() * count, count);
        metrics.AddClassification(logits.argmax(-1), targets, null, classes);
        yield return new TaskLoss(loss, batch.Targets.size(0));
    }
}
