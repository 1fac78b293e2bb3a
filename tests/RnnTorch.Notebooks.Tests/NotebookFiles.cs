namespace RnnTorch.Notebooks.Tests;

/// <summary>Where the notebooks are: the repository's notebooks/ directory, found upwards from this test's output.</summary>
internal static class NotebookFiles
{
    public static string Directory { get; } = Find();

    public static string PathOf(string name) => System.IO.Path.Combine(Directory, name + ".ipynb");

    public static IReadOnlyList<string> Names() =>
        System.IO.Directory.GetFiles(Directory, "*.ipynb").Select(p => System.IO.Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal).ToArray();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "notebooks");
            if (System.IO.Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "rnn-torch.sln"))) return candidate;
        }
        throw new DirectoryNotFoundException($"no notebooks/ beside rnn-torch.sln above {AppContext.BaseDirectory}");
    }
}
