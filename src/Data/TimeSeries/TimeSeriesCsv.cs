using System.Globalization;
using System.Text;
using CsvHelper;

namespace RnnTorch.Data;

/// <summary>
/// Reads CSV files with a header row into a <see cref="TimeSeries"/> with CsvHelper: named numeric columns, an
/// optional date column, missing values (an empty field or a <see cref="CsvLoadOptions.MissingMarkers">marker</see>
/// such as <c>NA</c>), and bad rows reported with their line number.
/// </summary>
/// <remarks>
/// A row is bad when it has a different number of fields from the header, when a loaded value is not a number
/// (nor missing), when its date is missing or does not parse, or when its date is not after the previous row's.
/// By default a file with bad rows is rejected with a <see cref="DataException"/> that lists them by line number;
/// <see cref="CsvLoadOptions.SkipBadRows"/> skips them instead and <see cref="Read(Stream, CsvLoadOptions?, string)"/>
/// reports them. Numbers and dates are read in the invariant culture.
/// </remarks>
public static class TimeSeriesCsv
{
    private const int MaxListedRows = 20;

    /// <summary>Loads a CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read it; null for <see cref="CsvLoadOptions.Default"/>.</param>
    /// <exception cref="DataException">The file is missing, has no such column or has bad rows.</exception>
    public static TimeSeries Load(string path, CsvLoadOptions? options = null) => ReadFile(path, options).Series;

    /// <summary>Loads a CSV file and reports the rows it skipped.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read it; null for <see cref="CsvLoadOptions.Default"/>.</param>
    public static CsvLoadResult ReadFile(string path, CsvLoadOptions? options = null)
    {
        DataGuard.NotNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new DataException($"The CSV file '{path}' does not exist.");
        using var stream = File.OpenRead(path);
        return Read(stream, options, path);
    }

    /// <summary>Reads CSV text held in a string.</summary>
    /// <param name="text">The CSV text, header first.</param>
    /// <param name="options">How to read it; null for <see cref="CsvLoadOptions.Default"/>.</param>
    /// <param name="source">A name for the text in error messages.</param>
    public static TimeSeries Parse(string text, CsvLoadOptions? options = null, string source = "CSV text")
    {
        DataGuard.NotNull(text);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return Read(stream, options, source).Series;
    }

    /// <summary>Reads CSV from a stream (UTF-8 unless it starts with another byte order mark).</summary>
    /// <param name="stream">The input, read to its end and left open.</param>
    /// <param name="options">How to read it; null for <see cref="CsvLoadOptions.Default"/>.</param>
    /// <param name="source">A name for the input in error messages (a file path, a resource name).</param>
    /// <exception cref="DataException">A named column is missing, the file is empty or has bad rows (unless they are skipped),
    /// or <see cref="MissingValuePolicy.Error"/> finds a missing value.</exception>
    public static CsvLoadResult Read(Stream stream, CsvLoadOptions? options = null, string source = "CSV input")
    {
        DataGuard.NotNull(stream);
        DataGuard.NotNull(source);
        options ??= CsvLoadOptions.Default;
        DataGuard.NotNull(options.MissingMarkers);
        var markers = new HashSet<string>(options.MissingMarkers, StringComparer.OrdinalIgnoreCase);
        var bad = new List<CsvBadRow>();

        var csvOptions = new CsvReaderOptions
        {
            Separator = options.Separator,
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            DetectSeparatorHint = false,
            FormatProvider = CultureInfo.InvariantCulture,
            MalformedData = options.SkipBadRows ? CsvMalformedDataHandling.Skip : CsvMalformedDataHandling.Throw,
            OnMalformedRecord = record => bad.Add(new CsvBadRow(record.LineNumber, $"malformed quoting ({record.Reason})")),
        };

        try
        {
            using var reader = CsvReader.Create(stream, csvOptions, leaveOpen: true);
            var headers = reader.Headers.ToArray();
            if (headers.Length == 0) throw new DataException($"{source}: the file is empty; a header row naming the columns is needed.");

            int dateIndex = -1;
            if (options.DateColumn is not null)
            {
                dateIndex = Array.IndexOf(headers, options.DateColumn);
                if (dateIndex < 0) throw MissingColumn(source, options.DateColumn, headers, "date column");
            }
            string[] names = options.Columns?.ToArray() ?? headers.Where((_, i) => i != dateIndex).ToArray();
            if (names.Length == 0) throw new DataException($"{source}: there is no column to load besides the date column '{options.DateColumn}'.");
            var indices = new int[names.Length];
            for (int c = 0; c < names.Length; c++)
            {
                indices[c] = Array.IndexOf(headers, names[c]);
                if (indices[c] < 0) throw MissingColumn(source, names[c], headers, "column");
            }

            var columns = names.Select(_ => new List<double>()).ToArray();
            var dates = dateIndex >= 0 ? new List<DateTime>() : null;
            var lineNumbers = new List<long>();
            var missingErrors = new List<CsvBadRow>();
            var row = new double[names.Length];
            int dropped = 0;

            while (reader.Read())
            {
                long line = reader.LineNumber;
                if (reader.FieldCount != headers.Length)
                {
                    bad.Add(new CsvBadRow(line, $"expected {headers.Length} fields as in the header but found {reader.FieldCount}"));
                    continue;
                }

                string? error = null;
                DateTime date = default;
                if (dateIndex >= 0)
                {
                    string text = reader.GetString(dateIndex);
                    if (text.Length == 0 || markers.Contains(text)) error = $"the date in column '{headers[dateIndex]}' is missing";
                    else if (!TryParseDate(text, options.DateFormat, out date))
                    {
                        error = $"'{text}' in column '{headers[dateIndex]}' is not a date{(options.DateFormat is null ? "" : $" of the form '{options.DateFormat}'")}";
                    }
                    else if (dates!.Count > 0 && date <= dates[^1])
                    {
                        error = $"the date {text} is not after the previous row's ({dates[^1]:O}); rows must be in time order";
                    }
                }

                bool missing = false;
                for (int c = 0; c < names.Length && error is null; c++)
                {
                    string text = reader.GetString(indices[c]);
                    if (text.Length == 0 || markers.Contains(text))
                    {
                        row[c] = double.NaN;
                        missing = true;
                        if (options.Missing == MissingValuePolicy.Error) missingErrors.Add(new CsvBadRow(line, $"the value of column '{names[c]}' is missing"));
                    }
                    else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out row[c]) || !double.IsFinite(row[c]))
                    {
                        error = $"'{text}' in column '{names[c]}' is not a number";
                    }
                }
                if (error is not null)
                {
                    bad.Add(new CsvBadRow(line, error));
                    continue;
                }
                if (missing && options.Missing == MissingValuePolicy.DropRow)
                {
                    dropped++;
                    continue;
                }
                for (int c = 0; c < names.Length; c++) columns[c].Add(row[c]);
                dates?.Add(date);
                lineNumbers.Add(line);
            }

