using RnnTorch.Data;

namespace RnnTorch.Data.Tests;

public sealed class NormalizerTests
{
    [Fact]
    public void StandardIsFittedOnTheTrainingPartOnly()
    {
        // train a = 1, 2, 3, 4: mean 2.5, population variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25
        var series = new TimeSeries(["a"], [[1.0, 2, 3, 4, 100, 200]]);
        var split = series.SplitByTime(4.0 / 6, 1.0 / 6);
        var normalizer = Normalizer.Fit(split.Train);
        Assert.Equal(2.5, normalizer.Offset[0], 12);
        Assert.Equal(Math.Sqrt(1.25), normalizer.Scale[0], 12);

        var test = normalizer.Transform(split.Test);
        Assert.Equal((200 - 2.5) / Math.Sqrt(1.25), test[0, "a"], 12);
        var train = normalizer.Transform(split.Train).Column("a");
        Assert.Equal(0.0, train.Average(), 12);
        Assert.Equal(1.0, Math.Sqrt(train.Select(x => x * x).Average()), 12);
    }

    [Fact]
    public void MinMaxMapsTheTrainingRangeToZeroOne()
    {
        var train = new TimeSeries(["a", "b"], [[2.0, 4, 10], [-1.0, -1, -1]]);
        var normalizer = Normalizer.Fit(train, NormalizerKind.MinMax);
        var scaled = normalizer.Transform(train);
        Assert.Equal([0.0, 0.25, 1.0], scaled.Column("a"));
        Assert.Equal([0.0, 0.0, 0.0], scaled.Column("b")); // constant column: scale 1, no division by zero
        Assert.Equal(1.0, normalizer.Scale[1]);
    }

    [Theory]
    [InlineData(NormalizerKind.Standard)]
    [InlineData(NormalizerKind.MinMax)]
    public void InverseRestoresTheValues(NormalizerKind kind)
    {
        var random = new Random(7);
        double[] Values(double scale, double offset) => Enumerable.Range(0, 500).Select(_ => offset + scale * (random.NextDouble() - 0.5)).ToArray();
        var series = new TimeSeries(["t", "p", "v"], [Values(30, 10), Values(0.01, 1e-3), Values(5e9, 3e9)]);
        var split = series.SplitByTime(0.6, 0.2);
        var normalizer = Normalizer.Fit(split.Train, kind);
        foreach (var part in new[] { split.Train, split.Validation, split.Test })
        {
            var restored = normalizer.Inverse(normalizer.Transform(part));
            for (int c = 0; c < part.ColumnCount; c++)
            {
                for (int i = 0; i < part.Length; i++)
                {
                    double expected = part[i, c];
                    Assert.True(Math.Abs(restored[i, c] - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"{part.ColumnNames[c]}[{i}]: {restored[i, c]} vs {expected}");
                }
            }
        }
        // Single values and float predictions too.
        double raw = split.Test[3, "t"];
        Assert.Equal(raw, normalizer.Inverse("t", normalizer.Transform("t", raw)), 9);
        float scaled = (float)normalizer.Transform("t", raw);
        Assert.Equal(raw, normalizer.Inverse("t", [scaled])[0], 1e-4 * 30);
    }

    [Fact]
    public void OnlyTheFittedColumnsChangeAndNaNStaysNaN()
    {
        var series = new TimeSeries(["a", "b"], [[1.0, double.NaN, 3.0], [5.0, 6, 7]], [new DateTime(2020, 1, 1), new DateTime(2020, 1, 2), new DateTime(2020, 1, 3)]);
        var normalizer = Normalizer.Fit(series, columns: ["a"]);
        Assert.Equal(2.0, normalizer.Offset[0]); // mean of 1 and 3; the NaN is ignored
        var scaled = normalizer.Transform(series);
        Assert.True(double.IsNaN(scaled[1, "a"]));
        Assert.Equal([5.0, 6, 7], scaled.Column("b"));
        Assert.Equal(series.Dates, scaled.Dates);
        Assert.Throws<ArgumentException>(() => normalizer.Transform("b", 1.0));
    }

    [Fact]
    public void JsonRoundTripIsExact()
    {
        var series = new TimeSeries(["x", "y"], [[0.1, 0.7, 1.3], [1e-7, 3, 1e9]]);
        var normalizer = Normalizer.Fit(series);
        var copy = Normalizer.FromJson(normalizer.ToJson());
        Assert.Equal(normalizer.Kind, copy.Kind);
        Assert.Equal(normalizer.Columns, copy.Columns);
        Assert.Equal(normalizer.Offset, copy.Offset);
        Assert.Equal(normalizer.Scale, copy.Scale);
        Assert.Throws<DataException>(() => Normalizer.FromJson("{\"kind\":\"Standard\"}"));
    }
}
