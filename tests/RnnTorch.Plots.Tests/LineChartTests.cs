using System.Globalization;

namespace RnnTorch.Plots.Tests;

public sealed class LineChartTests
{
    [Fact]
    public void Svg_is_well_formed_with_one_path_per_series_named_and_coloured_differently()
    {
        var chart = new LineChart("loss") { XLabel = "epoch", YLabel = "loss" }
            .Add("train", [3, 2, 1.5, 1.2])
            .Add("valid", [0, 1, 2, 3], [3.2, 2.4, 2.0, 1.9]);
        var root = Svg.Parse(chart.ToSvg());
        var train = Svg.Series(root, "train");
        var valid = Svg.Series(root, "valid");
        Assert.NotEqual((string?)train.Attribute("stroke"), (string?)valid.Attribute("stroke"));
        var legend = Svg.ByClass(root, "legend-item").Select(e => (string?)e.Attribute("data-name")).ToList();
        Assert.Equal(["train", "valid"], legend);
        Assert.Contains("epoch", Svg.Texts(root, "x-label"));
        Assert.Equal(4, Svg.Runs(train).Single().Count);
    }

    [Fact]
    public void Text_is_escaped_everywhere()
    {
        const string nasty = "a<b>&\"c\"'d'";
        var chart = new LineChart(nasty) { XLabel = nasty, YLabel = nasty }.Add(nasty, [1, 2, 3]);
        string svg = chart.ToSvg();
        var root = Svg.Parse(svg);
        Assert.Equal(nasty, root.Element(Svg.Ns + "title")!.Value);
        Assert.Equal(nasty, (string?)Svg.Series(root, nasty).Attribute("data-name"));
        Assert.Contains(nasty, Svg.Texts(root, "x-label"));
        Assert.Contains(nasty, Svg.Texts(root, "legend-text"));
        Assert.DoesNotContain("a<b>", svg);
    }

    [Fact]
    public void Control_characters_do_not_break_the_xml()
    {
        var root = Svg.Parse(new LineChart("bell\u0007 and nul\0").Add("s\u0001", [1, 2]).ToSvg());
        Assert.Contains('\uFFFD', root.Element(Svg.Ns + "title")!.Value);
    }

