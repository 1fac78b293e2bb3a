namespace RnnTorch.Data;

/// <summary>
/// The sliding windows of a series (see <see cref="WindowOptions"/> for the exact layout): multivariate inputs,
/// many-to-one or many-to-many targets.
/// </summary>
/// <remarks>
/// Build one dataset per part of a <see cref="TimeSeries.SplitByTime">split by time</see>: each window then lies
/// entirely inside its part (inputs and targets), so no sample of the validation or test part is in any training
/// window. Values are converted to float32. A used column with a missing value (NaN) is rejected: load the CSV with
/// <see cref="MissingValuePolicy.Interpolate"/> or <see cref="MissingValuePolicy.DropRow"/>.
/// </remarks>
public sealed class WindowDataset : Dataset<WindowSample>
{
    private readonly float[][] _inputs;   // [column][step]
    private readonly float[][] _targets;  // [column][step]

    /// <summary>Creates the windows of a series.</summary>
    /// <param name="series">The series (usually one part of a split, normalised).</param>
    /// <param name="inputColumns">The input features, in order (one or more).</param>
    /// <param name="targetColumns">The target columns, in order (one or more; may overlap the inputs).</param>
    /// <param name="options">The window layout.</param>
    /// <exception cref="DataException">A used column has a missing value.</exception>
    public WindowDataset(TimeSeries series, IReadOnlyList<string> inputColumns, IReadOnlyList<string> targetColumns, WindowOptions options)
    {
        DataGuard.NotNull(series);
        DataGuard.NotNullOrContainsNull(inputColumns);
        DataGuard.NotNullOrContainsNull(targetColumns);
        DataGuard.NotNull(options);
        options.Validate();
        if (inputColumns.Count == 0) DataGuard.Throw(nameof(inputColumns), "must name at least one column, but was empty.");
        if (targetColumns.Count == 0) DataGuard.Throw(nameof(targetColumns), "must name at least one column, but was empty.");
        Series = series;
        Options = options;
        InputColumns = inputColumns.ToArray();
        TargetColumns = targetColumns.ToArray();
        _inputs = InputColumns.Select(Convert).ToArray();
        _targets = TargetColumns.Select(Convert).ToArray();
        Count = options.CountFor(series.Length);
    }

    /// <summary>The windowed series.</summary>
    public TimeSeries Series { get; }

    /// <summary>The window layout.</summary>
    public WindowOptions Options { get; }

    /// <summary>The input columns, in feature order.</summary>
    public IReadOnlyList<string> InputColumns { get; }

    /// <summary>The target columns, in order.</summary>
    public IReadOnlyList<string> TargetColumns { get; }

    /// <inheritdoc />
    public override int Count { get; }

    /// <summary>The step where window <paramref name="index"/>'s inputs start.</summary>
    /// <param name="index">The window's index.</param>
    public int StartOf(int index)
    {
        CheckIndex(index);
        return index * Options.Stride;
    }

    /// <summary>The steps of the series that window <paramref name="index"/>'s targets come from.</summary>
    /// <param name="index">The window's index.</param>
    public int[] TargetStepsOf(int index)
    {
        int start = StartOf(index);
        int length = Options.InputLength, horizon = Options.Horizon;
        return Options.Target == WindowTarget.ManyToOne
            ? [start + length - 1 + horizon]
            : Enumerable.Range(start + horizon, length).ToArray();
    }

    /// <inheritdoc />
    public override WindowSample this[int index]
    {
        get
        {
            int start = StartOf(index);
            int length = Options.InputLength;
            var inputs = new float[length][];
            for (int t = 0; t < length; t++)
            {
                var row = new float[_inputs.Length];
                for (int f = 0; f < row.Length; f++) row[f] = _inputs[f][start + t];
                inputs[t] = row;
            }
            int[] steps = TargetStepsOf(index);
            var targets = new float[steps.Length][];
            for (int t = 0; t < steps.Length; t++)
            {
                var row = new float[_targets.Length];
                for (int f = 0; f < row.Length; f++) row[f] = _targets[f][steps[t]];
                targets[t] = row;
            }
            return new WindowSample(start, inputs, targets, Options.Target);
        }
    }

    private float[] Convert(string name)
    {
        var values = Series.ColumnSpan(Series.IndexOf(name));
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new DataException($"Column '{name}' has a missing value at step {i}{(Series.Dates is { } d ? $" ({d[i]:yyyy-MM-dd})" : "")}; " +
                    $"windows need complete data: load the CSV with {nameof(MissingValuePolicy)}.{nameof(MissingValuePolicy.Interpolate)} or {nameof(MissingValuePolicy.DropRow)}.");
            }
            result[i] = (float)values[i];
        }
        return result;
    }
}
