namespace RnnTorch.Data;

/// <summary>
/// Daily S&amp;P 500 index values on trading days from 2000-01-03 to 2020-04-17 (5,105 days): open, high, low, close,
/// adjusted close and volume, as shipped in the npm package <c>vega-datasets</c> 3.2.1 (<c>data/sp500-2000.csv</c>;
/// its source is Yahoo Finance and the package states no licence for it). Fetched into the cache with npm on first use.
/// </summary>
/// <remarks>The usual task: forecast <see cref="Close"/> (or its log return) from the previous days (many-to-one).
/// The package's <c>sp500.csv</c> is a different, monthly series (2000–2010) and is not used.</remarks>
public static class Sp500
{
    /// <summary>The file's name in <c>vega-datasets</c>.</summary>
    public const string FileName = "sp500-2000.csv";

    /// <summary>The registry name.</summary>
    public const string Name = "sp500";

    /// <summary>The column of daily closing values, the usual forecasting target.</summary>
    public const string Close = "close";

    /// <summary>The number of trading days in the file.</summary>
    public const int Days = 5105;

    /// <summary>The numeric columns that are loaded, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["open", "high", "low", "close", "adjclose", "volume"];

    /// <summary>The options the file is read with.</summary>
    public static CsvLoadOptions CsvOptions { get; } = new() { DateColumn = "date", DateFormat = "yyyy-MM-dd", Columns = Columns };

    /// <summary>Loads the series, fetching <c>vega-datasets</c> with npm into the cache first when needed.</summary>
    /// <param name="cacheRoot">The cache root; null for <see cref="DataCache.Root"/>.</param>
    /// <exception cref="DataException">npm is missing or the install fails (the message says what to do).</exception>
    public static TimeSeries Load(string? cacheRoot = null) => TimeSeriesCsv.Load(VegaDatasets.DataFile(FileName, cacheRoot), CsvOptions);
}
