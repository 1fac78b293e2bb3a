namespace RnnTorch.Training;

/// <summary>
/// The training data as the trainer sees it: how many batches an epoch has, and the batches of a given epoch in a
/// deterministic order (shuffled with a seed derived from the epoch), so that a resumed run sees the same batches.
/// </summary>
public interface IBatchSource<out TBatch>
{
    /// <summary>The number of batches in each epoch.</summary>
    int Count { get; }

    /// <summary>The batches of epoch <paramref name="epoch"/> (0-based), always in the same order for the same epoch.</summary>
    IEnumerable<TBatch> Batches(int epoch);
}
