using System.Reflection;

namespace RnnTorch.Data;

/// <summary>
/// Daily weather in Seattle, 2012-01-01 to 2015-12-31 (1,461 days): precipitation (mm), maximum and minimum
/// temperature (°C) and wind (the package says km/h), from NOAA's National Climatic Data Center (a U.S. Government
/// work, public domain), as shipped in <c>vega-datasets</c> 3.2.1 (<c>data/seattle-weather.csv</c>).
/// </summary>
/// <remarks>
/// A copy of the file is embedded in this assembly so the dataset is available offline with no tool at all
/// (<see cref="Load"/>); <see cref="LoadFromNpm"/> reads the npm package's own file instead. The file's categorical
/// <c>weather</c> column (drizzle, rain, snow, sun, fog; synthesised by vega-datasets) is not loaded.
/// The usual task: forecast <see cref="TempMax"/> from the previous days (many-to-one).
/// </remarks>
public static class SeattleWeather
{
    /// <summary>The file's name in <c>vega-datasets</c> (and of the embedded copy).</summary>
    public const string FileName = "seattle-weather.csv";

    /// <summary>The registry name.</summary>
    public const string Name = "seattle-weather";

    /// <summary>The column of daily maximum temperatures (°C), the usual forecasting target.</summary>
    public const string TempMax = "temp_max";

    /// <summary>The number of days in the file.</summary>
    public const int Days = 1461;

    private const string ResourceName = "RnnTorch.Data.Resources.seattle-weather.csv";

    /// <summary>The numeric columns that are loaded, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["precipitation", "temp_max", "temp_min", "wind"];

    /// <summary>The options the file is read with.</summary>
    public static CsvLoadOptions CsvOptions { get; } = new() { DateColumn = "date", DateFormat = "yyyy-MM-dd", Columns = Columns };

    /// <summary>Loads the embedded copy (no tool or network needed).</summary>
    public static TimeSeries Load()
    {
        using var stream = OpenEmbedded();
        return TimeSeriesCsv.Read(stream, CsvOptions, $"embedded {FileName}").Series;
    }

    /// <summary>Loads the file of the npm package <c>vega-datasets</c>, fetched into the cache first when needed.</summary>
    /// <param name="cacheRoot">The cache root; null for <see cref="DataCache.Root"/>.</param>
    /// <exception cref="DataException">npm is missing or the install fails (the message says what to do).</exception>
    public static TimeSeries LoadFromNpm(string? cacheRoot = null) => TimeSeriesCsv.Load(VegaDatasets.DataFile(FileName, cacheRoot), CsvOptions);

    /// <summary>Opens the embedded copy of the CSV file (the caller disposes the stream).</summary>
    public static Stream OpenEmbedded() =>
        typeof(SeattleWeather).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new DataException($"The assembly {typeof(SeattleWeather).Assembly.GetName().Name} lacks its embedded resource '{ResourceName}'; it was built without src/Data/Resources/{FileName}.");
}
