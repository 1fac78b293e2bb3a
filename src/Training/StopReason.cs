namespace RnnTorch.Training;

/// <summary>Why a training run ended.</summary>
public enum StopReason
{
    /// <summary>All epochs ran.</summary>
    Completed = 0,
    /// <summary>The monitored metric stopped improving for <c>Patience</c> evaluations.</summary>
    EarlyStopped = 1,
    /// <summary>The loss became NaN or infinite, or exploded past <c>ExplosionFactor</c> × its first value.</summary>
    Diverged = 2,
    /// <summary>Cancelled (Ctrl-C): a checkpoint was written first.</summary>
    Cancelled = 3,
}
