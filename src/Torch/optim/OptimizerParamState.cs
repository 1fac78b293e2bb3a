namespace RnnTorch;

/// <summary>
/// An optimizer's state for one parameter: its step count (for optimizers that keep one) and its named state tensors
/// (momentum buffers, running averages), which belong to the optimizer and to no dispose scope.
/// </summary>
internal sealed class OptimizerParamState : IDisposable
{
    /// <summary>The number of steps taken on this parameter, for optimizers that count them.</summary>
    public double? step { get; set; }

    /// <summary>The state tensors by PyTorch name.</summary>
    public OrderedDictionary<string, Tensor> buffers { get; } = new();

    /// <summary>The state tensor <paramref name="name"/>, or null.</summary>
    public Tensor? Get(string name) => buffers.TryGetValue(name, out var t) ? t : null;

    /// <summary>Stores <paramref name="value"/> (taken out of its dispose scope) as <paramref name="name"/>, disposing any previous one.</summary>
    public Tensor Set(string name, Tensor value)
    {
        if (buffers.TryGetValue(name, out var old) && !ReferenceEquals(old, value)) old.Dispose();
        buffers[name] = value.DetachFromDisposeScope();
        return value;
    }

    /// <summary>The state tensor <paramref name="name"/>, made by <paramref name="create"/> the first time.</summary>
    public Tensor GetOrAdd(string name, Func<Tensor> create) => Get(name) ?? Set(name, create());

    /// <summary>Frees the state tensors.</summary>
    public void Dispose()
    {
        foreach (var t in buffers.Values) t.Dispose();
        buffers.Clear();
    }
}
