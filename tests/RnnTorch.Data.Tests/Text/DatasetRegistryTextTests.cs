namespace RnnTorch.Data.Tests;

public sealed class DatasetRegistryTextTests
{
    [Theory]
    [InlineData("sentiment", "many-to-one")]
    [InlineData("word-language", "many-to-one")]
    [InlineData("moby-dick", "many-to-many")]
    public void TextDatasetsAreRegisteredWithTheirShape(string name, string shape)
    {
        Assert.Contains(name, DatasetRegistry.Names);
        DatasetInfo info = DatasetRegistry.Info(name);
        Assert.Equal(name, info.Name);
        Assert.StartsWith(shape, info.Shape);
        Assert.False(string.IsNullOrWhiteSpace(info.Licence));
        Assert.False(string.IsNullOrWhiteSpace(info.HowToGet));
    }
}
