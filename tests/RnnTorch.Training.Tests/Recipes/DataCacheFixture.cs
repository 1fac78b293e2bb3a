using RnnTorch.Data;

namespace RnnTorch.Training.Tests.Recipes;

/// <summary>
/// Points the dataset cache (<c>RNN_TORCH_DATA</c>) at a temporary directory for the recipe tests, so that npm and
/// espeak-ng fetch and generate there as a user's first run would; removed afterwards.
/// </summary>
public sealed class DataCacheFixture : IDisposable
{
    private readonly string? previous = Environment.GetEnvironmentVariable(DataCache.EnvironmentVariable);

    public DataCacheFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "rnn-torch-recipe-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Environment.SetEnvironmentVariable(DataCache.EnvironmentVariable, Root);
    }

    public string Root { get; }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(DataCache.EnvironmentVariable, previous);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The recipe tests: one shared data cache, run one at a time (they seed libtorch's generator).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RecipeCollection : ICollectionFixture<DataCacheFixture>
{
    public const string Name = "Recipes (data cache, serial)";
}
