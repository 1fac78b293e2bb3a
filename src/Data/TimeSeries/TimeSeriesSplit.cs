namespace RnnTorch.Data;

/// <summary>A series split by time into contiguous parts (see <see cref="TimeSeries.SplitByTime"/>).</summary>
/// <param name="Train">The first part, for training (and for fitting a <see cref="Normalizer"/>).</param>
/// <param name="Validation">The middle part.</param>
/// <param name="Test">The last part.</param>
/// <param name="ValidationStart">The step of the whole series where the validation part starts.</param>
/// <param name="TestStart">The step of the whole series where the test part starts.</param>
public sealed record TimeSeriesSplit(TimeSeries Train, TimeSeries Validation, TimeSeries Test, int ValidationStart, int TestStart);
