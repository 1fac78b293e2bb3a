using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>Runs its modules one after another, each on the previous one's output; registered as <c>"0"</c>, <c>"1"</c>… or by given names.</summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly List<Module<Tensor, Tensor>> layers = new();

    /// <summary>Creates a sequence of unnamed modules (named by position).</summary>
    public Sequential(params Module<Tensor, Tensor>[] modules) : base(nameof(Sequential))
    {
        ThrowHelper.ThrowIfNull(modules);
        for (int i = 0; i < modules.Length; i++) Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture), modules[i]);
    }

    /// <summary>Creates a sequence of named modules.</summary>
    public Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) : base(nameof(Sequential))
    {
        ThrowHelper.ThrowIfNull(modules);
        foreach (var (n, m) in modules) Append(n, m);
    }

    private void Append(string name, Module<Tensor, Tensor> module)
    {
        ThrowHelper.ThrowIfNull(module);
        register_module(name, module);
        layers.Add(module);
    }

    /// <summary>Appends a module, named by its position.</summary>
    public void append(Module<Tensor, Tensor> module) => Append(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);

    /// <summary>The number of modules.</summary>
    public int Count => layers.Count;

    /// <summary>The module at <paramref name="index"/>.</summary>
    public Module<Tensor, Tensor> this[int index] => layers[index];

    /// <summary>
    /// Applies the modules in order. Intermediate results are disposed as soon as the next module has consumed them;
    /// the input is left to the caller (even when a module hands it back unchanged).
    /// </summary>
    public override Tensor forward(Tensor input)
    {
        ThrowHelper.ThrowIfNull(input);
        if (layers.Count == 0) return input.alias();
        Tensor x = layers[0].call(input);
        for (int i = 1; i < layers.Count; i++)
        {
            var next = layers[i].call(x);
            if (!ReferenceEquals(next, x) && !ReferenceEquals(x, input)) x.Dispose();
            x = next;
        }
        return x;
    }
}
