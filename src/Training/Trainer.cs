using System.Diagnostics;
using static RnnTorch.torch;

namespace RnnTorch.Training;

/// <summary>
/// Runs a training loop that reads top to bottom: per epoch, per batch — forward and loss (the task), backward, gradient
/// clipping, optimizer step, scheduler step — then evaluation at the set interval, early stopping on the monitored
/// metric, and best and last checkpoints. Every step runs inside a dispose scope, so memory stays flat.
/// </summary>
public sealed partial class Trainer<TBatch>
{
    private readonly TrainingConfig config;
    private readonly ITrainingTask<TBatch> task;
    private readonly IProgressReporter progress;

    /// <summary>Creates a trainer for <paramref name="task"/> with <paramref name="config"/> (saved in every checkpoint).</summary>
    public Trainer(TrainingConfig config, ITrainingTask<TBatch> task, IProgressReporter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(task);
        this.config = config;
        this.task = task;
        this.progress = progress ?? ProgressReporter.Create(Console.Out, ProgressReporter.IsInteractive());
    }

    /// <summary>
    /// Trains on <paramref name="train"/>, evaluating on <paramref name="validation"/> (if any) every
    /// <c>EvalEvery</c> epochs; resumes from <paramref name="resumeFrom"/> when given. Ctrl-C (or
    /// <paramref name="cancel"/>) writes a checkpoint and returns cleanly.
    /// </summary>
    public TrainingResult Fit(IBatchSource<TBatch> train, IBatchSource<TBatch>? validation = null, string? resumeFrom = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        // ---- set-up: seed, device, optimizer, schedule, logs; or everything from a checkpoint -----------------
        manual_seed(config.Seed);
        var model = task.Model;
        model.to(config.ResolveDevice(), null);
        var optimizer = config.Optimizer.Create(model.parameters());
        var scheduler = config.Schedule.Create(optimizer, train.Count * task.StepsPerBatch, config.Epochs, config.MonitorGoal);
        var state = new TrainingState(0, 0, null, 0, null);
        if (resumeFrom is not null) (state, _) = TrainingCheckpoint.Load(resumeFrom, model, optimizer, scheduler);
        using var logger = OpenLogger(append: resumeFrom is not null);
        var losses = new List<double>();
        var metrics = new Dictionary<string, double>();
        string? best = null, last = resumeFrom;
        progress.Start(config.Epochs, train.Count);
        var clock = Stopwatch.StartNew();
        try
        {
            for (int epoch = state.Epoch; epoch < config.Epochs; epoch++)
            {
                // ---- one epoch of training steps ------------------------------------------------------------
                model.train();
                task.Reset();
                var trainMetrics = new MetricAccumulator();
                int batchIndex = 0;
                foreach (var batch in train.Batches(epoch))
                {
                    foreach (var (loss, sequences, gradNorm) in Steps(batch, trainMetrics, optimizer, scheduler))
                    {
                        state = state with { Step = state.Step + 1, FirstLoss = state.FirstLoss ?? loss };
                        losses.Add(loss);
                        // ---- guards: NaN, infinity, explosion -------------------------------------------------
                        if (Diverged(loss, state, out var why))
                            return Stop(StopReason.Diverged, $"{why} at step {state.Step} (epoch {epoch + 1}, batch {batchIndex + 1}); last good checkpoint: {last ?? "none"}");
                        double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                        clock.Restart();
                        if (state.Step % config.LogEvery == 0)
                        {
                            double lr = optimizer.param_groups[0].lr;
                            progress.Step(epoch, batchIndex, loss, sequences / seconds, lr);
                            logger?.WriteRow(state.Step, epoch + 1, "train", new Dictionary<string, double>
                            {
                                ["loss"] = loss, ["grad_norm"] = gradNorm, ["lr"] = lr,
                                ["sequences_per_second"] = sequences / seconds, ["ms_per_step"] = seconds * 1000,
                            });
                        }
                    }
                    batchIndex++;
                    if (cancel.IsCancellationRequested)
                    {
                        last = SaveCheckpoint("interrupted", model, optimizer, scheduler, state with { Epoch = epoch });
                        return Stop(StopReason.Cancelled, $"cancelled in epoch {epoch + 1} after step {state.Step}; checkpoint: {last ?? "none (no CheckpointDir)"} (resuming restarts epoch {epoch + 1})");
                    }
                }
                if (scheduler is not null && !config.Schedule.PerStep && !config.Schedule.StepsOnMetric) scheduler.step();
                metrics = new Dictionary<string, double>(trainMetrics.Compute("train_"));

                // ---- evaluation, early stopping, checkpoints ---------------------------------------------------
                bool evaluate = validation is not null && (epoch + 1) % config.EvalEvery == 0;
                if (evaluate) foreach (var (k, v) in Evaluate(validation!)) metrics[k] = v;
                if (scheduler is not null && config.Schedule.StepsOnMetric && metrics.TryGetValue(config.Monitor, out var plateauMetric)) scheduler.step(plateauMetric);
                state = state with { Epoch = epoch + 1 };
                if (metrics.TryGetValue(config.Monitor, out var monitored))
                {
                    if (Improved(monitored, state.BestMetric))
                    {
                        state = state with { BestMetric = monitored, EpochsWithoutImprovement = 0 };
                        best = SaveCheckpoint("best", model, optimizer, scheduler, state) ?? best;
                    }
                    else if (evaluate || validation is null)
                    {
                        state = state with { EpochsWithoutImprovement = state.EpochsWithoutImprovement + 1 };
                    }
                }
                last = SaveCheckpoint("last", model, optimizer, scheduler, state) ?? last;
                logger?.WriteRow(state.Step, epoch + 1, "epoch", metrics);
                progress.Epoch(epoch, metrics);
                if (config.Patience is { } patience && state.EpochsWithoutImprovement >= patience)
                    return Stop(StopReason.EarlyStopped, $"early stop after epoch {epoch + 1}: {config.Monitor} did not improve for {patience} evaluation(s); best {state.BestMetric}");
            }
            return Stop(StopReason.Completed, $"completed {config.Epochs} epochs, {state.Step} steps");
        }
        finally
        {
            progress.Stop();
        }

        TrainingResult Stop(StopReason reason, string message)
        {
            progress.Message(message);
            logger?.WriteReport(metrics, config, $"rnn-torch run: {reason}");
            return new TrainingResult(reason, state, losses, metrics, best, last, message);
        }
    }
}
