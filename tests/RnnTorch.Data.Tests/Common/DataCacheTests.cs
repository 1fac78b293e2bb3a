namespace RnnTorch.Data.Tests;

public sealed class DataCacheTests
{
    [Fact]
    public void RootIsRnnTorchDataWhenSet()
    {
        Assert.Equal("/data/sets", DataCache.ResolveRoot("/data/sets", "/xdg", "/home/u"));
    }

    [Fact]
    public void RootFallsBackToXdgCacheHomeThenHomeCache()
    {
        Assert.Equal("/xdg/rnn-torch", DataCache.ResolveRoot(null, "/xdg", "/home/u"));
        Assert.Equal("/xdg/rnn-torch", DataCache.ResolveRoot("", "/xdg", "/home/u"));
        Assert.Equal("/home/u/.cache/rnn-torch", DataCache.ResolveRoot(null, null, "/home/u"));
        // The XDG spec says a relative XDG_CACHE_HOME is invalid and is to be ignored.
        Assert.Equal("/home/u/.cache/rnn-torch", DataCache.ResolveRoot(null, "relative", "/home/u"));
    }

    [Fact]
    public void RootWithoutAnyDirectorySaysWhatToSet()
    {
        var e = Assert.Throws<DataException>(() => DataCache.ResolveRoot(null, null, ""));
        Assert.Contains("RNN_TORCH_DATA", e.Message);
    }

    [Fact]
    public void RootReadsTheProcessEnvironment()
    {
        // Reads only: compares with what the environment says, without changing it.
        string expected = DataCache.ResolveRoot(
            Environment.GetEnvironmentVariable("RNN_TORCH_DATA"),
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME"),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        Assert.Equal(expected, DataCache.Root);
    }

    [Fact]
    public void DirectoryForNestsNamesUnderTheRoot()
    {
        Assert.Equal(Path.Combine("/r", "npm", "sentiment@5.0.2"), DataCache.DirectoryFor("npm/sentiment@5.0.2", "/r"));
        Assert.Equal(Path.Combine("/r", "spoken-digits"), DataCache.DirectoryFor("spoken-digits", "/r"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a//b")]
    [InlineData("/absolute")]
    [InlineData("a\\b")]
    [InlineData(" ")]
    public void DirectoryForRejectsNamesThatLeaveTheRoot(string name)
    {
        Assert.Throws<ArgumentException>(() => DataCache.DirectoryFor(name, "/r"));
    }

    [Fact]
    public void MaterializeFillsOncePublishesAndMarksComplete()
    {
        using var temp = new TestDirectory();
        int fills = 0;
        string directory = DataCache.Materialize("set", dir =>
        {
            fills++;
            Assert.Contains(".partial-", dir);
            File.WriteAllText(Path.Combine(dir, "data.txt"), "42");
        }, temp.Path);

        Assert.Equal(Path.Combine(temp.Path, "set"), directory);
        Assert.Equal("42", File.ReadAllText(Path.Combine(directory, "data.txt")));
        Assert.True(File.Exists(Path.Combine(directory, ".complete")));
        Assert.True(DataCache.IsComplete("set", temp.Path));
        Assert.Empty(Directory.GetDirectories(temp.Path, "*.partial-*"));

        string again = DataCache.Materialize("set", _ => fills++, temp.Path);
        Assert.Equal(directory, again);
        Assert.Equal(1, fills);
    }

    [Fact]
    public void ADirectoryWithoutTheMarkerIsIncompleteAndRefetched()
    {
        using var temp = new TestDirectory();
        string stale = Path.Combine(temp.Path, "set");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "half.txt"), "partial download");
        Assert.False(DataCache.IsComplete("set", temp.Path));

        string directory = DataCache.Materialize("set", dir => File.WriteAllText(Path.Combine(dir, "whole.txt"), "all"), temp.Path);

        Assert.True(DataCache.IsComplete("set", temp.Path));
        Assert.False(File.Exists(Path.Combine(directory, "half.txt")));
        Assert.Equal("all", File.ReadAllText(Path.Combine(directory, "whole.txt")));
    }

    [Fact]
    public void AFailedFillPublishesNothingAndLeavesNoPartialDirectory()
    {
        using var temp = new TestDirectory();
        var e = Assert.Throws<DataException>(() => DataCache.Materialize("set", dir =>
        {
            File.WriteAllText(Path.Combine(dir, "half.txt"), "x");
            throw new DataException("network down");
        }, temp.Path));

        Assert.Equal("network down", e.Message);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "set")));
        Assert.False(DataCache.IsComplete("set", temp.Path));
        Assert.Empty(Directory.GetDirectories(temp.Path, "*.partial-*"));

        // A later attempt fills afresh.
        string directory = DataCache.Materialize("set", dir => File.WriteAllText(Path.Combine(dir, "ok.txt"), "ok"), temp.Path);
        Assert.True(File.Exists(Path.Combine(directory, "ok.txt")));
        Assert.False(File.Exists(Path.Combine(directory, "half.txt")));
    }

    [Fact]
    public void AFailedRefetchKeepsNoStaleDirectoryMarkedComplete()
    {
        using var temp = new TestDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "set"));
        Assert.Throws<InvalidOperationException>(() => DataCache.Materialize("set", _ => throw new InvalidOperationException("boom"), temp.Path));
        Assert.False(DataCache.IsComplete("set", temp.Path));
    }

    [Fact]
    public void ConcurrentMaterializeFillsOnce()
    {
        using var temp = new TestDirectory();
        int fills = 0;
        string[] results = new string[6];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
        {
            results[i] = DataCache.Materialize("shared", dir =>
            {
                Interlocked.Increment(ref fills);
                File.WriteAllText(Path.Combine(dir, "x.txt"), "x");
            }, temp.Path);
        });
        Assert.Equal(1, fills);
        Assert.All(results, r => Assert.Equal(Path.Combine(temp.Path, "shared"), r));
    }

    [Fact]
    public void NestedNamesCreateTheirParents()
    {
        using var temp = new TestDirectory();
        string directory = DataCache.Materialize("npm/pkg@1.0.0", dir => File.WriteAllText(Path.Combine(dir, "a"), "a"), temp.Path);
        Assert.Equal(Path.Combine(temp.Path, "npm", "pkg@1.0.0"), directory);
        Assert.True(DataCache.IsComplete("npm/pkg@1.0.0", temp.Path));
    }

    [Fact]
    public void RemoveDeletesTheDataset()
    {
        using var temp = new TestDirectory();
        DataCache.Materialize("set", _ => { }, temp.Path);
        DataCache.Remove("set", temp.Path);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "set")));
        DataCache.Remove("set", temp.Path); // nothing to delete: no error
    }
}
