using System.Collections;
using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>A list of submodules registered under their positions (<c>"0"</c>, <c>"1"</c>, …), as PyTorch names them.</summary>
public sealed class ModuleList : Module, IReadOnlyList<Module>
{
    private readonly List<Module> items = new();

    /// <summary>Creates a list holding <paramref name="modules"/>.</summary>
    public ModuleList(params Module[] modules) : base(nameof(ModuleList))
    {
        ThrowHelper.ThrowIfNull(modules);
        foreach (var m in modules) Add(m);
    }

    /// <summary>Appends a module, registered as <c>"{Count}"</c>.</summary>
    public void Add(Module module)
    {
        ThrowHelper.ThrowIfNull(module);
        register_module(items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        items.Add(module);
    }

    /// <summary>Appends a module (PyTorch's name).</summary>
    public void append(Module module) => Add(module);

    /// <summary>The module at <paramref name="index"/>.</summary>
    public Module this[int index] => items[index];

    /// <summary>The number of modules.</summary>
    public int Count => items.Count;

    /// <inheritdoc />
    public IEnumerator<Module> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
