using RnnTorch.Models;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Training;

/// <summary>
/// Next-token language modelling with truncated backpropagation through time: each batch (inputs (N, L), targets (N, L)
/// = inputs shifted by one) is split into chunks of <c>k</c> steps; each chunk is one optimizer step, and the hidden
/// state is carried into the next chunk detached from the graph. When stateful, the state is also
/// carried from batch to batch (each batch continues the previous one's text) and reset only at the start of an epoch
/// or evaluation; otherwise it is reset at every batch. Padding past each sequence's length is masked out of the loss.
/// </summary>
public sealed class LanguageModelTask : ITrainingTask<SequenceBatch>
{
    private readonly LanguageModel model;
    private readonly int? chunk;
    private readonly bool stateful;
    private readonly int sequenceLength;
    private RecurrentState? carried;

    /// <summary>
    /// Trains <paramref name="model"/>; <paramref name="tbpttSteps"/> k (null: the whole sequence in one step);
    /// <paramref name="sequenceLength"/> the batches' L (to count optimizer steps per batch for schedules).
    /// </summary>
    public LanguageModelTask(LanguageModel model, int? tbpttSteps = null, bool stateful = false, int sequenceLength = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (tbpttSteps is <= 0) throw new ArgumentOutOfRangeException(nameof(tbpttSteps), tbpttSteps, "tbpttSteps must be positive.");
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 1);
        this.model = model;
        chunk = tbpttSteps;
        this.stateful = stateful;
        this.sequenceLength = sequenceLength;
    }

    /// <inheritdoc />
    public Module Model => model;

    /// <inheritdoc />
    public int StepsPerBatch => chunk is { } k ? (sequenceLength + k - 1) / k : 1;

    /// <inheritdoc />
    public void Reset()
    {
        carried?.Dispose();
        carried = null;
    }

    /// <inheritdoc />
    public IEnumerable<TaskLoss> Losses(SequenceBatch batch, MetricAccumulator metrics, bool training)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!stateful) Reset();
        long length = batch.Inputs.size(1), n = batch.Inputs.size(0);
        long k = chunk ?? length;
        for (long start = 0; start < length; start += k)
        {
            long size = Math.Min(k, length - start);
            var x = batch.Inputs.narrow(1, start, size).Follow(model);
            var y = batch.Targets.narrow(1, start, size).Follow(model);
            var mask = batch.Lengths is null ? null : MaskedLoss.LengthMask(batch.Lengths - start, size, x.device);
            var (logits, state) = model.forward(x, carried);
            var (loss, count) = MaskedLoss.CrossEntropy(logits, y, mask);
            if (count > 0)
            {
                metrics.AddLoss(loss.item<double>() * count, count);
                metrics.AddClassification(logits.argmax(-1), y, mask, (int)model.VocabSize);
            }
            // The next chunk starts from this one's final state, cut from the graph and kept out of the step's scope.
            var next = state.Detach();
            next.H.DetachFromDisposeScope();
            next.C?.DetachFromDisposeScope();
            carried?.Dispose();
            carried = next;
            yield return new TaskLoss(loss, n);
        }
    }
}
