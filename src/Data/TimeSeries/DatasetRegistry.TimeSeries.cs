namespace RnnTorch.Data;

public static partial class DatasetRegistry
{
    /// <summary>Registers <c>seattle-weather</c> and <c>sp500</c>; each loader returns a <see cref="TimeSeries"/>.</summary>
    static partial void RegisterTimeSeries()
    {
        Register(
            new DatasetInfo(
                SeattleWeather.Name,
                "forecast the daily maximum temperature (temp_max) from the previous days; multivariate inputs (precipitation, temp_max, temp_min, wind)",
                "many-to-one (sliding windows; many-to-many also possible)",
                "1,461 days (2012-01-01 to 2015-12-31), 4 numeric columns",
                $"npm package {VegaDatasets.Package} {VegaDatasets.Version} (data/{SeattleWeather.FileName}); a copy is embedded in RnnTorch.Data",
                "public domain (NOAA National Climatic Data Center, U.S. Government work)",
                "nothing: embedded in the library, works offline"),
            () => SeattleWeather.Load());
        Register(
            new DatasetInfo(
                Sp500.Name,
                "forecast the daily S&P 500 close from the previous trading days",
                "many-to-one (sliding windows; many-to-many also possible)",
                "5,105 trading days (2000-01-03 to 2020-04-17), 6 numeric columns (open, high, low, close, adjclose, volume)",
                $"npm package {VegaDatasets.Package} {VegaDatasets.Version} (data/{Sp500.FileName}); source Yahoo Finance",
                "not stated by the package for this file (source: Yahoo Finance); the package itself is BSD-3-Clause",
                $"npm ({NpmPackage.InstallHint}); fetched into the cache on first use"),
            () => Sp500.Load());
    }
}
