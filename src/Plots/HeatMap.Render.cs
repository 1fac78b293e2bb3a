using System.Globalization;

namespace RnnTorch.Plots;

public sealed partial class HeatMap
{
    private const int MaxTooltipCells = 10000;

    /// <summary>The colour a cell holding <paramref name="value"/> gets in this map (its scale fitted to the finite values).</summary>
    public string ColorOf(double value)
    {
        var (lo, hi) = Range();
        return ColorAt(value, lo, hi);
    }

    /// <summary>Renders the heat map as a standalone, well-formed <c>&lt;svg&gt;</c> element.</summary>
    public string ToSvg()
    {
        int rows = _values.GetLength(0), cols = _values.GetLength(1);
        var svg = new SvgBuilder(Width, Height, Title, "chart heat-map");
        var rowText = Enumerable.Range(0, rows).Select(RowLabel).ToArray();
        double left = Math.Min(Width / 4.0, 14 + (YLabel.Length > 0 ? 16 : 0) + (rows == 0 ? 10 : rowText.Max(t => t.Length)) * 6.2 + 8);
        var layout = ChartLayout.WithMargins(Width, Height, left, Title.Length > 0 ? 34 : 12, 76, XLabel.Length > 0 ? 42 : 26);
        layout.DrawTitles(svg, Title, XLabel, YLabel);
        var (lo, hi) = Range();
        if (rows == 0 || cols == 0 || double.IsNaN(lo))
        {
            svg.Rect(layout.Left, layout.Top, layout.PlotWidth, layout.PlotHeight, "#ffffff", "plot-area", stroke: "#cccccc");
            svg.Text(layout.Left + layout.PlotWidth / 2, layout.Top + layout.PlotHeight / 2, "no data", "middle", "no-data", 14, fill: "#777777");
            return svg.Finish();
        }
        double cw = layout.PlotWidth / cols, ch = layout.PlotHeight / rows;
        svg.OpenGroup("cells", ("shape-rendering", "crispEdges"));
        bool tooltips = (long)rows * cols <= MaxTooltipCells;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                double v = _values[i, j];
                string? tip = tooltips ? $"{rowText[i]}, {ColumnLabel(j)}: {NumberFormat.Compact(v)}" : null;
                svg.Rect(layout.Left + j * cw, layout.Top + i * ch, cw, ch, ColorAt(v, lo, hi), "cell", tip, null,
                    ("data-row", Int(i)), ("data-col", Int(j)), ("data-value", Xml.Value(v)));
            }
        }
        svg.CloseGroup();
        DrawLabels(svg, layout, rowText, cw, ch);
        DrawColorBar(svg, layout, lo, hi);
        return svg.Finish();
    }

    private void DrawLabels(SvgBuilder svg, ChartLayout layout, string[] rowText, double cw, double ch)
    {
        int rows = rowText.Length, cols = _values.GetLength(1);
        svg.OpenGroup("row-labels");
        for (int i = 0; i < rows; i += LabelStride(ch, 12))
        {
            svg.Text(layout.Left - 4, layout.Top + (i + 0.5) * ch + 4, rowText[i], "end", "tick-label");
        }
        svg.CloseGroup();
        double widest = Enumerable.Range(0, cols).Max(j => ColumnLabel(j).Length) * 6.2 + 6;
        svg.OpenGroup("column-labels");
        for (int j = 0; j < cols; j += LabelStride(cw, widest))
        {
            svg.Text(layout.Left + (j + 0.5) * cw, layout.Bottom + 14, ColumnLabel(j), "middle", "tick-label");
        }
        svg.CloseGroup();
    }

    private void DrawColorBar(SvgBuilder svg, ChartLayout layout, double lo, double hi)
    {
        const int steps = 48;
        double x = layout.Right + 14, h = layout.PlotHeight / steps;
        svg.OpenGroup("color-bar", ("data-min", Xml.Value(lo)), ("data-max", Xml.Value(hi)), ("shape-rendering", "crispEdges"));
        for (int k = 0; k < steps; k++)
        {
            double v = hi - (hi - lo) * (k + 0.5) / steps;
            svg.Rect(x, layout.Top + k * h, 12, h + 0.5, ColorAt(v, lo, hi));
        }
        svg.Rect(x, layout.Top, 12, layout.PlotHeight, "none", stroke: "#888888");
        svg.Text(x + 16, layout.Top + 8, NumberFormat.Compact(hi), "start", "tick-label");
        svg.Text(x + 16, layout.Bottom, NumberFormat.Compact(lo), "start", "tick-label");
        if (Diverging) svg.Text(x + 16, layout.Top + layout.PlotHeight / 2 + 4, "0", "start", "tick-label");
        svg.CloseGroup();
    }

    /// <summary>The colour-scale domain: [min, max] of the finite values, or [-m, m] with m = max |value| when diverging; NaN when none.</summary>
    private (double Lo, double Hi) Range()
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in _values)
        {
            if (!double.IsFinite(v)) continue;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        if (lo > hi) return (double.NaN, double.NaN);
        if (!Diverging) return (lo, hi);
        double m = Math.Max(Math.Abs(lo), Math.Abs(hi));
        return (-m, m);
    }

    private string ColorAt(double v, double lo, double hi)
    {
        if (double.IsNaN(v) || double.IsNaN(lo)) return ColorScale.Missing;
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        if (double.IsPositiveInfinity(v)) t = 1;
        if (double.IsNegativeInfinity(v)) t = 0;
        return ColorScale.At(Diverging ? ColorScale.Diverging : ColorScale.Sequential, t);
    }

    private string RowLabel(int i) => RowLabels is null ? Int(i) : RowLabels[i];

    private string ColumnLabel(int j) => ColumnLabels is null ? Int(j) : ColumnLabels[j];

    /// <summary>Every how many cells a label fits: 1, 2, 5, 10, 20, ...</summary>
    private static int LabelStride(double cellSize, double labelSize)
    {
        double need = labelSize / Math.Max(cellSize, 1e-9);
        if (need <= 1) return 1;
        int stride = (int)Math.Ceiling(NiceTicks.Step(need, 1) - 1e-9);
        return stride < need ? (int)Math.Ceiling(need) : Math.Max(1, stride);
    }

    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);
}
