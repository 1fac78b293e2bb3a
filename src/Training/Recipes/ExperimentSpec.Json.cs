using System.Reflection;
using System.Text.Json;

namespace RnnTorch.Training.Recipes;

public sealed partial record ExperimentSpec
{
    /// <summary>The experiment as indented JSON with camelCase keys, every key written (nulls included).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, TrainingConfig.JsonOptions);

    /// <summary>
    /// Reads an experiment from JSON: keys left out keep their defaults; unknown or duplicate keys, values of the wrong
    /// type and invalid values are errors naming their keys.
    /// </summary>
    /// <exception cref="ConfigException">The text is not a JSON object, or has unknown keys, or a value is wrong.</exception>
    public static ExperimentSpec FromJson(string json) => FromJson(json, "the experiment");

    internal static ExperimentSpec FromJson(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        var documentOptions = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        try
        {
            using var document = JsonDocument.Parse(json, documentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ConfigException($"{source} must be a JSON object, but is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            var known = KnownKeys();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var unknown = new List<string>();
            var duplicates = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name)) duplicates.Add(property.Name);
                else if (!known.Contains(property.Name)) unknown.Add(property.Name);
            }
            if (unknown.Count > 0 || duplicates.Count > 0)
            {
                var parts = new List<string>();
                if (unknown.Count > 0) parts.Add($"unknown keys in {source}: {string.Join(", ", unknown)} (known keys: {string.Join(", ", known)})");
                if (duplicates.Count > 0) parts.Add($"duplicate keys in {source}: {string.Join(", ", duplicates)}");
                throw new ConfigException(string.Join("; ", parts) + ".", unknown.Concat(duplicates).ToArray());
            }
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{source} is not valid JSON: {e.Message}", e);
        }

        ExperimentSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<ExperimentSpec>(json, TrainingConfig.JsonOptions);
        }
        catch (JsonException e)
        {
            string key = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "(the whole experiment)" : e.Path.TrimStart('$', '.');
            throw new ConfigException($"invalid values in {source}: {key} has a value of the wrong type or form ({e.Message}).", new[] { key }, e);
        }
        if (spec is null) throw new ConfigException($"{source} must be a JSON object, but is null.");
        spec.Validate(source);
        return spec;
    }

    /// <summary>Reads and validates the experiment file <paramref name="path"/>; every error message names the file.</summary>
    /// <exception cref="ConfigException">The file cannot be read or is not a valid experiment.</exception>
    public static ExperimentSpec Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ConfigException($"cannot read the experiment file {path}: {e.Message}", e);
        }
        return FromJson(text, path);
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> atomically.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllText(path, ToJson() + "\n");
    }

    /// <summary>The JSON keys: the public settable properties in camelCase.</summary>
    public static IReadOnlyList<string> Keys => KnownKeys();

    private static List<string> KnownKeys() =>
        typeof(ExperimentSpec).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToList();
}
