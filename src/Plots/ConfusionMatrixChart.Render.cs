using System.Globalization;

namespace RnnTorch.Plots;

public sealed partial class ConfusionMatrixChart
{
    /// <summary>The share of row <paramref name="actual"/> that was predicted as <paramref name="predicted"/> (0 for an empty row).</summary>
    public double RowShare(int actual, int predicted)
    {
        long total = 0;
        for (int j = 0; j < _labels.Length; j++) total += _counts[actual, j];
        return total == 0 ? 0 : (double)_counts[actual, predicted] / total;
    }

    /// <summary>Renders the chart as a standalone, well-formed <c>&lt;svg&gt;</c> element.</summary>
    public string ToSvg()
    {
        int n = _labels.Length;
        var svg = new SvgBuilder(Width, Height, Title, "chart confusion-matrix");
        double labelWidth = Math.Min(Width / 4.0, (n == 0 ? 4 : _labels.Max(l => l.Length)) * 6.2 + 8);
        double top = Title.Length > 0 ? 34 : 12;
        var layout = ChartLayout.WithMargins(Width, Height, 22 + labelWidth, top, 12, 40);
        double cell = n == 0 ? 0 : Math.Min(layout.PlotWidth, layout.PlotHeight) / n;
        double side = cell * n;
        if (Title.Length > 0) svg.Text(Width / 2.0, 20, Title, "middle", "chart-title", 14, weight: "bold");
        svg.Text(12, layout.Top + side / 2, "actual", "middle", "y-label", 12, rotate: -90);
        svg.Text(layout.Left + side / 2, layout.Top + side + 34, "predicted", "middle", "x-label", 12);
        if (n == 0)
        {
            svg.Text(layout.Left + layout.PlotWidth / 2, layout.Top + layout.PlotHeight / 2, "no data", "middle", "no-data", 14, fill: "#777777");
            return svg.Finish();
        }
        double fontSize = Math.Clamp(cell * 0.3, 7, 14);
        svg.OpenGroup("cells");
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double share = RowShare(i, j);
                string fill = ColorScale.At(ColorScale.Share, share);
                double x = layout.Left + j * cell, y = layout.Top + i * cell;
                string count = _counts[i, j].ToString(CultureInfo.InvariantCulture);
                string percent = (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
                svg.OpenGroup("cell", ("data-actual", _labels[i]), ("data-predicted", _labels[j]), ("data-count", count),
                    ("data-share", Xml.Value(share)));
                svg.Rect(x, y, cell, cell, fill, null, $"actual {_labels[i]}, predicted {_labels[j]}: {count} ({percent} of the row)", "#ffffff");
                if (cell >= 14)
                {
                    bool twoLines = cell >= 3.2 * fontSize;
                    double cy = y + cell / 2 + fontSize * 0.35 - (twoLines ? fontSize * 0.5 : 0);
                    svg.Text(x + cell / 2, cy, count, "middle", "count", fontSize, fill: ColorScale.TextOn(fill), weight: i == j ? "bold" : "normal");
                    if (twoLines) svg.Text(x + cell / 2, cy + fontSize, percent, "middle", "share", fontSize * 0.75, fill: ColorScale.TextOn(fill));
                }
                svg.CloseGroup();
            }
        }
        svg.CloseGroup();
        int stride = Math.Max(1, (int)Math.Ceiling(12 / cell));
        for (int i = 0; i < n; i += stride)
        {
            svg.Text(layout.Left - 4, layout.Top + (i + 0.5) * cell + 4, _labels[i], "end", "tick-label");
        }
        double widest = _labels.Max(l => l.Length) * 6.2 + 6;
        int columnStride = Math.Max(1, (int)Math.Ceiling(widest / cell));
        for (int j = 0; j < n; j += columnStride)
        {
            svg.Text(layout.Left + (j + 0.5) * cell, layout.Top + side + 15, _labels[j], "middle", "tick-label");
        }
        return svg.Finish();
    }
}
