using RnnTorch.Models;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Training;

/// <summary>
/// Encoder–decoder training with a teacher forcing ratio (1: the decoder always reads the true previous token; below 1
/// it sometimes reads its own prediction, drawn from a generator seeded with <paramref name="seed"/>); padding past
/// each target's length is masked out of the loss. Evaluation always uses full teacher forcing.
/// </summary>
public sealed class Seq2SeqTask(Seq2Seq model, double teacherForcingRatio = 1.0, int seed = 0) : ITrainingTask<Seq2SeqBatch>
{
    private Random random = new(seed);

    /// <inheritdoc />
    public Module Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    /// <inheritdoc />
    public int StepsPerBatch => 1;

    /// <inheritdoc />
    public void Reset() { }

    /// <summary>The draws restart from the seed (for a run resumed from the start of an epoch).</summary>
    public void Reseed(int epoch) => random = new Random(unchecked(seed * 1_000_003 + epoch)) /* not HashCode: randomised per process */;

    /// <inheritdoc />
    public IEnumerable<TaskLoss> Losses(Seq2SeqBatch batch, MetricAccumulator metrics, bool training)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var device = model.device;
        var logits = model.forward(batch.Source.Follow(model), batch.SourceLengths, batch.DecoderInput.Follow(model), training ? teacherForcingRatio : 1.0, random);
        var targets = batch.Targets.Follow(model);
        var mask = batch.TargetLengths is null ? null : MaskedLoss.LengthMask(batch.TargetLengths, targets.size(1), device);
        var (loss, count) = MaskedLoss.CrossEntropy(logits, targets, mask);
        metrics.AddLoss(loss.item<double>() * count, count);
        metrics.AddClassification(logits.argmax(-1), targets, mask, (int)model.TargetVocab);
        yield return new TaskLoss(loss, batch.Source.size(0));
    }
}
