using System.Globalization;

namespace RnnTorch.Training;

/// <summary>Collects the invalid values of a configuration, each with its key's JSON path, to report them all at once.</summary>
internal sealed class ConfigProblems
{
    private readonly List<(string Key, string Message)> problems = new();

    /// <summary>True when nothing was reported.</summary>
    public bool IsEmpty => problems.Count == 0;

    /// <summary>Reports that <paramref name="key"/> <paramref name="rule"/> (e.g. "must be >= 1"), but holds <paramref name="value"/>.</summary>
    public void Add(string key, string rule, object? value) => problems.Add((key, $"{key} {rule}, but was {Format(value)}"));

    /// <summary>Reports a problem with <paramref name="key"/> in free words (the message should start with the key).</summary>
    public void AddMessage(string key, string message) => problems.Add((key, message));

    /// <summary>Joins the key path <paramref name="prefix"/> and <paramref name="name"/> ("" prefix: the name alone).</summary>
    public static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    /// <summary>Throws a <see cref="ConfigException"/> naming every problem when there is any; <paramref name="source"/> names the file or "the config".</summary>
    public void ThrowIfAny(string source)
    {
        if (problems.Count == 0) return;
        throw new ConfigException($"invalid values in {source}: {string.Join("; ", problems.Select(p => p.Message))}.",
            problems.Select(p => p.Key).Distinct().ToArray());
    }

    /// <summary>A value as JSON would show it: strings quoted, numbers in invariant culture, null as null.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
