namespace RnnTorch.Data;

/// <summary>
/// A map-style dataset in the spirit of TorchSharp's <c>torch.utils.data.Dataset</c>: a number of samples, each
/// reachable by its index.
/// </summary>
/// <typeparam name="T">The sample type.</typeparam>
public abstract class Dataset<T>
{
    /// <summary>The number of samples.</summary>
    public abstract int Count { get; }

    /// <summary>The sample at <paramref name="index"/>, 0 ≤ index &lt; <see cref="Count"/>.</summary>
    /// <param name="index">The sample's index.</param>
    public abstract T this[int index] { get; }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the index when it is not in [0, Count).</summary>
    /// <param name="index">The index to check.</param>
    protected void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count}), but was {index}.");
        }
    }
}
