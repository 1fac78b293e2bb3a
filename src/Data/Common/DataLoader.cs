using System.Collections;

namespace RnnTorch.Data;

/// <summary>
/// Batches a dataset, in the spirit of TorchSharp's <c>DataLoader</c>: batch size, a seeded shuffle per epoch,
/// drop_last and a collate function that turns a list of samples into a batch.
/// </summary>
/// <typeparam name="T">The sample type.</typeparam>
/// <typeparam name="TBatch">The batch type the collate function makes (e.g. <see cref="PaddedBatch"/>).</typeparam>
/// <remarks>
/// The shuffle uses <see cref="System.Random"/> seeded from the seed and the epoch (never libtorch's generator), so
/// the same seed and epoch always give the same order, different epochs give different orders, and every index
/// appears exactly once per epoch. Batches are made lazily, one at a time.
/// </remarks>
public sealed class DataLoader<T, TBatch> : IEnumerable<TBatch>
{
    private readonly Func<IReadOnlyList<T>, TBatch> _collate;

    /// <summary>Creates the loader.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="batchSize">The number of samples per batch (the last batch may be smaller unless <paramref name="dropLast"/>).</param>
    /// <param name="collate">Turns a list of samples into a batch.</param>
    /// <param name="shuffle">Whether to visit the samples in a seeded random order (else in index order).</param>
    /// <param name="seed">The shuffle's seed.</param>
    /// <param name="dropLast">Whether to drop the last batch when it is smaller than <paramref name="batchSize"/>.</param>
    public DataLoader(Dataset<T> dataset, int batchSize, Func<IReadOnlyList<T>, TBatch> collate, bool shuffle = false, int seed = 0, bool dropLast = false)
    {
        DataGuard.NotNull(dataset);
        DataGuard.Positive(batchSize);
        DataGuard.NotNull(collate);
        Dataset = dataset;
        BatchSize = batchSize;
        _collate = collate;
        Shuffle = shuffle;
        Seed = seed;
        DropLast = dropLast;
    }

    /// <summary>The dataset.</summary>
    public Dataset<T> Dataset { get; }

    /// <summary>The number of samples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether the samples are visited in a seeded random order.</summary>
    public bool Shuffle { get; }

    /// <summary>The shuffle's seed.</summary>
    public int Seed { get; }

    /// <summary>Whether a last, smaller batch is dropped.</summary>
    public bool DropLast { get; }

    /// <summary>The number of batches per epoch.</summary>
    public int Count => DropLast ? Dataset.Count / BatchSize : (Dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>
    /// The order in which epoch <paramref name="epoch"/> visits the dataset's indices (a permutation of 0 … Count-1;
    /// the identity when not shuffling). Batches are consecutive runs of it.
    /// </summary>
    /// <param name="epoch">The epoch, from 0.</param>
    public int[] Order(int epoch)
    {
        DataGuard.NotNegative(epoch);
        int[] order = Enumerable.Range(0, Dataset.Count).ToArray();
        if (Shuffle) new Random(EpochSeed(Seed, epoch)).Shuffle(order);
        return order;
    }

    /// <summary>The batches of epoch <paramref name="epoch"/>, in order.</summary>
    /// <param name="epoch">The epoch, from 0; with shuffling each epoch has its own order.</param>
    public IEnumerable<TBatch> Epoch(int epoch)
    {
        int[] order = Order(epoch);
        return Batches(order);
    }

    /// <summary>The batches of epoch 0.</summary>
    public IEnumerator<TBatch> GetEnumerator() => Epoch(0).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Batches given as lists of dataset indices (e.g. from <see cref="Collate.BucketBatches"/>), collated in order.
    /// </summary>
    /// <param name="batches">Each batch's indices.</param>
    public IEnumerable<TBatch> FromIndices(IEnumerable<int[]> batches)
    {
        DataGuard.NotNull(batches);
        return Iterate();

        IEnumerable<TBatch> Iterate()
        {
            foreach (int[] indices in batches)
            {
                DataGuard.NotNull(indices, nameof(batches));
                var samples = new T[indices.Length];
                for (int i = 0; i < indices.Length; i++) samples[i] = Dataset[indices[i]];
                yield return _collate(samples);
            }
        }
    }

    /// <summary>A seed for one epoch, mixed from the loader's seed and the epoch (SplitMix-style, so nearby seeds and epochs give unrelated streams).</summary>
    internal static int EpochSeed(int seed, int epoch)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32 | (uint)epoch) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)z);
    }

    private IEnumerable<TBatch> Batches(int[] order)
    {
        int batches = Count;
        for (int b = 0; b < batches; b++)
        {
            int start = b * BatchSize;
            int size = Math.Min(BatchSize, order.Length - start);
            var samples = new T[size];
            for (int i = 0; i < size; i++) samples[i] = Dataset[order[start + i]];
            yield return _collate(samples);
        }
    }
}
