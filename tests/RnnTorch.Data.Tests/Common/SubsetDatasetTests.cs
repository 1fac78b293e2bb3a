namespace RnnTorch.Data.Tests;

public sealed class SubsetDatasetTests
{
    [Fact]
    public void MapsIndicesIntoTheSource()
    {
        var source = new ListDataset<char>("abcdef");
        var subset = new SubsetDataset<char>(source, [5, 0, 2]);
        Assert.Equal(3, subset.Count);
        Assert.Equal(new[] { 'f', 'a', 'c' }, Enumerable.Range(0, 3).Select(i => subset[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => subset[3]);
    }

    [Fact]
    public void RejectsIndicesOutsideTheSource()
    {
        var source = new ListDataset<char>("abc");
        var e = Assert.Throws<ArgumentException>(() => new SubsetDataset<char>(source, [0, 3]));
        Assert.Contains("entry 1 is 3", e.Message);
    }
}
