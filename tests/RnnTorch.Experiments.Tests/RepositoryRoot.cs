namespace RnnTorch.Experiments.Tests;

/// <summary>Finds the repository root: the nearest folder above the test assembly that holds rnn-torch.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find(AppContext.BaseDirectory);

    public static string Experiments => System.IO.Path.Combine(Path, "experiments");

    private static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "rnn-torch.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No folder above '{start}' holds rnn-torch.sln.");
    }
}
