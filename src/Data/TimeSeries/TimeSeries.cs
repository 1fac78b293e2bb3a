namespace RnnTorch.Data;

/// <summary>
/// A table of named columns of doubles over the same time steps, optionally with the date of each step.
/// Missing values are <see cref="double.NaN"/>. Immutable: every operation returns a new series.
/// </summary>
public sealed class TimeSeries
{
    private readonly string[] _names;
    private readonly double[][] _columns;
    private readonly DateTime[]? _dates;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a series from columns of equal length.</summary>
    /// <param name="names">The column names: distinct, not empty.</param>
    /// <param name="columns">One array per name, all of the same length (copied).</param>
    /// <param name="dates">The date of each step (copied), or null for a series without dates; when given, its
    /// length equals the columns' and the dates increase strictly.</param>
    public TimeSeries(IReadOnlyList<string> names, IReadOnlyList<double[]> columns, IReadOnlyList<DateTime>? dates = null)
    {
        DataGuard.NotNullOrContainsNull(names);
        DataGuard.NotNullOrContainsNull(columns);
        if (names.Count == 0) DataGuard.Throw(nameof(names), "must name at least one column, but was empty.");
        if (names.Count != columns.Count)
        {
            DataGuard.Throw(nameof(columns), $"has {columns.Count} columns but {names.Count} names were given.");
        }
        _names = new string[names.Count];
        _columns = new double[columns.Count][];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        int length = columns[0].Length;
        for (int c = 0; c < names.Count; c++)
        {
            if (string.IsNullOrWhiteSpace(names[c])) DataGuard.Throw(nameof(names), $"element {c} is empty: '{names[c]}'.");
            if (!_index.TryAdd(names[c], c)) DataGuard.Throw(nameof(names), $"holds '{names[c]}' twice.");
            if (columns[c].Length != length)
            {
                DataGuard.Throw(nameof(columns), $"column '{names[c]}' has {columns[c].Length} values but column '{names[0]}' has {length}.");
            }
            _names[c] = names[c];
            _columns[c] = (double[])columns[c].Clone();
        }
        if (dates is not null)
        {
            if (dates.Count != length) DataGuard.Throw(nameof(dates), $"has {dates.Count} dates but the columns have {length} values.");
            _dates = new DateTime[length];
            for (int i = 0; i < length; i++)
            {
                if (i > 0 && dates[i] <= dates[i - 1])
                {
                    DataGuard.Throw(nameof(dates), $"must increase strictly, but step {i} ({dates[i]:O}) is not after step {i - 1} ({dates[i - 1]:O}).");
                }
                _dates[i] = dates[i];
            }
        }
        Length = length;
    }

    /// <summary>The number of time steps.</summary>
    public int Length { get; }

    /// <summary>The number of columns.</summary>
    public int ColumnCount => _names.Length;

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> ColumnNames => _names;

    /// <summary>The date of each step, or null when the series has none.</summary>
    public IReadOnlyList<DateTime>? Dates => _dates;

    /// <summary>The value of a column at a step (NaN when missing).</summary>
    /// <param name="step">The 0-based time step.</param>
    /// <param name="column">The 0-based column index.</param>
    public double this[int step, int column]
    {
        get
        {
            CheckStep(step);
            CheckColumn(column);
            return _columns[column][step];
        }
    }

    /// <summary>The value of a named column at a step (NaN when missing).</summary>
    /// <param name="step">The 0-based time step.</param>
    /// <param name="column">The column name.</param>
    public double this[int step, string column] => this[step, IndexOf(column)];

    /// <summary>Whether the series has a column of that name.</summary>
    /// <param name="name">The column name (case-sensitive).</param>
    public bool HasColumn(string name) => name is not null && _index.ContainsKey(name);

    /// <summary>The index of a named column.</summary>
    /// <param name="name">The column name (case-sensitive).</param>
    /// <exception cref="ArgumentException">There is no such column; the message lists the columns.</exception>
    public int IndexOf(string name)
    {
        DataGuard.NotNull(name);
        if (!_index.TryGetValue(name, out int c))
        {
            DataGuard.Throw(nameof(name), $"'{name}' is not a column of this series; its columns are {string.Join(", ", _names)}.");
        }
        return c;
    }

    /// <summary>A copy of a column's values.</summary>
    /// <param name="name">The column name.</param>
    public double[] Column(string name) => (double[])_columns[IndexOf(name)].Clone();

    /// <summary>A copy of a column's values.</summary>
    /// <param name="column">The 0-based column index.</param>
    public double[] Column(int column)
    {
        CheckColumn(column);
        return (double[])_columns[column].Clone();
    }

