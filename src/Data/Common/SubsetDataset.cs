namespace RnnTorch.Data;

/// <summary>A view of some samples of another dataset, by index (e.g. one part of a <see cref="Split"/>).</summary>
/// <typeparam name="T">The sample type.</typeparam>
public sealed class SubsetDataset<T> : Dataset<T>
{
    private readonly int[] _indices;

    /// <summary>Creates the view.</summary>
    /// <param name="dataset">The underlying dataset.</param>
    /// <param name="indices">The indices into <paramref name="dataset"/>, in the view's order (copied).</param>
    public SubsetDataset(Dataset<T> dataset, IReadOnlyList<int> indices)
    {
        DataGuard.NotNull(dataset);
        DataGuard.NotNull(indices);
        _indices = indices.ToArray();
        for (int i = 0; i < _indices.Length; i++)
        {
            if ((uint)_indices[i] >= (uint)dataset.Count)
            {
                DataGuard.Throw(nameof(indices), $"must be in [0, {dataset.Count}), but entry {i} is {_indices[i]}.");
            }
        }
        Source = dataset;
    }

    /// <summary>The underlying dataset.</summary>
    public Dataset<T> Source { get; }

    /// <summary>The indices into <see cref="Source"/>.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <inheritdoc/>
    public override int Count => _indices.Length;

    /// <inheritdoc/>
    public override T this[int index]
    {
        get
        {
            CheckIndex(index);
            return Source[_indices[index]];
        }
    }
}
