using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RnnTorch.Training;

public sealed partial record TrainingConfig
{
    /// <summary>
    /// The JSON settings of configurations, training states and checkpoint sidecars: camelCase keys, enums as camelCase
    /// strings (no numbers), indented, nulls written, NaN and infinities as the strings "NaN", "Infinity" and
    /// "-Infinity", comments and trailing commas tolerated on reading.
    /// </summary>
    internal static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The same settings without indentation (for one-line metadata).</summary>
    internal static JsonSerializerOptions CompactJsonOptions { get; } = new(JsonOptions) { WriteIndented = false };

    private static readonly Type[] Sections = { typeof(TrainingConfig), typeof(OptimizerConfig), typeof(ScheduleConfig) };

    /// <summary>The configuration as indented JSON with camelCase keys, every key written (nulls included).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The configuration as one line of JSON.</summary>
    internal string ToCompactJson() => JsonSerializer.Serialize(this, CompactJsonOptions);

    /// <summary>
    /// Reads a configuration from JSON: keys left out keep their defaults; unknown keys at any depth, duplicate keys,
    /// values of the wrong type and invalid values are errors (see <see cref="Validate()"/>).
    /// </summary>
    /// <exception cref="ConfigException">
    /// The text is not a JSON object; or it has unknown or duplicate keys (all named with their paths, e.g.
    /// "unknown keys in the config: optimizer.lerningRate, epocs"); or a value has the wrong type; or values are invalid
    /// (all named with their keys and values).
    /// </exception>
    public static TrainingConfig FromJson(string json) => FromJson(json, "the config");

    /// <summary>Reads a configuration from JSON, naming <paramref name="source"/> (a file, or "the config") in errors.</summary>
    internal static TrainingConfig FromJson(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        var documentOptions = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        try
        {
            using var document = JsonDocument.Parse(json, documentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ConfigException($"{source} must be a JSON object, but is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            var unknown = new List<string>();
            var duplicates = new List<string>();
            CheckKeys(document.RootElement, typeof(TrainingConfig), "", unknown, duplicates);
            if (unknown.Count > 0 || duplicates.Count > 0)
            {
                var parts = new List<string>();
                if (unknown.Count > 0) parts.Add($"unknown keys in {source}: {string.Join(", ", unknown)}");
                if (duplicates.Count > 0) parts.Add($"duplicate keys in {source}: {string.Join(", ", duplicates)}");
                string known = unknown.Count > 0 ? $" (known keys: {KnownKeysText(unknown)})" : "";
                throw new ConfigException(string.Join("; ", parts) + known + ".", unknown.Concat(duplicates).ToArray());
            }
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{source} is not valid JSON: {e.Message}", e);
        }

        TrainingConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<TrainingConfig>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            string key = KeyOf(e.Path);
            throw new ConfigException($"invalid values in {source}: {key} has a value of the wrong type or form ({e.Message}).", new[] { key }, e);
        }
        if (config is null) throw new ConfigException($"{source} must be a JSON object, but is null.");
        config.Validate(source);
        return config;
    }

    /// <summary>Reads and validates the configuration file <paramref name="path"/>; every error message names the file.</summary>
    /// <exception cref="ConfigException">The file cannot be read, or its content is not a valid configuration (see <see cref="FromJson(string)"/>).</exception>
    public static TrainingConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ConfigException($"cannot read the config file {path}: {e.Message}", e);
        }
        return FromJson(text, path);
    }

    /// <summary>
    /// Writes <see cref="ToJson"/> to <paramref name="path"/> atomically: to a temporary file in the same directory,
    /// flushed, then moved over <paramref name="path"/>, so that a crash leaves either the old file or the new one.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllText(path, ToJson() + "\n");
    }

    /// <summary>Collects the unknown and duplicate keys of <paramref name="element"/> (an object for <paramref name="type"/>) and of its nested sections.</summary>
    private static void CheckKeys(JsonElement element, Type type, string prefix, List<string> unknown, List<string> duplicates)
    {
        var known = KnownKeys(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            string path = ConfigProblems.Join(prefix, property.Name);
            if (!seen.Add(property.Name))
            {
                duplicates.Add(path);
                continue;
            }
            if (!known.TryGetValue(property.Name, out var info))
            {
                unknown.Add(path);
                continue;
            }
            if (Sections.Contains(info.PropertyType) && property.Value.ValueKind == JsonValueKind.Object)
                CheckKeys(property.Value, info.PropertyType, path, unknown, duplicates);
        }
    }

    /// <summary>The JSON keys of <paramref name="type"/>: its public settable properties in camelCase, except those marked <see cref="JsonIgnoreAttribute"/>.</summary>
    private static Dictionary<string, PropertyInfo> KnownKeys(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);

    /// <summary>The known keys of the sections the unknown keys are in, for the error message.</summary>
    private static string KnownKeysText(List<string> unknown)
    {
        var sections = unknown.Select(u => u.Contains('.') ? u[..u.LastIndexOf('.')] : "").Distinct();
        return string.Join("; ", sections.Select(s =>
        {
            var type = s switch { "optimizer" => typeof(OptimizerConfig), "schedule" => typeof(ScheduleConfig), _ => typeof(TrainingConfig) };
            var keys = KnownKeys(type).Keys.Select(k => ConfigProblems.Join(s, k));
            return string.Join(", ", keys);
        }));
    }

    /// <summary>A JSON path from System.Text.Json ("$.optimizer.learningRate", "$['a b']") as a dotted key ("optimizer.learningRate").</summary>
    private static string KeyOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "(the whole config)";
        var key = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return key.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
    }
}