    /// <summary>A read-only view of a column's values (no copy).</summary>
    /// <param name="column">The 0-based column index.</param>
    public ReadOnlySpan<double> ColumnSpan(int column)
    {
        CheckColumn(column);
        return _columns[column];
    }

    /// <summary>The series with only the named columns, in the given order (dates kept).</summary>
    /// <param name="names">The columns to keep.</param>
    public TimeSeries Select(params string[] names)
    {
        DataGuard.NotNullOrContainsNull(names);
        var columns = new double[names.Length][];
        for (int i = 0; i < names.Length; i++) columns[i] = _columns[IndexOf(names[i])];
        return new TimeSeries(names, columns, _dates);
    }

    /// <summary>The steps <c>[start, start + length)</c> of the series (dates kept).</summary>
    /// <param name="start">The first step.</param>
    /// <param name="length">The number of steps (0 or more).</param>
    public TimeSeries Slice(int start, int length)
    {
        if (start < 0 || start > Length) DataGuard.Throw(nameof(start), $"must lie in [0, {Length}], but was {start}.");
        if (length < 0 || start + length > Length)
        {
            DataGuard.Throw(nameof(length), $"must lie in [0, {Length - start}] for start {start}, but was {length}.");
        }
        var columns = new double[_columns.Length][];
        for (int c = 0; c < columns.Length; c++) columns[c] = _columns[c].AsSpan(start, length).ToArray();
        return new TimeSeries(_names, columns, _dates?.AsSpan(start, length).ToArray());
    }

    /// <summary>
    /// Splits the series by time into contiguous training, validation and test parts (in that order, no shuffling).
    /// </summary>
    /// <param name="trainFraction">The fraction of steps for training, in (0, 1].</param>
    /// <param name="validationFraction">The fraction of steps for validation, in [0, 1 - trainFraction]; the test
    /// part gets the rest.</param>
    /// <returns>The three parts; the training part has <c>floor(Length * trainFraction)</c> steps, the validation part
    /// <c>floor(Length * (trainFraction + validationFraction)) - floor(Length * trainFraction)</c>.</returns>
    /// <remarks>Windows built separately on each part (<see cref="WindowDataset"/>) never cross a boundary, so no
    /// sample of the validation or test part is in any training window.</remarks>
    public TimeSeriesSplit SplitByTime(double trainFraction, double validationFraction)
    {
        if (!(trainFraction > 0 && trainFraction <= 1)) DataGuard.Throw(nameof(trainFraction), $"must lie in (0, 1], but was {trainFraction}.");
        if (!(validationFraction >= 0 && trainFraction + validationFraction <= 1 + 1e-12))
        {
            DataGuard.Throw(nameof(validationFraction), $"must lie in [0, {1 - trainFraction}] (1 - trainFraction), but was {validationFraction}.");
        }
        int trainEnd = (int)Math.Floor(Length * trainFraction);
        int validationEnd = Math.Min(Length, (int)Math.Floor(Length * (trainFraction + validationFraction) + 1e-9));
        if (trainEnd == 0) DataGuard.Throw(nameof(trainFraction), $"{trainFraction} of {Length} steps leaves no training step.");
        return new TimeSeriesSplit(
            Slice(0, trainEnd),
            Slice(trainEnd, validationEnd - trainEnd),
            Slice(validationEnd, Length - validationEnd),
            trainEnd,
            validationEnd);
    }

    /// <summary>The series with each column transformed by <paramref name="map"/> (column index, value) → value.</summary>
    internal TimeSeries Map(Func<int, double, double> map)
    {
        var columns = new double[_columns.Length][];
        for (int c = 0; c < columns.Length; c++)
        {
            var source = _columns[c];
            var target = new double[source.Length];
            for (int i = 0; i < source.Length; i++) target[i] = map(c, source[i]);
            columns[c] = target;
        }
        return new TimeSeries(_names, columns, _dates);
    }

    internal double[] ColumnArray(int column) => _columns[column];

    /// <inheritdoc />
    public override string ToString() =>
        $"TimeSeries({Length} steps × {ColumnCount} columns: {string.Join(", ", _names)}{(_dates is null || Length == 0 ? "" : $"; {_dates[0]:yyyy-MM-dd} … {_dates[^1]:yyyy-MM-dd}")})";

    private void CheckStep(int step)
    {
        if ((uint)step >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(step), step, $"step must lie in [0, {Length}), but was {step}.");
    }

    private void CheckColumn(int column)
    {
        if ((uint)column >= (uint)_columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"column must lie in [0, {_columns.Length}), but was {column}.");
        }
    }
}
