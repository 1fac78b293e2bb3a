using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.optim.lr_scheduler;

namespace RnnTorch.Training;

public sealed partial class Trainer<TBatch>
{
    /// <summary>
    /// The optimizer steps of one batch: for each loss the task yields — backward, clipping, optimizer step, per-step
    /// schedule — inside a dispose scope. Yields the loss value, the sequences it covered and the gradient norm.
    /// A non-finite loss is yielded without a step (the guard stops the run).
    /// </summary>
    private IEnumerable<(double Loss, long Sequences, double GradNorm)> Steps(TBatch batch, MetricAccumulator metrics,
        optim.Optimizer optimizer, LRScheduler? scheduler)
    {
        using var losses = task.Losses(batch, metrics, training: true).GetEnumerator();
        while (true)
        {
            double value, norm = double.NaN;
            long sequences;
            using (var scope = NewDisposeScope())
            {
                if (!losses.MoveNext()) yield break;
                var (loss, count) = losses.Current;
                sequences = count;
                value = loss.item<double>();
                if (double.IsFinite(value))
                {
                    optimizer.zero_grad();
                    loss.backward();
                    norm = nn.utils.clip_grad_norm_(task.Model.parameters(), config.ClipNorm ?? double.PositiveInfinity);
                    optimizer.step();
                    if (scheduler is not null && config.Schedule.PerStep) scheduler.step();
                }
            }
            yield return (value, sequences, norm);
        }
    }

    /// <summary>Evaluates the model on <paramref name="batches"/> without gradients; metrics are prefixed "val_".</summary>
    public IReadOnlyDictionary<string, double> Evaluate(IBatchSource<TBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var model = task.Model;
        bool wasTraining = model.training;
        model.eval();
        task.Reset();
        var metrics = new MetricAccumulator();
        try
        {
            using var noGrad = no_grad();
            foreach (var batch in batches.Batches(0))
            {
                using var scope = NewDisposeScope();
                foreach (var _ in task.Losses(batch, metrics, training: false)) { }
            }
        }
        finally
        {
            model.train(wasTraining);
            task.Reset();
        }
        return metrics.Compute("val_");
    }

    private bool Diverged(double loss, TrainingState state, out string why)
    {
        why = "";
        if (double.IsNaN(loss)) why = "loss became NaN";
        else if (double.IsInfinity(loss)) why = "loss became infinite";
        else if (state.FirstLoss is { } first && first > 0 && loss > config.ExplosionFactor * first)
            why = $"loss {loss:G4} exploded past {config.ExplosionFactor:G3} × its first value {first:G4}";
        return why.Length > 0;
    }

    private bool Improved(double value, double? best) =>
        best is not { } b || (config.MonitorGoal == MetricGoal.Minimize ? value < b : value > b);

    private string? SaveCheckpoint(string name, nn.Module model, optim.Optimizer optimizer, LRScheduler? scheduler, TrainingState state)
    {
        if (config.CheckpointDir is null) return null;
        Directory.CreateDirectory(config.CheckpointDir);
        string path = Path.Combine(config.CheckpointDir, $"{name}.safetensors");
        TrainingCheckpoint.Save(path, model, optimizer, scheduler, state, config);
        return path;
    }

    private RunLogger? OpenLogger(bool append) => config.LogDir is null ? null : new RunLogger(config.LogDir, null, append);
}
