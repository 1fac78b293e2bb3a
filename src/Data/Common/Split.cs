namespace RnnTorch.Data;

/// <summary>
/// Splitting a dataset's indices into parts (train / validation / test …): at random by fraction, or by time
/// (contiguous, in order, no shuffling).
/// </summary>
/// <remarks>
/// Part sizes, as in PyTorch's <c>random_split</c>: part i gets ⌊count × fractions[i]⌋ indices, and the indices left
/// over are handed out one each to the parts in order. The fractions must be non-negative and sum to 1 (within 1e-6).
/// </remarks>
public static class Split
{
    /// <summary>
    /// A seeded random split: disjoint parts that together hold every index once; each part's indices ascending.
    /// </summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="fractions">Each part's fraction (e.g. 0.8, 0.1, 0.1).</param>
    /// <param name="seed">The seed (System.Random): the same seed gives the same split.</param>
    public static int[][] ByFraction(int count, IReadOnlyList<double> fractions, int seed)
    {
        int[] sizes = Sizes(count, fractions);
        int[] order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var parts = new int[sizes.Length][];
        int start = 0;
        for (int p = 0; p < sizes.Length; p++)
        {
            parts[p] = order.AsSpan(start, sizes[p]).ToArray();
            Array.Sort(parts[p]);
            start += sizes[p];
        }
        return parts;
    }

    /// <summary>
    /// A split by time: part 0 holds the first indices, part 1 the next ones, and so on (contiguous, ascending).
    /// </summary>
    /// <param name="count">The number of samples, in time order.</param>
    /// <param name="fractions">Each part's fraction (e.g. 0.7, 0.15, 0.15).</param>
    public static int[][] ByTime(int count, IReadOnlyList<double> fractions)
    {
        int[] sizes = Sizes(count, fractions);
        var parts = new int[sizes.Length][];
        int start = 0;
        for (int p = 0; p < sizes.Length; p++)
        {
            parts[p] = Enumerable.Range(start, sizes[p]).ToArray();
            start += sizes[p];
        }
        return parts;
    }

    /// <summary>The part sizes for <paramref name="count"/> samples (see the class remarks); they sum to <paramref name="count"/>.</summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="fractions">Each part's fraction.</param>
    public static int[] Sizes(int count, IReadOnlyList<double> fractions)
    {
        DataGuard.NotNegative(count);
        DataGuard.NotNull(fractions);
        if (fractions.Count == 0) DataGuard.Throw(nameof(fractions), "must hold at least one fraction, but was empty.");
        for (int i = 0; i < fractions.Count; i++)
        {
            if (!(fractions[i] >= 0 && fractions[i] <= 1)) DataGuard.Throw(nameof(fractions), $"must each be in [0, 1], but fraction {i} was {fractions[i]}.");
        }
        double sum = fractions.Sum();
        if (Math.Abs(sum - 1) > 1e-6) DataGuard.Throw(nameof(fractions), $"must sum to 1, but sum to {sum} ({string.Join(", ", fractions)}).");

        var sizes = new int[fractions.Count];
        int assigned = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            sizes[i] = (int)Math.Floor(count * fractions[i]);
            assigned += sizes[i];
        }
        for (int i = 0; assigned < count; i = (i + 1) % sizes.Length)
        {
            sizes[i]++;
            assigned++;
        }
        return sizes;
    }
}
