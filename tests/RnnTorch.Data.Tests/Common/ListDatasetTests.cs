namespace RnnTorch.Data.Tests;

public sealed class ListDatasetTests
{
    [Fact]
    public void HoldsACopyOfItsItems()
    {
        var items = new List<string> { "x", "y" };
        var dataset = new ListDataset<string>(items);
        items.Add("z");
        Assert.Equal(2, dataset.Count);
        Assert.Equal("y", dataset[1]);
    }

    [Fact]
    public void RejectsAnIndexOutOfRangeNamingIt()
    {
        var dataset = new ListDataset<int>([1, 2, 3]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => dataset[3]);
        Assert.Contains("[0, 3)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset[-1]);
    }
}
