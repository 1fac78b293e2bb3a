using System.Globalization;
using System.Xml.Linq;

namespace RnnTorch.Plots.Tests;

public sealed class HeatMapTests
{
    private static XElement Cell(XElement root, int row, int col) =>
        Assert.Single(Svg.ByClass(root, "cell"), c =>
            (string?)c.Attribute("data-row") == row.ToString(CultureInfo.InvariantCulture) &&
            (string?)c.Attribute("data-col") == col.ToString(CultureInfo.InvariantCulture));

    private static string Fill(XElement root, int row, int col) => ((string)Cell(root, row, col).Attribute("fill")!).ToUpperInvariant();

    /// <summary>Linear sRGB interpolation between two "#RRGGBB" colours, written independently of the library.</summary>
    private static string Mix(string a, string b, double t)
    {
        int Channel(string hex, int i) => int.Parse(hex.Substring(1 + 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var parts = Enumerable.Range(0, 3).Select(i =>
            (int)Math.Round(Channel(a, i) + (Channel(b, i) - Channel(a, i)) * t, MidpointRounding.AwayFromZero));
        return "#" + string.Concat(parts.Select(p => p.ToString("X2", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Diverging_map_is_white_at_zero_and_symmetric()
    {
        var values = new double[,] { { -2, 0, 1 }, { 2, -1, double.NaN } };
        var root = Svg.Parse(new HeatMap("h", values) { Diverging = true }.ToSvg());
        Assert.Equal(6, Svg.ByClass(root, "cell").Count());
        Assert.Equal("#FFFFFF", Fill(root, 0, 1));
        Assert.Equal("#2166AC", Fill(root, 0, 0));       // most negative: blue end
        Assert.Equal("#B2182B", Fill(root, 1, 0));       // most positive: red end
        Assert.Equal(Mix("#FFFFFF", "#B2182B", 0.5), Fill(root, 0, 2)); // 1 is half way to 2
        Assert.Equal(Mix("#FFFFFF", "#2166AC", 0.5), Fill(root, 1, 1));
        Assert.Equal(ColorScale.Missing, Fill(root, 1, 2));
    }

    [Fact]
    public void Diverging_scale_is_symmetric_even_when_data_is_one_sided()
    {
        var root = Svg.Parse(new HeatMap("h", new double[,] { { 0, 0.5, 1 } }) { Diverging = true }.ToSvg());
        Assert.Equal("#FFFFFF", Fill(root, 0, 0));
        Assert.Equal("#B2182B", Fill(root, 0, 2));
    }

    [Fact]
    public void Sequential_map_runs_from_min_to_max()
    {
        var values = new double[,] { { 3, 5 }, { 7, 4 } };
        var root = Svg.Parse(new HeatMap("h", values).ToSvg());
        Assert.Equal("#440154", Fill(root, 0, 0));
        Assert.Equal("#FDE725", Fill(root, 1, 0));
        // 5 is half way from 3 to 7: the middle stop of five.
        Assert.Equal("#21918C", Fill(root, 0, 1));
        // 4 is a quarter: the second stop.
        Assert.Equal("#3B528B", Fill(root, 1, 1));
    }

    [Fact]
    public void Cells_tile_the_plot_area_and_labels_are_escaped()
    {
        var values = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var map = new HeatMap("<h&>", values) { RowLabels = ["r<0>", "r&1"], ColumnLabels = ["t'0", "t\"1", "t2"], XLabel = "time", YLabel = "unit" };
        var root = Svg.Parse(map.ToSvg());
        var a = Cell(root, 0, 0);
        var b = Cell(root, 1, 2);
        double w = Svg.D(a, "width"), h = Svg.D(a, "height");
        Assert.Equal(Svg.D(a, "x") + 2 * w, Svg.D(b, "x"), 0.02);
        Assert.Equal(Svg.D(a, "y") + h, Svg.D(b, "y"), 0.02);
        var labels = Svg.Texts(root, "tick-label");
        Assert.Contains("r<0>", labels);
        Assert.Contains("t\"1", labels);
        Assert.Equal("<h&>", root.Element(Svg.Ns + "title")!.Value);
    }

    [Fact]
    public void Empty_or_all_NaN_matrix_says_no_data()
    {
        Assert.Contains("no data", Svg.Texts(Svg.Parse(new HeatMap("e", new double[0, 4]).ToSvg()), "no-data"));
        Assert.Contains("no data", Svg.Texts(Svg.Parse(new HeatMap("n", new double[,] { { double.NaN } }).ToSvg()), "no-data"));
    }

    [Fact]
    public void Large_maps_render_quickly_and_thin_their_labels()
    {
        var values = new double[64, 500];
        for (int i = 0; i < 64; i++) for (int j = 0; j < 500; j++) values[i, j] = Math.Tanh(Math.Sin(i + j * 0.05));
        var root = Svg.Parse(new HeatMap("big", values) { Diverging = true }.ToSvg());
        Assert.Equal(64 * 500, Svg.ByClass(root, "cell").Count());
        Assert.True(Svg.ByClass(root, "column-labels").Single().Elements().Count() < 100);
    }

    [Fact]
    public void Bad_arguments_throw()
    {
        var values = new double[2, 3];
        var rows = Assert.Throws<ArgumentException>(() => new HeatMap("h", values) { RowLabels = ["a"] });
        Assert.Contains("RowLabels", rows.Message);
        Assert.Contains("1", rows.Message);
        Assert.Throws<ArgumentException>(() => new HeatMap("h", values) { ColumnLabels = ["a", "b"] });
        Assert.Throws<ArgumentNullException>(() => new HeatMap("h", null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HeatMap("h", values) { Height = -1 });
    }
}
