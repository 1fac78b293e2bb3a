using RnnTorch.Models;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Training;

/// <summary>
/// Many-to-one regression (for example the next value of a time series): mean squared error of a
/// <see cref="SequenceRegressor"/>'s outputs (N, K) against targets (N, K); MAE/RMSE/MAPE are reported in the data's
/// original units through <paramref name="toOriginalUnits"/> (the inverse of the normalisation).
/// </summary>
public sealed class RegressionTask(SequenceRegressor model, Func<double, double>? toOriginalUnits = null) : ITrainingTask<SequenceBatch>
{
    /// <inheritdoc />
    public Module Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    /// <inheritdoc />
    public int StepsPerBatch => 1;

    /// <inheritdoc />
    public void Reset() { }

    /// <inheritdoc />
    public IEnumerable<TaskLoss> Losses(SequenceBatch batch, MetricAccumulator metrics, bool training)
    {
        var targets = batch.Targets.Follow(model);
        var predicted = model.forward(batch.Inputs.Follow(model), batch.Lengths);
        var (loss, count) = MaskedLoss.MeanSquaredError(predicted, targets, null);
        metrics.AddLoss(loss.item<double>() * count, count);
        metrics.AddRegression(predicted, targets, null, toOriginalUnits);
        yield return new TaskLoss(loss, batch.Targets.size(0));
    }
}
