using System.Collections;
using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>Submodules by name, in insertion order, each registered under its key.</summary>
public sealed class ModuleDict : Module, IReadOnlyDictionary<string, Module>
{
    private readonly OrderedDictionary<string, Module> items = new();

    /// <summary>Creates a dictionary holding <paramref name="modules"/>.</summary>
    public ModuleDict(params (string name, Module module)[] modules) : base(nameof(ModuleDict))
    {
        ThrowHelper.ThrowIfNull(modules);
        foreach (var (n, m) in modules) Add(n, m);
    }

    /// <summary>Adds <paramref name="module"/> under <paramref name="key"/>.</summary>
    public void Add(string key, Module module)
    {
        register_module(key, module);
        items.Add(key, module);
    }

    /// <summary>The module under <paramref name="key"/>.</summary>
    public Module this[string key] => items.TryGetValue(key, out var m) ? m
        : throw new KeyNotFoundException($"ModuleDict has no module '{key}' (it has: {string.Join(", ", items.Keys)}).");

    /// <inheritdoc />
    public IEnumerable<string> Keys => items.Keys;

    /// <inheritdoc />
    public IEnumerable<Module> Values => items.Values;

    /// <inheritdoc />
    public int Count => items.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => items.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Module value) => items.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, Module>> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
