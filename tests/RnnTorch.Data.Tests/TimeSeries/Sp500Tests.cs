using RnnTorch.Data;

namespace RnnTorch.Data.Tests;

[Collection(VegaDatasetsCollection.Name)]
public sealed class Sp500Tests(VegaDatasetsFixture vega)
{
    [Fact]
    public void LoadsTheDailySeriesFromTheNpmPackage()
    {
        var series = Sp500.Load(vega.CacheRoot);
        Assert.Equal(Sp500.Days, series.Length);
        Assert.Equal(["open", "high", "low", "close", "adjclose", "volume"], series.ColumnNames);
        var dates = series.Dates!;
        Assert.Equal(new DateTime(2000, 1, 3), dates[0]);
        Assert.Equal(new DateTime(2020, 4, 17), dates[^1]);
        // First row: 2000-01-03,1469.250000,1478.000000,1438.359985,1455.219971,1455.219971,931800000
        Assert.Equal(1469.25, series[0, "open"]);
        Assert.Equal(1455.219971, series[0, "close"]);
        Assert.Equal(931800000.0, series[0, "volume"]);
        // Last row: 2020-04-17,2842.429932,2879.219971,2830.879883,2874.560059,2874.560059,5792140000
        Assert.Equal(2874.560059, series[series.Length - 1, Sp500.Close]);
        Assert.Equal(5792140000.0, series[series.Length - 1, "volume"]);
        // Trading days only: no weekend date.
        Assert.DoesNotContain(dates, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void IsRegistered()
    {
        Assert.Contains(Sp500.Name, DatasetRegistry.Names);
        var info = DatasetRegistry.Info(Sp500.Name);
        Assert.Contains("sp500-2000.csv", info.Source);
        Assert.Contains("npm", info.HowToGet);
    }
}
