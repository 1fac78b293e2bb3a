using RnnTorch.Data;

namespace RnnTorch.Data.Tests;

/// <summary>The embedded copy against the npm package's file (needs npm and the registry, like a user's first fetch).</summary>
[Collection(VegaDatasetsCollection.Name)]
public sealed class SeattleWeatherNpmTests(VegaDatasetsFixture vega)
{
    [Fact]
    public void EmbeddedCopyEqualsTheNpmPackagesFile()
    {
        string npmFile = Path.Combine(vega.PackageDirectory, "data", SeattleWeather.FileName);
        using (var embedded = SeattleWeather.OpenEmbedded())
        using (var copy = new MemoryStream())
        {
            embedded.CopyTo(copy);
            Assert.Equal(File.ReadAllBytes(npmFile), copy.ToArray());
        }
        var fromNpm = SeattleWeather.LoadFromNpm(vega.CacheRoot);
        var fromEmbedded = SeattleWeather.Load();
        Assert.Equal(fromEmbedded.Dates, fromNpm.Dates);
        foreach (string column in SeattleWeather.Columns) Assert.Equal(fromEmbedded.Column(column), fromNpm.Column(column));
    }
}
