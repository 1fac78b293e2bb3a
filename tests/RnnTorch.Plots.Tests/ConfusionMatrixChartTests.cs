using System.Globalization;

namespace RnnTorch.Plots.Tests;

public sealed class ConfusionMatrixChartTests
{
    [Fact]
    public void Counts_appear_in_their_cells_coloured_by_row_share()
    {
        long[,] counts = { { 50, 0, 0 }, { 3, 9, 0 }, { 1, 1, 2 } };
        string[] labels = ["cat", "dog", "<bird>"];
        var root = Svg.Parse(new ConfusionMatrixChart("confusion", counts, labels).ToSvg());
        var cells = Svg.ByClass(root, "cell").ToList();
        Assert.Equal(9, cells.Count);
        for (int i = 0; i < 3; i++)
        {
            long total = 0;
            for (int j = 0; j < 3; j++) total += counts[i, j];
            for (int j = 0; j < 3; j++)
            {
                var cell = Assert.Single(cells, c => (string?)c.Attribute("data-actual") == labels[i] && (string?)c.Attribute("data-predicted") == labels[j]);
                string count = counts[i, j].ToString(CultureInfo.InvariantCulture);
                Assert.Equal(count, (string?)cell.Attribute("data-count"));
                Assert.Contains(count, Svg.Texts(cell, "count"));
                Assert.Equal((double)counts[i, j] / total, Svg.D(cell, "data-share"), 1e-12);
            }
        }
        string Fill(int i, int j) => ((string)cells[i * 3 + j].Element(Svg.Ns + "rect")!.Attribute("fill")!).ToUpperInvariant();
        Assert.Equal("#0072B2", Fill(0, 0)); // the whole row
        Assert.Equal("#FFFFFF", Fill(0, 1)); // none of it
        Assert.Equal(Fill(2, 0), Fill(2, 1)); // equal shares, equal colours
        Assert.NotEqual(Fill(2, 0), Fill(2, 2));
        Assert.Contains("<bird>", Svg.Texts(root, "tick-label"));
    }

    [Fact]
    public void Empty_rows_do_not_divide_by_zero()
    {
        var chart = new ConfusionMatrixChart("c", new long[,] { { 0, 0 }, { 1, 1 } }, ["a", "b"]);
        Assert.Equal(0, chart.RowShare(0, 0));
        Assert.Equal(0.5, chart.RowShare(1, 0));
        Svg.Parse(chart.ToSvg());
    }

    [Fact]
    public void Bad_arguments_throw()
    {
        var negative = Assert.Throws<ArgumentException>(() => new ConfusionMatrixChart("c", new long[,] { { 1, -4 }, { 0, 0 } }, ["a", "b"]));
        Assert.Contains("-4", negative.Message);
        var labels = Assert.Throws<ArgumentException>(() => new ConfusionMatrixChart("c", new long[2, 2], ["a"]));
        Assert.Equal("labels", labels.ParamName);
        Assert.Throws<ArgumentException>(() => new ConfusionMatrixChart("c", new long[2, 3], ["a", "b"]));
        Assert.Throws<ArgumentNullException>(() => new ConfusionMatrixChart("c", null!, ["a"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrixChart("c", new long[1, 1], ["a"]) { Width = 3 });
    }
}
