using RnnTorch.Data;

namespace RnnTorch.Data.Tests;

/// <summary>The embedded copy: no tool or network needed.</summary>
public sealed class SeattleWeatherTests
{
    [Fact]
    public void EmbeddedCopyHoldsEveryDayOf2012To2015()
    {
        var series = SeattleWeather.Load();
        // 2012 is a leap year: 366 + 3 · 365 days.
        Assert.Equal(366 + 3 * 365, series.Length);
        Assert.Equal(SeattleWeather.Days, series.Length);
        Assert.Equal(["precipitation", "temp_max", "temp_min", "wind"], series.ColumnNames);
        var dates = series.Dates!;
        for (int i = 0; i < dates.Count; i++) Assert.Equal(new DateTime(2012, 1, 1).AddDays(i), dates[i]);
        Assert.Equal(new DateTime(2015, 12, 31), dates[^1]);
    }

    [Fact]
    public void EmbeddedCopyHasKnownValues()
    {
        var series = SeattleWeather.Load();
        // First rows of the file: 2012-01-01,0.0,12.8,5.0,4.7,drizzle / 2012-01-02,10.9,10.6,2.8,4.5,rain
        Assert.Equal(0.0, series[0, "precipitation"]);
        Assert.Equal(12.8, series[0, "temp_max"]);
        Assert.Equal(5.0, series[0, "temp_min"]);
        Assert.Equal(4.7, series[0, "wind"]);
        Assert.Equal(10.9, series[1, "precipitation"]);
        Assert.Equal(10.6, series[1, SeattleWeather.TempMax]);
        // Last row: 2015-12-31,0.0,5.6,-2.1,3.5,sun
        Assert.Equal(5.6, series[series.Length - 1, "temp_max"]);
        Assert.Equal(-2.1, series[series.Length - 1, "temp_min"]);
        Assert.DoesNotContain(series.ColumnNames.SelectMany(series.Column), double.IsNaN);
    }

    [Fact]
    public void IsRegisteredAndLoadsOffline()
    {
        Assert.Contains(SeattleWeather.Name, DatasetRegistry.Names);
        var info = DatasetRegistry.Info(SeattleWeather.Name);
        Assert.Contains("public domain", info.Licence);
        Assert.Contains("vega-datasets", info.Source);
        var series = Assert.IsType<TimeSeries>(DatasetRegistry.Get(SeattleWeather.Name));
        Assert.Equal(SeattleWeather.Days, series.Length);
    }

    [Fact]
    public void ForecastingWindowsOverTheSplitDoNotLeak()
    {
        var series = SeattleWeather.Load();
        var split = series.SplitByTime(0.7, 0.15);
        var normalizer = Normalizer.Fit(split.Train);
        var options = new WindowOptions { InputLength = 14 };
        var train = new WindowDataset(normalizer.Transform(split.Train), SeattleWeather.Columns, [SeattleWeather.TempMax], options);
        var test = new WindowDataset(normalizer.Transform(split.Test), SeattleWeather.Columns, [SeattleWeather.TempMax], options);
        Assert.Equal(options.CountFor(split.Train.Length), train.Count);
        // The last training target is the last training day; the first test input is the first test day.
        Assert.Equal(split.Train.Length - 1, train.TargetStepsOf(train.Count - 1)[0]);
        Assert.Equal(split.Test.Dates![0], test.Series.Dates![test.StartOf(0)]);
        double firstTestTempMax = split.Test[0, "temp_max"];
        Assert.Equal(firstTestTempMax, normalizer.Inverse("temp_max", test[0].Inputs[0][1]), 1e-4);
    }
}
