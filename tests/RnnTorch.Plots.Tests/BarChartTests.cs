namespace RnnTorch.Plots.Tests;

public sealed class BarChartTests
{
    [Fact]
    public void Bar_heights_are_proportional_to_values_from_zero()
    {
        var chart = new BarChart("ms/step") { YLabel = "ms" }
            .Add("elman", "batch 32", 2.0).Add("elman", "batch 64", 3.0)
            .Add("nn.RNN", "batch 32", 1.0).Add("nn.RNN", "batch 64", 1.5);
        var root = Svg.Parse(chart.ToSvg());
        var bars = Svg.ByClass(root, "bar").ToList();
        Assert.Equal(4, bars.Count);
        double unit = Svg.D(bars[0], "height") / 2.0;
        foreach (var bar in bars) Assert.Equal(Svg.D(bar, "data-value") * unit, Svg.D(bar, "height"), 0.05);
        // Bars stand on the zero tick.
        var zero = Assert.Single(Svg.Ticks(root, "y-axis"), t => t.Value == 0);
        foreach (var bar in bars) Assert.Equal(zero.Pixel, Svg.D(bar, "y") + Svg.D(bar, "height"), 0.02);
        Assert.NotEqual((string?)bars[0].Attribute("fill"), (string?)bars[1].Attribute("fill"));
        Assert.Equal(["batch 32", "batch 64"], Svg.Texts(root, "legend-text"));
        LineChartTests.AssertNiceCover(Svg.Ticks(root, "y-axis").Select(t => t.Value).ToList(), 0, 3);
    }

    [Fact]
    public void Negative_values_hang_below_zero_and_NaN_is_marked()
    {
        var root = Svg.Parse(new BarChart("delta").Add("a", 2).Add("b", -1).Add("c", double.NaN).ToSvg());
        var bars = Svg.ByClass(root, "bar").ToList();
        Assert.Equal(2, bars.Count);
        var zero = Assert.Single(Svg.Ticks(root, "y-axis"), t => t.Value == 0);
        Assert.Equal(zero.Pixel, Svg.D(bars[1], "y"), 0.02);
        Assert.Equal(Svg.D(bars[0], "height") / 2, Svg.D(bars[1], "height"), 0.05);
        Assert.Contains("NaN", Svg.Texts(root, "bar-missing"));
        Assert.Empty(Svg.Texts(root, "legend-text"));
    }

    [Fact]
    public void Empty_chart_says_no_data_and_escapes_categories()
    {
        Assert.Contains("no data", Svg.Texts(Svg.Parse(new BarChart("empty").ToSvg()), "no-data"));
        var root = Svg.Parse(new BarChart("x").Add("<&'\">", 1).ToSvg());
        Assert.Contains("<&'\">", Svg.Texts(root, "tick-label"));
    }

    [Fact]
    public void Repeated_pairs_replace_and_bad_arguments_throw()
    {
        var root = Svg.Parse(new BarChart("r").Add("a", 1).Add("a", 4).ToSvg());
        Assert.Equal(4, Svg.D(Assert.Single(Svg.ByClass(root, "bar")), "data-value"));
        Assert.Throws<ArgumentNullException>(() => new BarChart("b").Add(null!, 1));
        Assert.Throws<ArgumentNullException>(() => new BarChart(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BarChart("b") { Width = -640 });
    }
}
