namespace RnnTorch;

/// <summary>
/// Collects every tensor created on this thread while it is the innermost scope, and disposes them when the scope
/// is disposed (TorchSharp's <c>torch.NewDisposeScope()</c>). A training step inside one frees all its temporaries.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static List<DisposeScope>? stack;

    private readonly HashSet<Tensor> tensors = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    internal DisposeScope()
    {
        (stack ??= new List<DisposeScope>()).Add(this);
    }

    /// <summary>The innermost open scope on this thread, or null.</summary>
    internal static DisposeScope? Current => stack is { Count: > 0 } s ? s[^1] : null;

    /// <summary>The number of tensors this scope will dispose.</summary>
    public int DisposablesCount => tensors.Count;

    internal static void RegisterInCurrent(Tensor t)
    {
        var scope = Current;
        if (scope is null) return;
        scope.tensors.Add(t);
        t.OwningScope = scope;
    }

    internal void Forget(Tensor t) => tensors.Remove(t);

    internal void Detach(Tensor t)
    {
        if (tensors.Remove(t)) t.OwningScope = null;
    }

    internal void MoveToOuterCore(Tensor t)
    {
        if (!tensors.Remove(t)) return;
        t.OwningScope = null;
        var outer = OuterOf(this);
        if (outer is null) return;
        outer.tensors.Add(t);
        t.OwningScope = outer;
    }

    private static DisposeScope? OuterOf(DisposeScope scope)
    {
        if (stack is null) return null;
        int i = stack.IndexOf(scope);
        return i > 0 ? stack[i - 1] : null;
    }

    /// <summary>Moves tensors to the enclosing scope (or out of all scopes) so they outlive this one.</summary>
    public Tensor MoveToOuter(Tensor tensor)
    {
        ThrowHelper.ThrowIfNull(tensor);
        MoveToOuterCore(tensor);
        return tensor;
    }

    /// <summary>Moves tensors to the enclosing scope (or out of all scopes) so they outlive this one.</summary>
    public void MoveToOuter(params Tensor[] keep)
    {
        ThrowHelper.ThrowIfNull(keep);
        foreach (var t in keep) MoveToOuterCore(t);
    }

    /// <summary>Takes tensors out of this scope: the caller owns them.</summary>
    public void Detach(params Tensor[] keep)
    {
        ThrowHelper.ThrowIfNull(keep);
        foreach (var t in keep) Detach(t);
    }

    /// <summary>Disposes every tensor of this scope except <paramref name="keep"/>, which stay in the scope.</summary>
    public void DisposeEverythingBut(params Tensor[] keep)
    {
        ThrowHelper.ThrowIfNull(keep);
        var spare = new HashSet<Tensor>(keep, ReferenceEqualityComparer.Instance);
        var doomed = tensors.Where(t => !spare.Contains(t)).ToList();
        foreach (var t in doomed)
        {
            tensors.Remove(t);
            t.OwningScope = null;
            t.Release();
            GC.SuppressFinalize(t);
        }
    }

    /// <summary>Disposes every tensor of this scope now, without closing it.</summary>
    public void DisposeEverything() => DisposeEverythingBut();

    /// <summary>Disposes every tensor still in the scope and closes it.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        DisposeEverything();
        stack?.Remove(this);
    }
}
