namespace RnnTorch.Data;

/// <summary>How <see cref="TimeSeriesCsv"/> reads a CSV file into a <see cref="TimeSeries"/>.</summary>
public sealed record CsvLoadOptions
{
    /// <summary>The name of the date column, or null when the file has none (the steps are then just numbered).
    /// Defaults to <c>"date"</c>; a file without such a column is an error unless this is null.</summary>
    public string? DateColumn { get; init; } = "date";

    /// <summary>The exact format of the dates (<see cref="DateTime.ParseExact(string, string, IFormatProvider)"/>, invariant
    /// culture), or null to accept any form that <see cref="DateTime.Parse(string, IFormatProvider)"/> reads in the
    /// invariant culture (<c>2012-01-01</c>, <c>2012-01-01T12:00:00</c>, <c>Jan 1 2000</c>).</summary>
    public string? DateFormat { get; init; }

    /// <summary>The numeric columns to load, in this order; null loads every column except the date column.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>The field values that mean "missing" besides the empty field, matched after trimming, ignoring
    /// case. Defaults to <c>NA</c>, <c>N/A</c>, <c>NaN</c> and <c>null</c>.</summary>
    public IReadOnlyList<string> MissingMarkers { get; init; } = ["NA", "N/A", "NaN", "null"];

    /// <summary>What to do with missing values. Defaults to <see cref="MissingValuePolicy.Keep"/>.</summary>
    public MissingValuePolicy Missing { get; init; } = MissingValuePolicy.Keep;

    /// <summary>The field separator. Defaults to a comma.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Whether rows with a wrong number of fields, a value that is not a number or a date that does not
    /// parse are skipped instead of rejecting the file. Defaults to false: the file is rejected with a
    /// <see cref="DataException"/> that lists every bad row by line number.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>The default options.</summary>
    public static CsvLoadOptions Default { get; } = new();
}
