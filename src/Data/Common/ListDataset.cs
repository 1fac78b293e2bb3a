namespace RnnTorch.Data;

/// <summary>A dataset over samples held in memory.</summary>
/// <typeparam name="T">The sample type.</typeparam>
public sealed class ListDataset<T> : Dataset<T>
{
    private readonly T[] _items;

    /// <summary>Creates the dataset from a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The samples.</param>
    public ListDataset(IEnumerable<T> items)
    {
        DataGuard.NotNull(items);
        _items = items.ToArray();
    }

    /// <inheritdoc/>
    public override int Count => _items.Length;

    /// <inheritdoc/>
    public override T this[int index]
    {
        get
        {
            CheckIndex(index);
            return _items[index];
        }
    }
}
