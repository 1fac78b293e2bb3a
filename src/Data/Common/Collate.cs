using static RnnTorch.torch;

namespace RnnTorch.Data;

/// <summary>
/// Collate functions for <see cref="DataLoader{T, TBatch}"/>: padding variable-length sequences into a batch with
/// lengths and a mask, sorting by length for packing, and bucketing indices by length.
/// </summary>
public static class Collate
{
    /// <summary>
    /// Pads token sequences into a (N, L) int64 batch, L being the longest length.
    /// </summary>
    /// <param name="sequences">The token ids of each sequence (at least one sequence; a sequence may be empty).</param>
    /// <param name="padValue">The id written at padded positions (by convention 0, <c>&lt;pad&gt;</c>).</param>
    /// <param name="device">Where to create the tensors; null for the CPU.</param>
    /// <returns>Data (N, L) int64, Lengths (N) int64, Mask (N, L) bool.</returns>
    public static PaddedBatch PadTokens(IReadOnlyList<long[]> sequences, long padValue = 0, Device? device = null)
    {
        DataGuard.NotNullOrContainsNull(sequences);
        if (sequences.Count == 0) DataGuard.Throw(nameof(sequences), "must hold at least one sequence, but was empty.");
        int n = sequences.Count;
        int maxLength = sequences.Max(s => s.Length);
        var data = new long[(long)n * maxLength];
        var mask = new bool[data.Length];
        var lengths = new long[n];
        for (int i = 0; i < n; i++)
        {
            long[] sequence = sequences[i];
            lengths[i] = sequence.Length;
            int row = i * maxLength;
            Array.Copy(sequence, 0, data, row, sequence.Length);
            Array.Fill(data, padValue, row + sequence.Length, maxLength - sequence.Length);
            Array.Fill(mask, true, row, sequence.Length);
        }
        return Build(tensor(data, [n, maxLength], device: device), lengths, mask, maxLength, device);
    }

    /// <summary>
    /// Pads sequences of feature frames into a (N, L, F) float32 batch, L being the longest length.
    /// </summary>
    /// <param name="sequences">Each sequence as frames [L][F] (at least one sequence; all frames of all sequences have the same F; a sequence may be empty, but not all of them).</param>
    /// <param name="padValue">The value written at padded positions.</param>
    /// <param name="device">Where to create the tensors; null for the CPU.</param>
    /// <returns>Data (N, L, F) float32, Lengths (N) int64, Mask (N, L) bool.</returns>
    public static PaddedBatch PadFeatures(IReadOnlyList<float[][]> sequences, float padValue = 0f, Device? device = null)
    {
        DataGuard.NotNullOrContainsNull(sequences);
        if (sequences.Count == 0) DataGuard.Throw(nameof(sequences), "must hold at least one sequence, but was empty.");
        int n = sequences.Count;
        int features = -1;
        for (int i = 0; i < n; i++)
        {
            for (int t = 0; t < sequences[i].Length; t++)
            {
                float[]? frame = sequences[i][t];
                if (frame is null) DataGuard.Throw(nameof(sequences), $"sequence {i} frame {t} is null.");
                if (features < 0) features = frame.Length;
                else if (frame.Length != features)
                {
                    DataGuard.Throw(nameof(sequences), $"sequence {i} frame {t} has {frame.Length} features, but earlier frames have {features}.");
                }
            }
        }
        if (features < 0) DataGuard.Throw(nameof(sequences), "holds only empty sequences, so the feature count is unknown.");

        int maxLength = sequences.Max(s => s.Length);
        var data = new float[(long)n * maxLength * features];
        Array.Fill(data, padValue);
        var mask = new bool[(long)n * maxLength];
        var lengths = new long[n];
        for (int i = 0; i < n; i++)
        {
            float[][] sequence = sequences[i];
            lengths[i] = sequence.Length;
            for (int t = 0; t < sequence.Length; t++)
            {
                Array.Copy(sequence[t], 0, data, ((long)i * maxLength + t) * features, features);
            }
            Array.Fill(mask, true, i * maxLength, sequence.Length);
        }
        return Build(tensor(data, [n, maxLength, features], device: device), lengths, mask, maxLength, device);
    }

    /// <summary>
    /// The permutation that orders sequences by decreasing length (ties keep their original order), as
    /// <c>pack_padded_sequence(..., enforce_sorted: true)</c> wants: <c>lengths[p[0]] ≥ lengths[p[1]] ≥ …</c>.
    /// </summary>
    /// <param name="lengths">Each sequence's length.</param>
    /// <returns>p, with the i-th sorted sequence being the original sequence p[i]; <see cref="InversePermutation"/> undoes it.</returns>
    public static int[] SortByLength(IReadOnlyList<int> lengths)
    {
        DataGuard.NotNull(lengths);
        return Enumerable.Range(0, lengths.Count).OrderByDescending(i => lengths[i]).ToArray();
    }

