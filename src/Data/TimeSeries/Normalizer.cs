using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnTorch.Data;

/// <summary>
/// Per-column affine scaling, <c>(x - Offset) / Scale</c>, fitted on the training part of a series only (so no
/// statistic of the validation or test part leaks into training), with its exact inverse.
/// </summary>
/// <remarks>
/// Missing values (NaN) are ignored when fitting and stay NaN. A column whose fitted spread is zero (a constant, or
/// a single value) gets scale 1, so it maps to 0 instead of dividing by zero.
/// </remarks>
public sealed class Normalizer
{
    private readonly string[] _columns;
    private readonly double[] _offset;
    private readonly double[] _scale;

    private Normalizer(NormalizerKind kind, string[] columns, double[] offset, double[] scale)
    {
        Kind = kind;
        _columns = columns;
        _offset = offset;
        _scale = scale;
    }

    /// <summary>How the columns are scaled.</summary>
    public NormalizerKind Kind { get; }

    /// <summary>The fitted columns, in order.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>What is subtracted from each column (mean or minimum).</summary>
    public IReadOnlyList<double> Offset => _offset;

    /// <summary>What each column is then divided by (standard deviation or range; 1 for a constant column).</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <summary>Fits a normalizer on a series, which should be the training part only.</summary>
    /// <param name="train">The training part (e.g. <see cref="TimeSeriesSplit.Train"/>).</param>
    /// <param name="kind">How to scale.</param>
    /// <param name="columns">The columns to fit; null fits every column of <paramref name="train"/>.</param>
    /// <exception cref="ArgumentException">A column has no value (all missing, or the series is empty).</exception>
    public static Normalizer Fit(TimeSeries train, NormalizerKind kind = NormalizerKind.Standard, IReadOnlyList<string>? columns = null)
    {
        DataGuard.NotNull(train);
        if (kind is not (NormalizerKind.Standard or NormalizerKind.MinMax)) DataGuard.Throw(nameof(kind), $"is not a known kind: {kind}.");
        string[] names = columns?.ToArray() ?? train.ColumnNames.ToArray();
        var offset = new double[names.Length];
        var scale = new double[names.Length];
        for (int c = 0; c < names.Length; c++)
        {
            var values = train.ColumnSpan(train.IndexOf(names[c]));
            long n = 0;
            double mean = 0, m2 = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (double x in values)
            {
                if (double.IsNaN(x)) continue;
                n++;
                double delta = x - mean;
                mean += delta / n;
                m2 += delta * (x - mean);
                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }
            if (n == 0) DataGuard.Throw(nameof(train), $"has no value in column '{names[c]}' to fit on.");
            double spread = kind == NormalizerKind.Standard ? Math.Sqrt(m2 / n) : max - min;
            offset[c] = kind == NormalizerKind.Standard ? mean : min;
            scale[c] = spread > 0 ? spread : 1.0;
        }
        return new Normalizer(kind, names, offset, scale);
    }

    /// <summary>The series with the fitted columns scaled; other columns and the dates unchanged.</summary>
    /// <param name="series">Any part of the series (training, validation, test, or new data).</param>
    /// <exception cref="ArgumentException">A fitted column is missing from <paramref name="series"/>.</exception>
    public TimeSeries Transform(TimeSeries series) => Apply(series, inverse: false);

    /// <summary>Undoes <see cref="Transform(TimeSeries)"/>.</summary>
    /// <param name="series">A scaled series.</param>
    public TimeSeries Inverse(TimeSeries series) => Apply(series, inverse: true);

    /// <summary>Scales one value of a fitted column.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="value">The raw value.</param>
    public double Transform(string column, double value)
    {
        int c = ColumnIndex(column);
        return (value - _offset[c]) / _scale[c];
    }

    /// <summary>Undoes <see cref="Transform(string, double)"/>: turns a scaled value (such as a model's prediction) back into the column's units.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="value">The scaled value.</param>
    public double Inverse(string column, double value)
    {
        int c = ColumnIndex(column);
        return value * _scale[c] + _offset[c];
    }

    /// <summary>Undoes the scaling of a column for many values (e.g. a batch of predictions).</summary>
    /// <param name="column">The column name.</param>
    /// <param name="values">The scaled values.</param>
    /// <returns>A new array in the column's units.</returns>
    public double[] Inverse(string column, ReadOnlySpan<float> values)
    {
        int c = ColumnIndex(column);
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = values[i] * _scale[c] + _offset[c];
        return result;
    }

    /// <summary>The normalizer as JSON, to save with a model (numbers written round-trip exactly).</summary>
    public string ToJson()
    {
        var json = new JsonObject
        {
            ["kind"] = Kind.ToString(),
            ["columns"] = new JsonArray(_columns.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["offset"] = new JsonArray(_offset.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["scale"] = new JsonArray(_scale.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Reads a normalizer written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="DataException">The text is not such a normalizer.</exception>
    public static Normalizer FromJson(string json)
    {
        DataGuard.NotNull(json);
        try
        {
            var node = JsonNode.Parse(json) ?? throw new DataException("The normalizer JSON is null.");
            var kind = Enum.Parse<NormalizerKind>(node["kind"]!.GetValue<string>());
            string[] columns = node["columns"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
            double[] offset = node["offset"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
            double[] scale = node["scale"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
            if (offset.Length != columns.Length || scale.Length != columns.Length)
            {
                throw new DataException($"The normalizer JSON has {columns.Length} columns but {offset.Length} offsets and {scale.Length} scales.");
            }
            return new Normalizer(kind, columns, offset, scale);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or ArgumentException or FormatException)
        {
            throw new DataException($"The text is not a normalizer written by {nameof(Normalizer)}.{nameof(ToJson)}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Normalizer({Kind}: {string.Join(", ", _columns.Select((n, c) => string.Create(CultureInfo.InvariantCulture, $"{n} {_offset[c]:G6}/{_scale[c]:G6}")))})";

    private TimeSeries Apply(TimeSeries series, bool inverse)
    {
        DataGuard.NotNull(series);
        var map = new int[series.ColumnCount];
        Array.Fill(map, -1);
        for (int c = 0; c < _columns.Length; c++) map[series.IndexOf(_columns[c])] = c;
        return series.Map((column, x) =>
        {
            int c = map[column];
            if (c < 0) return x;
            return inverse ? x * _scale[c] + _offset[c] : (x - _offset[c]) / _scale[c];
        });
    }

    private int ColumnIndex(string column)
    {
        DataGuard.NotNull(column);
        int c = Array.IndexOf(_columns, column);
        if (c < 0) DataGuard.Throw(nameof(column), $"'{column}' was not fitted; the fitted columns are {string.Join(", ", _columns)}.");
        return c;
    }
}
