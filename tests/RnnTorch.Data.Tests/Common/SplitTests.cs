namespace RnnTorch.Data.Tests;

public sealed class SplitTests
{
    [Fact]
    public void SizesFloorThenHandOutTheRemainderInOrder()
    {
        // 10 × (0.5, 0.3, 0.2) = 5, 3, 2 exactly; 11 → 5, 3, 2 + 1 left over for part 0.
        Assert.Equal(new[] { 5, 3, 2 }, Split.Sizes(10, [0.5, 0.3, 0.2]));
        Assert.Equal(new[] { 6, 3, 2 }, Split.Sizes(11, [0.5, 0.3, 0.2]));
        // 7 × 1/3 = 2.33 each → 2, 2, 2 and one extra for part 0.
        Assert.Equal(new[] { 3, 2, 2 }, Split.Sizes(7, [1 / 3.0, 1 / 3.0, 1 / 3.0]));
    }

    [Fact]
    public void ByFractionGivesDisjointPartsCoveringEveryIndex()
    {
        int[][] parts = Split.ByFraction(1003, [0.8, 0.1, 0.1], seed: 5);
        Assert.Equal(1003, parts.Sum(p => p.Length));
        Assert.Equal(Enumerable.Range(0, 1003), parts.SelectMany(p => p).OrderBy(i => i));
        Assert.Equal(new[] { 803, 100, 100 }, parts.Select(p => p.Length)); // 802.4 → 802 (+1 left over), 100.3 → 100, 100.3 → 100
        Assert.All(parts, p => Assert.Equal(p.OrderBy(i => i), p));
    }

    [Fact]
    public void ByFractionIsSeeded()
    {
        Assert.Equal(Split.ByFraction(50, [0.5, 0.5], 1), Split.ByFraction(50, [0.5, 0.5], 1));
        Assert.NotEqual(Split.ByFraction(50, [0.5, 0.5], 1)[0], Split.ByFraction(50, [0.5, 0.5], 2)[0]);
        Assert.NotEqual(Enumerable.Range(0, 25), Split.ByFraction(50, [0.5, 0.5], 1)[0]);
    }

    [Fact]
    public void ByTimeIsContiguousAndOrdered()
    {
        int[][] parts = Split.ByTime(20, [0.7, 0.15, 0.15]);
        Assert.Equal(Enumerable.Range(0, 14), parts[0]);
        Assert.Equal(Enumerable.Range(14, 3), parts[1]);
        Assert.Equal(Enumerable.Range(17, 3), parts[2]);
    }

    [Fact]
    public void RejectsFractionsThatDoNotSumToOne()
    {
        var e = Assert.Throws<ArgumentException>(() => Split.ByTime(10, [0.5, 0.4]));
        Assert.Contains("sum to 1", e.Message);
        Assert.Contains("0.9", e.Message);
        Assert.Throws<ArgumentException>(() => Split.ByFraction(10, [1.5, -0.5], 0));
        Assert.Throws<ArgumentException>(() => Split.ByFraction(10, [], 0));
    }
}
