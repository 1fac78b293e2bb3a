using System.Text.Json;

namespace RnnTorch.Training.Recipes;

/// <summary>Reads and writes <see cref="RunFiles.Labels"/>: the class names as a JSON array of strings.</summary>
internal static class Labels
{
    public static void Save(string runDir, IReadOnlyList<string> labels) =>
        AtomicFile.WriteAllText(Path.Combine(runDir, RunFiles.Labels), JsonSerializer.Serialize(labels) + "\n");

    public static string[] Load(string runDir)
    {
        string path = Path.Combine(runDir, RunFiles.Labels);
        try
        {
            return JsonSerializer.Deserialize<string[]>(File.ReadAllText(path)) ?? throw new ConfigException($"{path} holds null instead of the class names.");
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{path} is not a JSON array of class names: {e.Message}", e);
        }
    }
}
