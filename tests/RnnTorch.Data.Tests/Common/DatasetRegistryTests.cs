namespace RnnTorch.Data.Tests;

public sealed class DatasetRegistryTests
{
    private static DatasetInfo Info(string name) =>
        new(name, "test task", "many-to-one", "3 samples", "the test itself", "CC0", "nothing to install");

    [Fact]
    public void RegisteredDatasetsAreListedDescribedAndLoaded()
    {
        string name = "test-" + Guid.NewGuid().ToString("N");
        int loads = 0;
        DatasetRegistry.Register(Info(name), () => { loads++; return new ListDataset<int>([1, 2, 3]); });

        Assert.Contains(name, DatasetRegistry.Names);
        Assert.True(DatasetRegistry.Contains(name));
        Assert.Equal(Info(name), DatasetRegistry.Info(name));
        Assert.Equal(0, loads);
        var dataset = Assert.IsType<ListDataset<int>>(DatasetRegistry.Get(name));
        Assert.Equal(3, dataset.Count);
        Assert.Equal(1, loads);
    }

    [Fact]
    public void NamesAreInOrdinalOrder()
    {
        string[] names = DatasetRegistry.Names.ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void RegisteringANameTwiceIsAnError()
    {
        string name = "test-" + Guid.NewGuid().ToString("N");
        DatasetRegistry.Register(Info(name), () => 1);
        var e = Assert.Throws<ArgumentException>(() => DatasetRegistry.Register(Info(name), () => 2));
        Assert.Contains(name, e.Message);
        Assert.Equal(1, DatasetRegistry.Get(name));
    }

    [Fact]
    public void AnUnknownNameIsADataExceptionNamingIt()
    {
        var e = Assert.Throws<DataException>(() => DatasetRegistry.Info("no-such-dataset"));
        Assert.Contains("'no-such-dataset'", e.Message);
        Assert.Throws<DataException>(() => DatasetRegistry.Get("no-such-dataset"));
    }
}
