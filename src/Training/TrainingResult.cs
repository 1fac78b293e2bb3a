namespace RnnTorch.Training;

/// <summary>How a run ended, with the loss of every optimizer step and the final metrics.</summary>
/// <param name="Reason">Why it stopped.</param>
/// <param name="State">The state at the end (epochs done, steps, best metric).</param>
/// <param name="StepLosses">The training loss of every optimizer step, in order (of this process's part of the run).</param>
/// <param name="Metrics">The last train and validation metrics.</param>
/// <param name="BestCheckpoint">The best-model checkpoint, if one was written.</param>
/// <param name="LastCheckpoint">The latest checkpoint, if one was written.</param>
/// <param name="Message">A one-line account of the stop (for Diverged and Cancelled, what happened and where).</param>
public sealed record TrainingResult(StopReason Reason, TrainingState State, IReadOnlyList<double> StepLosses,
    IReadOnlyDictionary<string, double> Metrics, string? BestCheckpoint, string? LastCheckpoint, string Message);