    /// <summary>As <see cref="SortByLength(IReadOnlyList{int})"/>, with the lengths of the given sequences.</summary>
    /// <typeparam name="TElement">The element type.</typeparam>
    /// <param name="sequences">The sequences.</param>
    public static int[] SortByLength<TElement>(IReadOnlyList<TElement[]> sequences)
    {
        DataGuard.NotNullOrContainsNull(sequences);
        return SortByLength(sequences.Select(s => s.Length).ToArray());
    }

    /// <summary>The items in the order of a permutation: result[i] = items[permutation[i]].</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="permutation">A permutation of 0 … items.Count-1 (e.g. from <see cref="SortByLength(IReadOnlyList{int})"/>).</param>
    public static TItem[] Permute<TItem>(IReadOnlyList<TItem> items, IReadOnlyList<int> permutation)
    {
        DataGuard.NotNull(items);
        CheckPermutation(permutation, items.Count);
        var result = new TItem[items.Count];
        for (int i = 0; i < result.Length; i++) result[i] = items[permutation[i]];
        return result;
    }

    /// <summary>The inverse permutation q of p (q[p[i]] = i): it puts sorted results back in the original order.</summary>
    /// <param name="permutation">A permutation of 0 … n-1.</param>
    public static int[] InversePermutation(IReadOnlyList<int> permutation)
    {
        DataGuard.NotNull(permutation);
        CheckPermutation(permutation, permutation.Count);
        var inverse = new int[permutation.Count];
        for (int i = 0; i < inverse.Length; i++) inverse[permutation[i]] = i;
        return inverse;
    }

    /// <summary>
    /// Batches of dataset indices grouped by similar length (bucketing), so that a batch wastes little padding.
    /// </summary>
    /// <param name="lengths">Each sample's length (index i is sample i of the dataset).</param>
    /// <param name="batchSize">The number of indices per batch.</param>
    /// <param name="seed">The seed; with <paramref name="epoch"/> it fixes the result (System.Random, not libtorch's generator).</param>
    /// <param name="epoch">The epoch: each epoch gets its own grouping and batch order.</param>
    /// <param name="dropLast">Whether to drop the batches smaller than <paramref name="batchSize"/>.</param>
    /// <param name="poolBatches">How many batches' worth of indices are sorted together: the indices are shuffled,
    /// cut into pools of <c>poolBatches × batchSize</c>, each pool is sorted by length and cut into batches, and the
    /// batches are shuffled. Larger pools give tighter lengths per batch and less randomness; a pool as large as the
    /// dataset sorts it whole.</param>
    /// <returns>The batches; without <paramref name="dropLast"/> every index appears in exactly one batch.
    /// Feed them to <see cref="DataLoader{T, TBatch}.FromIndices"/>.</returns>
    public static int[][] BucketBatches(IReadOnlyList<int> lengths, int batchSize, int seed, int epoch = 0, bool dropLast = false, int poolBatches = 50)
    {
        DataGuard.NotNull(lengths);
        DataGuard.Positive(batchSize);
        DataGuard.NotNegative(epoch);
        DataGuard.Positive(poolBatches);
        var random = new Random(DataLoader<int, int>.EpochSeed(seed, epoch));
        int[] order = Enumerable.Range(0, lengths.Count).ToArray();
        random.Shuffle(order);

        long poolSize = (long)poolBatches * batchSize;
        var batches = new List<int[]>();
        for (long start = 0; start < order.Length; start += poolSize)
        {
            int size = (int)Math.Min(poolSize, order.Length - start);
            int[] pool = order.AsSpan((int)start, size).ToArray()
                .OrderByDescending(i => lengths[i]) // stable: equal lengths keep their shuffled order
                .ToArray();
            for (int b = 0; b < pool.Length; b += batchSize)
            {
                int count = Math.Min(batchSize, pool.Length - b);
                if (dropLast && count < batchSize) continue;
                batches.Add(pool.AsSpan(b, count).ToArray());
            }
        }
        int[][] result = batches.ToArray();
        random.Shuffle(result);
        return result;
    }

    private static PaddedBatch Build(Tensor data, long[] lengths, bool[] mask, int maxLength, Device? device)
    {
        Tensor? lengthTensor = null;
        try
        {
            lengthTensor = tensor(lengths, [lengths.Length], device: device);
            Tensor maskTensor = tensor(mask, [lengths.Length, maxLength], device: device);
            return new PaddedBatch(data, lengthTensor, maskTensor);
        }
        catch
        {
            data.Dispose();
            lengthTensor?.Dispose();
            throw;
        }
    }

    private static void CheckPermutation(IReadOnlyList<int> permutation, int count)
    {
        DataGuard.NotNull(permutation);
        if (permutation.Count != count) DataGuard.Throw(nameof(permutation), $"must have {count} entries, but has {permutation.Count}.");
        var seen = new bool[count];
        for (int i = 0; i < count; i++)
        {
            int p = permutation[i];
            if ((uint)p >= (uint)count || seen[p]) DataGuard.Throw(nameof(permutation), $"is not a permutation of 0 … {count - 1}: entry {i} is {p}.");
            seen[p] = true;
        }
    }
}
