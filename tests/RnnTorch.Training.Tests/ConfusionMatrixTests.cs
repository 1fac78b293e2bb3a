namespace RnnTorch.Training.Tests;

/// <summary>The confusion matrix's counts, derived totals and text forms.</summary>
public sealed class ConfusionMatrixTests
{
    private static ConfusionMatrix Sample()
    {
        // rows = targets: t0 = [3 1], t1 = [2 4]
        var cm = new ConfusionMatrix(2);
        for (int i = 0; i < 3; i++) cm.Add(0, 0);
        cm.Add(0, 1);
        for (int i = 0; i < 2; i++) cm.Add(1, 0);
        for (int i = 0; i < 4; i++) cm.Add(1, 1);
        return cm;
    }

    [Fact]
    public void CountsAndTotals()
    {
        var cm = Sample();
        Assert.Equal(3, cm[0, 0]);
        Assert.Equal(1, cm[0, 1]);
        Assert.Equal(2, cm[1, 0]);
        Assert.Equal(4, cm[1, 1]);
        Assert.Equal(10, cm.Total);
        Assert.Equal(2, cm.FalsePositives(0)); // column 0 minus diagonal
        Assert.Equal(1, cm.FalseNegatives(0)); // row 0 minus diagonal
        Assert.Equal(1, cm.FalsePositives(1));
        Assert.Equal(2, cm.FalseNegatives(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => cm[2, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrix(0));
    }

    [Fact]
    public void MarkdownHasAHeaderAndOneRowPerTarget()
    {
        var md = Sample().ToMarkdown(new[] { "neg", "p|s" });
        var lines = md.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal("| target \\ predicted | neg | p\\|s |", lines[0]);
        Assert.Equal("|---|---:|---:|", lines[1]);
        Assert.Equal("| neg | 3 | 1 |", lines[2]);
        Assert.Equal("| p\\|s | 2 | 4 |", lines[3]);
        Assert.Throws<ArgumentException>(() => Sample().ToMarkdown(new[] { "one" }));
    }

    [Fact]
    public void ToStringIsAnAlignedGrid()
    {
        Assert.Equal("t\\p 0 1\n  0 3 1\n  1 2 4", Sample().ToString());
    }
}
