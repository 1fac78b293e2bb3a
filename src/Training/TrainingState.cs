namespace RnnTorch.Training;

/// <summary>
/// Where a training run stands, saved in every checkpoint so that a resumed run carries on where it stopped.
/// </summary>
/// <param name="Epoch">The epochs completed (the index, from 0, of the next epoch to run).</param>
/// <param name="Step">The optimizer steps taken so far.</param>
/// <param name="BestMetric">The best value of the monitored metric so far (null: none yet).</param>
/// <param name="EpochsWithoutImprovement">The evaluations since the monitored metric last improved (for early stopping).</param>
/// <param name="FirstLoss">The loss of the run's first step (the reference of the explosion guard; null: no step yet).</param>
public sealed record TrainingState(int Epoch, long Step, double? BestMetric, int EpochsWithoutImprovement, double? FirstLoss)
{
    /// <summary>The state of a run that has not started: epoch 0, step 0, nothing measured yet.</summary>
    public static TrainingState Initial { get; } = new(0, 0, null, 0, null);
}
