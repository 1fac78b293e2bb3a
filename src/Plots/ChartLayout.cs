namespace RnnTorch.Plots;

/// <summary>Where the plot area, the title, the axis labels and the legend go, and how they are drawn.</summary>
internal sealed class ChartLayout
{
    private const double CharWidth = 6.2;

    private ChartLayout(int width, int height, double left, double top, double right, double bottom, double legendX)
    {
        Width = width;
        Height = height;
        Left = left;
        Top = top;
        Right = Math.Max(left + 10, right);
        Bottom = Math.Max(top + 10, bottom);
        LegendX = legendX;
    }

    /// <summary>Chart width.</summary>
    public int Width { get; }

    /// <summary>Chart height.</summary>
    public int Height { get; }

    /// <summary>Plot area left edge (x axis minimum).</summary>
    public double Left { get; }

    /// <summary>Plot area top edge (y axis maximum).</summary>
    public double Top { get; }

    /// <summary>Plot area right edge (x axis maximum).</summary>
    public double Right { get; }

    /// <summary>Plot area bottom edge (y axis minimum).</summary>
    public double Bottom { get; }

    /// <summary>Where the legend column starts.</summary>
    public double LegendX { get; }

    /// <summary>Plot area width.</summary>
    public double PlotWidth => Right - Left;

    /// <summary>Plot area height.</summary>
    public double PlotHeight => Bottom - Top;

    /// <summary>A layout with a legend column on the right wide enough for <paramref name="legend"/> (at most a third of the width).</summary>
    public static ChartLayout ForLegend(int width, int height, IEnumerable<string> legend, bool hasXLabel, bool hasTitle)
    {
        var names = legend.ToArray();
        double legendWidth = names.Length == 0 ? 0 : Math.Min(width / 3.0, names.Max(n => n.Length) * CharWidth + 34);
        double left = 62, top = hasTitle ? 34 : 14;
        double right = width - 14 - legendWidth;
        double bottom = height - (hasXLabel ? 42 : 26);
        return new ChartLayout(width, height, left, top, right, bottom, right + 12);
    }

    /// <summary>A layout with the given margins and no legend column.</summary>
    public static ChartLayout WithMargins(int width, int height, double left, double top, double right, double bottom) =>
        new(width, height, left, top, width - right, height - bottom, width - right);

    /// <summary>Draws the title, the axis labels, grid lines, ticks and their labels, and the plot-area frame.</summary>
    public void DrawFrame(SvgBuilder svg, string title, string xLabel, string yLabel, Axis? xAxis, Axis? yAxis)
    {
        DrawTitles(svg, title, xLabel, yLabel);
        svg.Rect(Left, Top, PlotWidth, PlotHeight, "#ffffff", "plot-area", stroke: null);
        if (yAxis is not null)
        {
            svg.OpenGroup("axis y-axis", ("data-min", Xml.Value(yAxis.Min)), ("data-max", Xml.Value(yAxis.Max)),
                ("data-log", yAxis.Log ? "true" : "false"));
            foreach (double t in yAxis.Ticks)
            {
                double y = yAxis.Map(t, Bottom, Top);
                svg.OpenGroup("tick", ("data-value", Xml.Value(yAxis.TickValue(t))));
                svg.Line(Left, y, Right, y, "#e4e4e4", 1, "grid");
                svg.Line(Left - 4, y, Left, y, "#444444", 1);
                svg.Text(Left - 6, y + 4, yAxis.Label(t), "end", "tick-label");
                svg.CloseGroup();
            }
            svg.CloseGroup();
        }
        if (xAxis is not null)
        {
            svg.OpenGroup("axis x-axis", ("data-min", Xml.Value(xAxis.Min)), ("data-max", Xml.Value(xAxis.Max)),
                ("data-log", xAxis.Log ? "true" : "false"));
            foreach (double t in xAxis.Ticks)
            {
                double x = xAxis.Map(t, Left, Right);
                svg.OpenGroup("tick", ("data-value", Xml.Value(xAxis.TickValue(t))));
                svg.Line(x, Top, x, Bottom, "#e4e4e4", 1, "grid");
                svg.Line(x, Bottom, x, Bottom + 4, "#444444", 1);
                svg.Text(x, Bottom + 15, xAxis.Label(t), "middle", "tick-label");
                svg.CloseGroup();
            }
            svg.CloseGroup();
        }
        svg.Line(Left, Bottom, Right, Bottom, "#444444", 1, "axis-line");
        svg.Line(Left, Top, Left, Bottom, "#444444", 1, "axis-line");
    }

    /// <summary>Draws the title and the axis labels only.</summary>
    public void DrawTitles(SvgBuilder svg, string title, string xLabel, string yLabel)
    {
        if (title.Length > 0) svg.Text(Width / 2.0, 20, title, "middle", "chart-title", 14, weight: "bold");
        if (xLabel.Length > 0) svg.Text(Left + PlotWidth / 2, Height - 8, xLabel, "middle", "x-label", 12);
        if (yLabel.Length > 0) svg.Text(14, Top + PlotHeight / 2, yLabel, "middle", "y-label", 12, rotate: -90);
    }

    /// <summary>Draws a legend column: a filled swatch and a line sample in the series colour and dash, then the text.</summary>
    public void DrawLegend(SvgBuilder svg, IReadOnlyList<(string Text, string Color, string Dash, string Name)> entries)
    {
        if (entries.Count == 0) return;
        svg.OpenGroup("legend");
        double y = Top + 4;
        int maxChars = (int)Math.Max(4, (Width - LegendX - 30) / CharWidth);
        foreach (var (text, color, dash, name) in entries)
        {
            if (y > Height - 8) break;
            svg.OpenGroup("legend-item", ("data-name", name));
            svg.Rect(LegendX, y, 10, 10, color, "swatch");
            svg.Line(LegendX + 12, y + 5, LegendX + 24, y + 5, color, 2, dash: dash);
            string shown = text.Length > maxChars ? text[..Math.Max(1, maxChars - 1)] + "…" : text;
            svg.Text(LegendX + 28, y + 9, shown, "start", "legend-text");
            svg.CloseGroup();
            y += 16;
        }
        svg.CloseGroup();
    }
}
