using RnnTorch.Data;

namespace RnnTorch.Data.Tests;

/// <summary>Fetches vega-datasets with the real npm, once for the collection, into a temporary cache root.</summary>
public sealed class VegaDatasetsFixture : IDisposable
{
    public VegaDatasetsFixture()
    {
        CacheRoot = Path.Combine(Path.GetTempPath(), "rnn-torch-vega-" + Guid.NewGuid().ToString("N"));
        PackageDirectory = NpmPackage.Fetch(VegaDatasets.Package, VegaDatasets.Version, CacheRoot);
    }

    public string CacheRoot { get; }

    public string PackageDirectory { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(CacheRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
