using System.Globalization;
using System.Text;

namespace RnnTorch.Plots;

public sealed partial class LineChart
{
    /// <summary>Renders the chart as a standalone, well-formed <c>&lt;svg&gt;</c> element.</summary>
    public string ToSvg()
    {
        var svg = new SvgBuilder(Width, Height, Title, "chart line-chart");
        int dropped = 0;
        var points = new List<(double X, double Y)[]>[_series.Count];
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity;
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        bool integerX = true;
        for (int s = 0; s < _series.Count; s++)
        {
            points[s] = Segments(_series[s], LogY, ref dropped);
            foreach (var segment in points[s])
            {
                foreach (var (x, y) in segment)
                {
                    xMin = Math.Min(xMin, x); xMax = Math.Max(xMax, x);
                    yMin = Math.Min(yMin, y); yMax = Math.Max(yMax, y);
                    integerX &= x == Math.Round(x);
                }
            }
        }
        bool noData = double.IsInfinity(xMin);
        var layout = ChartLayout.ForLegend(Width, Height, _series.Select(LegendText), XLabel.Length > 0, Title.Length > 0);
        var xAxis = noData ? Axis.Linear(0, 1) : Axis.Linear(xMin, xMax, Math.Max(2, (int)(layout.PlotWidth / 70)), integerOnly: integerX);
        var yAxis = noData ? (LogY ? Axis.Log10(1, 10) : Axis.Linear(0, 1))
            : LogY ? Axis.Log10(yMin, yMax) : Axis.Linear(yMin, yMax, Math.Max(2, (int)(layout.PlotHeight / 45)));

        layout.DrawFrame(svg, Title, XLabel, YLabel, xAxis, yAxis);
        svg.OpenGroup("series-group");
        for (int s = 0; s < _series.Count; s++)
        {
            svg.Raw(SeriesPath(_series[s].Name, s, points[s], xAxis, yAxis, layout));
        }
        svg.CloseGroup();
        if (noData)
        {
            svg.Text(layout.Left + layout.PlotWidth / 2, layout.Top + layout.PlotHeight / 2, "no data", "middle", "no-data", 14, fill: "#777777");
        }
        if (dropped > 0)
        {
            svg.Text(layout.Right - 4, layout.Top + 12,
                string.Create(CultureInfo.InvariantCulture, $"{dropped} non-positive value{(dropped == 1 ? "" : "s")} omitted (log scale)"),
                "end", "note", 10, fill: "#777777");
        }
        layout.DrawLegend(svg, _series.Select((s, i) => (LegendText(s), Palette.Color(i), Palette.Dash(i), s.Name)).ToArray());
        return svg.Finish();
    }

    private static string LegendText(LineSeries series)
    {
        bool any = false;
        for (int i = 0; i < series.Y.Length && !any; i++) any = double.IsFinite(series.Y[i]) && double.IsFinite(series.XAt(i));
        return any ? series.Name : series.Name + " (no data)";
    }

    /// <summary>Splits a series at non-finite points (and non-positive y on a log axis) into runs of drawable points.</summary>
    private static List<(double X, double Y)[]> Segments(LineSeries series, bool logY, ref int dropped)
    {
        var segments = new List<(double X, double Y)[]>();
        var current = new List<(double X, double Y)>();
        for (int i = 0; i < series.Y.Length; i++)
        {
            double x = series.XAt(i), y = series.Y[i];
            bool ok = double.IsFinite(x) && double.IsFinite(y);
            if (ok && logY && y <= 0)
            {
                dropped++;
                ok = false;
            }
            if (ok)
            {
                current.Add((x, y));
            }
            else if (current.Count > 0)
            {
                segments.Add(current.ToArray());
                current.Clear();
            }
        }
        if (current.Count > 0) segments.Add(current.ToArray());
        int total = segments.Sum(s => s.Length);
        if (total > DownsampleThreshold)
        {
            int bucket = (int)Math.Ceiling(total / (DownsampleThreshold / 2.0));
            for (int k = 0; k < segments.Count; k++) segments[k] = Downsample.MinMax(segments[k], bucket);
        }
        return segments;
    }

    private static string SeriesPath(string name, int index, List<(double X, double Y)[]> segments, Axis xAxis, Axis yAxis, ChartLayout layout)
    {
        var d = new StringBuilder();
        foreach (var segment in segments)
        {
            for (int i = 0; i < segment.Length; i++)
            {
                double px = xAxis.Map(segment[i].X, layout.Left, layout.Right);
                double py = yAxis.Map(yAxis.ToDomain(segment[i].Y), layout.Bottom, layout.Top);
                d.Append(i == 0 ? (d.Length == 0 ? "M" : " M") : " L").Append(Xml.Px(px)).Append(' ').Append(Xml.Px(py));
            }
            if (segment.Length == 1)
            {
                // A lone point between gaps: a zero-length segment that the round cap draws as a dot.
                double px = xAxis.Map(segment[0].X, layout.Left, layout.Right);
                double py = yAxis.Map(yAxis.ToDomain(segment[0].Y), layout.Bottom, layout.Top);
                d.Append(" L").Append(Xml.Px(px)).Append(' ').Append(Xml.Px(py));
            }
        }
        var sb = new StringBuilder();
        sb.Append("<path class=\"series\" data-name=\"").Append(Xml.Escape(name)).Append("\" d=\"").Append(d)
          .Append("\" fill=\"none\" stroke=\"").Append(Palette.Color(index))
          .Append("\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        string dash = Palette.Dash(index);
        if (dash.Length > 0) sb.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        sb.Append("><title>").Append(Xml.Escape(name)).Append("</title></path>");
        return sb.ToString();
    }
}