    [Fact]
    public void Points_land_where_the_axis_ticks_say()
    {
        double[] x = [0.5, 1.7, 3.2, 8.9];
        double[] y = [-1.3, 0.25, 2.75, 4.1];
        var root = Svg.Parse(new LineChart("map").Add("s", x, y).ToSvg());
        var points = Svg.Runs(Svg.Series(root, "s")).Single();
        var xTicks = Svg.Ticks(root, "x-axis");
        var yTicks = Svg.Ticks(root, "y-axis");
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(Interpolate(xTicks, x[i]), points[i].X, 0.02);
            Assert.Equal(Interpolate(yTicks, y[i]), points[i].Y, 0.02);
        }
        // The plot area's edges are the first and last ticks.
        var area = Assert.Single(Svg.ByClass(root, "plot-area"));
        Assert.Equal(Svg.D(area, "x"), xTicks[0].Pixel, 0.02);
        Assert.Equal(Svg.D(area, "x") + Svg.D(area, "width"), xTicks[^1].Pixel, 0.02);
        Assert.Equal(Svg.D(area, "y"), yTicks[^1].Pixel, 0.02);
    }

    /// <summary>The pixel of <paramref name="value"/> from the straight line through the first and last ticks.</summary>
    private static double Interpolate(List<(double Value, double Pixel)> ticks, double value)
    {
        var (v0, p0) = ticks[0];
        var (v1, p1) = ticks[^1];
        return p0 + (value - v0) * (p1 - p0) / (v1 - v0);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-3.7, 12.2)]
    [InlineData(0.00123, 0.00457)]
    [InlineData(1e6, 3.3e7)]
    [InlineData(-0.5, -0.01)]
    [InlineData(99.1, 100.9)]
    [InlineData(7, 7)]
    [InlineData(0, 0)]
    [InlineData(-2, -2)]
    public void Ticks_are_one_two_five_steps_covering_the_data(double lo, double hi)
    {
        var root = Svg.Parse(new LineChart("t").Add("s", [lo, (lo + hi) / 2, hi]).ToSvg());
        AssertNiceCover(Svg.Ticks(root, "y-axis").Select(t => t.Value).ToList(), lo, hi);
        AssertNiceCover(Svg.Ticks(root, "x-axis").Select(t => t.Value).ToList(), 0, 2);
    }

    [Fact]
    public void Ticks_are_nice_for_random_ranges()
    {
        var rng = new Random(1234);
        for (int k = 0; k < 200; k++)
        {
            double scale = Math.Pow(10, rng.Next(-6, 9));
            double a = (rng.NextDouble() - 0.5) * scale, b = a + rng.NextDouble() * scale;
            var root = Svg.Parse(new LineChart("t").Add("s", [a, b]).ToSvg());
            AssertNiceCover(Svg.Ticks(root, "y-axis").Select(t => t.Value).ToList(), a, b);
        }
    }

    internal static void AssertNiceCover(List<double> ticks, double lo, double hi)
    {
        Assert.True(ticks.Count >= 2, "at least two ticks");
        double step = ticks[1] - ticks[0];
        Assert.True(step > 0);
        for (int i = 1; i < ticks.Count; i++) Assert.Equal(step, ticks[i] - ticks[i - 1], step * 1e-6);
        double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
        Assert.True(new[] { 1.0, 2.0, 5.0 }.Any(m => Math.Abs(mantissa - m) < 1e-6), $"step {step} is not 1, 2 or 5 times a power of ten");
        double slack = step * 1e-9;
        Assert.True(ticks[0] <= lo + slack, $"first tick {ticks[0]} above the minimum {lo}");
        Assert.True(ticks[^1] >= hi - slack, $"last tick {ticks[^1]} below the maximum {hi}");
        if (hi > lo)
        {
            Assert.True(ticks[0] > lo - step - slack && ticks[^1] < hi + step + slack, "ticks overshoot by more than one step");
        }
        else
        {
            Assert.True(ticks[0] < lo && ticks[^1] > hi, "a constant value sits strictly inside its axis");
        }
        foreach (double t in ticks)
        {
            // multiples of the step
            double q = t / step;
            Assert.True(Math.Abs(q - Math.Round(q)) < 1e-6, $"tick {t} is not a multiple of {step}");
        }
    }

    [Theory]
    [InlineData(-1e308, 1e308)]
    [InlineData(1e-300, 3e-300)]
    [InlineData(1e15, 1e15 + 8)]
    [InlineData(double.MaxValue, double.MaxValue)]
    public void Extreme_values_render_without_throwing(double a, double b)
    {
        var root = Svg.Parse(new LineChart("extreme").Add("s", [a, b]).ToSvg());
        var ticks = Svg.Ticks(root, "y-axis");
        Assert.InRange(ticks.Count, 2, 30);
        Assert.All(Svg.Runs(Svg.Series(root, "s")).Single(), p => Assert.True(double.IsFinite(p.Y)));
    }

    [Fact]
    public void Constant_series_get_an_axis_around_the_value()
    {
        var root = Svg.Parse(new LineChart("c").Add("s", [5, 5, 5, 5]).ToSvg());
        var ticks = Svg.Ticks(root, "y-axis");
        Assert.True(ticks[0].Value < 5 && ticks[^1].Value > 5);
        var points = Svg.Runs(Svg.Series(root, "s")).Single();
        Assert.All(points, p => Assert.True(double.IsFinite(p.Y)));
        Assert.Single(points.Select(p => p.Y).Distinct());
    }

    [Fact]
    public void NaN_and_infinite_points_leave_gaps()
    {
        var root = Svg.Parse(new LineChart("g").Add("s", [1, 2, double.NaN, 4, 5, double.PositiveInfinity, 7]).ToSvg());
        var runs = Svg.Runs(Svg.Series(root, "s"));
        Assert.Equal(3, runs.Count);
        Assert.Equal(2, runs[0].Count);
        Assert.Equal(2, runs[1].Count);
        Assert.True(runs[2].Count >= 1); // a lone point is drawn as a dot
        Assert.Single(runs[2].Distinct());
        Assert.True(runs[1][0].X > runs[0][1].X);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void All_NaN_or_empty_gives_a_no_data_note(bool empty)
    {
        var chart = new LineChart("nothing").Add("s", empty ? [] : [double.NaN, double.NaN]);
        var root = Svg.Parse(chart.ToSvg());
        Assert.Contains("no data", Svg.Texts(root, "no-data"));
        Assert.Empty(Svg.Runs(Svg.Series(root, "s")));
        Assert.Contains("no data", Assert.Single(Svg.Texts(root, "legend-text")));
        Assert.Contains("no data", Svg.Texts(Svg.Parse(new LineChart("none").ToSvg()), "no-data"));
    }

    [Fact]
    public void One_empty_series_beside_data_is_marked_in_the_legend_only()
    {
        var root = Svg.Parse(new LineChart("mixed").Add("a", [1, 2]).Add("b", [double.NaN]).ToSvg());
        Assert.Empty(Svg.Texts(root, "no-data"));
        Assert.Equal(["a", "b (no data)"], Svg.Texts(root, "legend-text"));
    }

    [Fact]
    public void Log_axis_spaces_decades_evenly_and_drops_non_positive_values_with_a_note()
    {
        double[] y = [1000, 100, 10, 1, 0.1, 0, -5, 0.01];
        var root = Svg.Parse(new LineChart("log") { LogY = true }.Add("loss", y).ToSvg());
        var runs = Svg.Runs(Svg.Series(root, "loss"));
        Assert.Equal(2, runs.Count);
        var first = runs[0];
        Assert.Equal(5, first.Count);
        double gap = first[1].Y - first[0].Y;
        Assert.True(gap > 0);
        for (int i = 1; i < first.Count; i++) Assert.Equal(gap, first[i].Y - first[i - 1].Y, 0.05);
        Assert.Equal(first[^1].Y + gap, runs[1][0].Y, 0.05);
        Assert.Contains("2 non-positive values omitted (log scale)", Svg.Texts(root, "note"));
        var axis = Assert.Single(Svg.ByClass(root, "y-axis"));
        Assert.Equal("true", (string?)axis.Attribute("data-log"));
        var ticks = Svg.Ticks(root, "y-axis");
        Assert.True(ticks[0].Value <= 0.01 * (1 + 1e-9) && ticks[^1].Value >= 1000 * (1 - 1e-9));
        // Tick pixels follow log10 of their values: recompute from the two end ticks.
        foreach (var (value, pixel) in ticks)
        {
            double expected = ticks[0].Pixel + (Math.Log10(value) - Math.Log10(ticks[0].Value)) /
                (Math.Log10(ticks[^1].Value) - Math.Log10(ticks[0].Value)) * (ticks[^1].Pixel - ticks[0].Pixel);
            Assert.Equal(expected, pixel, 0.02);
        }
    }

    [Fact]
    public void Log_axis_within_one_decade_has_several_ticks()
    {
        var root = Svg.Parse(new LineChart("log") { LogY = true }.Add("loss", [0.9, 0.5, 0.3]).ToSvg());
        var ticks = Svg.Ticks(root, "y-axis");
        Assert.True(ticks.Count >= 3);
        Assert.True(ticks[0].Value <= 0.3 && ticks[^1].Value >= 0.9);
    }

    [Fact]
    public void Long_series_are_downsampled_keeping_extremes()
    {
        int n = 200_000;
        var y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.Sin(i * 0.001);
        y[123_457] = 9;
        y[77_777] = -9;
        var root = Svg.Parse(new LineChart("big").Add("s", y).ToSvg());
        var points = Svg.Runs(Svg.Series(root, "s")).Single();
        Assert.InRange(points.Count, 100, LineChart.DownsampleThreshold + 2);
        var yTicks = Svg.Ticks(root, "y-axis");
        double top = yTicks[0].Pixel + (9 - yTicks[0].Value) * (yTicks[^1].Pixel - yTicks[0].Pixel) / (yTicks[^1].Value - yTicks[0].Value);
        double bottom = yTicks[0].Pixel + (-9 - yTicks[0].Value) * (yTicks[^1].Pixel - yTicks[0].Pixel) / (yTicks[^1].Value - yTicks[0].Value);
        Assert.Equal(top, points.Min(p => p.Y), 0.02);
        Assert.Equal(bottom, points.Max(p => p.Y), 0.02);
        for (int i = 1; i < points.Count; i++) Assert.True(points[i].X >= points[i - 1].X, "downsampling keeps the order");
    }

    [Fact]
    public void Many_series_stay_distinguishable()
    {
        var chart = new LineChart("many");
        for (int s = 0; s < 12; s++) chart.Add("s" + s.ToString(CultureInfo.InvariantCulture), [s, s + 1]);
        var root = Svg.Parse(chart.ToSvg());
        var styles = Svg.ByClass(root, "series")
            .Select(e => ((string?)e.Attribute("stroke"), (string?)e.Attribute("stroke-dasharray") ?? "")).ToList();
        Assert.Equal(12, styles.Distinct().Count());
    }

    [Fact]
    public void Bad_arguments_throw_naming_the_value()
    {
        var chart = new LineChart("bad");
        var e = Assert.Throws<ArgumentException>(() => chart.Add("s", [1, 2, 3], [1, 2]));
        Assert.Contains("3", e.Message);
        Assert.Contains("2", e.Message);
        Assert.Throws<ArgumentNullException>(() => chart.Add(null!, [1.0]));
        Assert.Throws<ArgumentNullException>(() => chart.Add("s", null!));
        Assert.Throws<ArgumentNullException>(() => new LineChart(null!));
        var size = Assert.Throws<ArgumentOutOfRangeException>(() => new LineChart("t") { Width = -5 });
        Assert.Contains("-5", size.Message);
        Assert.Equal("Width", size.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineChart("t") { Height = 0 });
    }
}
