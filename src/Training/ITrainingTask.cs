using static RnnTorch.torch.nn;

namespace RnnTorch.Training;

/// <summary>
/// What the trainer needs to know about a model and its data: the losses of a batch and the metrics they feed.
/// Tasks for each RNN shape live beside it (classification, regression, tagging, language modelling, Seq2Seq).
/// </summary>
public interface ITrainingTask<in TBatch>
{
    /// <summary>The model being trained.</summary>
    Module Model { get; }

    /// <summary>
    /// The losses to optimise for one batch: one scalar loss per optimizer step. Most tasks yield one; truncated BPTT
    /// yields one per chunk of k steps, and the trainer runs backward and an optimizer step after each before asking
    /// for the next (so the next chunk sees the updated weights). Each loss is computed inside a dispose scope that the
    /// trainer closes after the step; state carried to the next chunk must be detached and moved out of it.
    /// </summary>
    IEnumerable<TaskLoss> Losses(TBatch batch, MetricAccumulator metrics, bool training);

    /// <summary>How many losses (optimizer steps) <see cref="Losses"/> yields for a batch of this task (for schedules).</summary>
    int StepsPerBatch { get; }

    /// <summary>Called at the start of every epoch and evaluation pass (for example to reset a carried hidden state).</summary>
    void Reset();
}
