namespace RnnTorch.Plots;

public sealed partial class BarChart
{
    /// <summary>Renders the chart as a standalone, well-formed <c>&lt;svg&gt;</c> element.</summary>
    public string ToSvg()
    {
        var svg = new SvgBuilder(Width, Height, Title, "chart bar-chart");
        var categories = _bars.Select(b => b.Category).Distinct().ToArray();
        var series = _bars.Select(b => b.Series).Distinct().ToArray();
        bool legend = series.Length > 1 || (series.Length == 1 && series[0].Length > 0);
        var layout = ChartLayout.ForLegend(Width, Height, legend ? series : [], XLabel.Length > 0, Title.Length > 0);
        var finite = _bars.Where(b => double.IsFinite(b.Value)).Select(b => b.Value).ToArray();
        bool noData = finite.Length == 0;
        var yAxis = noData ? Axis.Linear(0, 1) : Axis.Linear(finite.Min(), finite.Max(), Math.Max(2, (int)(layout.PlotHeight / 45)), includeZero: true);
        layout.DrawFrame(svg, Title, XLabel, YLabel, null, yAxis);
        if (noData)
        {
            svg.Text(layout.Left + layout.PlotWidth / 2, layout.Top + layout.PlotHeight / 2, "no data", "middle", "no-data", 14, fill: "#777777");
        }
        double group = categories.Length == 0 ? 0 : layout.PlotWidth / categories.Length;
        double barWidth = series.Length == 0 ? 0 : group * 0.8 / series.Length;
        double zero = yAxis.Map(0, layout.Bottom, layout.Top);
        svg.OpenGroup("bars");
        foreach (var (category, name, value) in _bars)
        {
            int c = Array.IndexOf(categories, category), s = Array.IndexOf(series, name);
            double x = layout.Left + c * group + group * 0.1 + s * barWidth;
            string label = NumberFormat.Compact(value);
            if (!double.IsFinite(value))
            {
                svg.Text(x + barWidth / 2, zero - 4, label, "middle", "bar-missing", 9, fill: "#777777");
                continue;
            }
            double y = yAxis.Map(value, layout.Bottom, layout.Top);
            svg.Rect(x + 0.5, Math.Min(y, zero), Math.Max(0, barWidth - 1), Math.Abs(zero - y), Palette.Color(s), "bar",
                $"{category}{(name.Length > 0 ? " / " + name : "")}: {label}", null,
                ("data-category", category), ("data-series", name), ("data-value", Xml.Value(value)));
            if (barWidth >= 18) svg.Text(x + barWidth / 2, value >= 0 ? y - 3 : y + 11, label, "middle", "bar-value", 9);
        }
        svg.CloseGroup();
        svg.Line(layout.Left, zero, layout.Right, zero, "#444444", 1, "zero-line");
        svg.OpenGroup("categories");
        double widest = categories.Length == 0 ? 0 : categories.Max(c => c.Length) * 6.2 + 6;
        int stride = group <= 0 ? 1 : Math.Max(1, (int)Math.Ceiling(widest / group));
        for (int c = 0; c < categories.Length; c += stride)
        {
            svg.Text(layout.Left + (c + 0.5) * group, layout.Bottom + 15, categories[c], "middle", "tick-label");
        }
        svg.CloseGroup();
        if (legend) layout.DrawLegend(svg, series.Select((s, i) => (s, Palette.Color(i), "", s)).ToArray());
        return svg.Finish();
    }
}
