namespace RnnTorch.Notebooks.Tests;

/// <summary>Which copies of a shared library this process has mapped (Linux: /proc/self/maps).</summary>
internal static class NativeLibraries
{
    public static IReadOnlyList<string> Loaded(string fileName) =>
        File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/') is var i and >= 0 ? line[i..].Trim() : "")
            .Where(path => Path.GetFileName(path) == fileName)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