            if (bad.Count > 0 && !options.SkipBadRows)
            {
                bad.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
                throw new DataException($"{source}: {Describe(bad, "bad row")} (set {nameof(CsvLoadOptions)}.{nameof(CsvLoadOptions.SkipBadRows)} to skip them).");
            }
            if (missingErrors.Count > 0)
            {
                throw new DataException($"{source}: {Describe(missingErrors, "missing value")} ({nameof(CsvLoadOptions)}.{nameof(CsvLoadOptions.Missing)} is {nameof(MissingValuePolicy.Error)}).");
            }

            var arrays = columns.Select(c => c.ToArray()).ToArray();
            if (options.Missing == MissingValuePolicy.Interpolate)
            {
                for (int c = 0; c < arrays.Length; c++)
                {
                    if (!Interpolate(arrays[c])) throw new DataException($"{source}: column '{names[c]}' has no value to interpolate from: every row is missing it.");
                }
            }
            bad.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
            return new CsvLoadResult(new TimeSeries(names, arrays, dates), bad, dropped);
        }
        catch (CsvFormatException e)
        {
            throw new DataException($"{source}: line {e.LineNumber}: {e.Message}", e);
        }
    }

    /// <summary>Fills NaNs by linear interpolation by step; the ends take the nearest value. False when all are NaN.</summary>
    internal static bool Interpolate(double[] values)
    {
        int previous = -1;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            if (previous < 0)
            {
                for (int j = 0; j < i; j++) values[j] = values[i];
            }
            else
            {
                for (int j = previous + 1; j < i; j++)
                {
                    double t = (double)(j - previous) / (i - previous);
                    values[j] = values[previous] + t * (values[i] - values[previous]);
                }
            }
            previous = i;
        }
        if (previous < 0) return values.Length == 0;
        for (int j = previous + 1; j < values.Length; j++) values[j] = values[previous];
        return true;
    }

    private static bool TryParseDate(string text, string? format, out DateTime date) =>
        format is null
            ? DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date)
            : DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);

    private static DataException MissingColumn(string source, string name, string[] headers, string what) =>
        new($"{source}: there is no {what} '{name}'; the header has {string.Join(", ", headers.Select(h => $"'{h}'"))}.");

    private static string Describe(List<CsvBadRow> rows, string what)
    {
        var listed = string.Join("; ", rows.Take(MaxListedRows));
        string more = rows.Count > MaxListedRows ? $"; and {rows.Count - MaxListedRows} more" : "";
        return $"{rows.Count} {what}{(rows.Count == 1 ? "" : "s")}: {listed}{more}";
    }
}
