namespace RnnTorch.Data;

/// <summary>The npm package <c>vega-datasets</c> that <see cref="SeattleWeather"/> and <see cref="Sp500"/> come from.</summary>
public static class VegaDatasets
{
    /// <summary>The npm package name.</summary>
    public const string Package = "vega-datasets";

    /// <summary>The pinned version, so every run sees the same data.</summary>
    public const string Version = "3.2.1";

    /// <summary>The path of a data file of the package, fetching the package into the cache first when needed.</summary>
    /// <param name="fileName">The file's name under <c>data/</c>, e.g. <c>sp500-2000.csv</c>.</param>
    /// <param name="cacheRoot">The cache root; null for <see cref="DataCache.Root"/>.</param>
    /// <exception cref="DataException">npm is missing or the install fails (the message says what to do), or the package lacks the file.</exception>
    public static string DataFile(string fileName, string? cacheRoot = null)
    {
        DataGuard.NotNullOrWhiteSpace(fileName);
        string directory = NpmPackage.Fetch(Package, Version, cacheRoot);
        string path = Path.Combine(directory, "data", fileName);
        if (!File.Exists(path)) throw new DataException($"The npm package {Package}@{Version} in '{directory}' has no file data/{fileName}.");
        return path;
    }
}
