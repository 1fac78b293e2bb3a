namespace RnnTorch.Training;

/// <summary>
/// Batches held in memory, served in a seeded order per epoch (shuffled with a generator seeded by
/// <paramref name="seed"/> and the epoch, or in order when <paramref name="shuffle"/> is false).
/// </summary>
public sealed class ListBatchSource<TBatch>(IReadOnlyList<TBatch> batches, bool shuffle = true, int seed = 0) : IBatchSource<TBatch>
{
    private readonly IReadOnlyList<TBatch> items = batches ?? throw new ArgumentNullException(nameof(batches));

    /// <inheritdoc />
    public int Count => items.Count;

    /// <inheritdoc />
    public IEnumerable<TBatch> Batches(int epoch)
    {
        var order = Enumerable.Range(0, items.Count).ToArray();
        if (shuffle) new Random(unchecked(seed * 1_000_003 + epoch)) /* not HashCode: randomised per process */.Shuffle(order);
        foreach (int i in order) yield return items[i];
    }
}
