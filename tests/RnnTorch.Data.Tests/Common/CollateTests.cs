using static RnnTorch.torch;

namespace RnnTorch.Data.Tests;

public sealed class CollateTests
{
    [Fact]
    public void PadTokensPadsToTheLongestWithLengthsAndMask()
    {
        using var batch = Collate.PadTokens([[5, 6, 7], [8], []], padValue: 0);
        Assert.Equal(new long[] { 3, 3 }, batch.Data.shape);
        Assert.Equal(ScalarType.Int64, batch.Data.dtype);
        Assert.Equal(new long[] { 5, 6, 7, 8, 0, 0, 0, 0, 0 }, batch.Data.data<long>().ToArray());

        Assert.Equal(new long[] { 3 }, batch.Lengths.shape);
        Assert.Equal(ScalarType.Int64, batch.Lengths.dtype);
        Assert.Equal(new long[] { 3, 1, 0 }, batch.Lengths.data<long>().ToArray());

        Assert.Equal(new long[] { 3, 3 }, batch.Mask.shape);
        Assert.Equal(ScalarType.Bool, batch.Mask.dtype);
        Assert.Equal(new[] { true, true, true, true, false, false, false, false, false }, batch.Mask.data<bool>().ToArray());
    }

    [Fact]
    public void PadTokensWritesThePadValue()
    {
        using var batch = Collate.PadTokens([[1], [2, 3]], padValue: -9);
        Assert.Equal(new long[] { 1, -9, 2, 3 }, batch.Data.data<long>().ToArray());
    }

    [Fact]
    public void PadFeaturesGivesNByLByFFloat32()
    {
        float[][] a = [[1f, 2f], [3f, 4f], [5f, 6f]];
        float[][] b = [[7f, 8f]];
        using var batch = Collate.PadFeatures([a, b]);
        Assert.Equal(new long[] { 2, 3, 2 }, batch.Data.shape);
        Assert.Equal(ScalarType.Float32, batch.Data.dtype);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0 }, batch.Data.data<float>().ToArray());
        Assert.Equal(new long[] { 3, 1 }, batch.Lengths.data<long>().ToArray());
        Assert.Equal(new long[] { 2, 3 }, batch.Mask.shape);
        Assert.Equal(new[] { true, true, true, true, false, false }, batch.Mask.data<bool>().ToArray());
    }

    [Fact]
    public void PadFeaturesRejectsRaggedFeatureCounts()
    {
        float[][] a = [[1f, 2f]];
        float[][] b = [[1f, 2f, 3f]];
        var e = Assert.Throws<ArgumentException>(() => Collate.PadFeatures([a, b]));
        Assert.Contains("sequence 1 frame 0 has 3 features", e.Message);
    }

    [Fact]
    public void PaddingRejectsAnEmptyBatch()
    {
        var e = Assert.Throws<ArgumentException>(() => Collate.PadTokens(Array.Empty<long[]>()));
        Assert.Contains("sequences", e.Message);
    }

    [Fact]
    public void MaskSumEqualsLengthsPerRow()
    {
        var random = new Random(3);
        long[][] sequences = Enumerable.Range(0, 12).Select(_ => Enumerable.Range(0, random.Next(0, 9)).Select(v => (long)v + 1).ToArray()).ToArray();
        using var batch = Collate.PadTokens(sequences);
        using var rowSums = batch.Mask.sum(1);
        Assert.Equal(sequences.Select(s => (long)s.Length), rowSums.data<long>().ToArray());
    }

    [Fact]
    public void SortByLengthGivesADescendingStablePermutation()
    {
        int[] lengths = [2, 5, 1, 5, 3];
        int[] p = Collate.SortByLength(lengths);
        Assert.Equal(new[] { 1, 3, 4, 0, 2 }, p);
        Assert.Equal(new[] { 5, 5, 3, 2, 1 }, p.Select(i => lengths[i]));
    }

    [Fact]
    public void InversePermutationRestoresTheOriginalOrder()
    {
        string[] items = ["aa", "b", "cccc", "ddd"];
        int[] p = Collate.SortByLength(items.Select(s => s.ToCharArray()).ToArray());
        string[] sorted = Collate.Permute(items, p);
        Assert.Equal(new[] { "cccc", "ddd", "aa", "b" }, sorted);
        Assert.Equal(items, Collate.Permute(sorted, Collate.InversePermutation(p)));
    }

    [Fact]
    public void PermuteRejectsANonPermutation()
    {
        Assert.Throws<ArgumentException>(() => Collate.Permute(new[] { 1, 2 }, new[] { 0, 0 }));
        Assert.Throws<ArgumentException>(() => Collate.InversePermutation(new[] { 0, 2 }));
    }

    [Fact]
    public void BucketBatchesCoverEveryIndexOnce()
    {
        var random = new Random(11);
        int[] lengths = Enumerable.Range(0, 203).Select(_ => random.Next(1, 100)).ToArray();
        int[][] batches = Collate.BucketBatches(lengths, batchSize: 8, seed: 4, poolBatches: 5);
        Assert.Equal(Enumerable.Range(0, 203), batches.SelectMany(b => b).OrderBy(i => i));
        Assert.All(batches, b => Assert.InRange(b.Length, 1, 8));
        Assert.Equal(26, batches.Length); // 203 = 40 + 40 + 40 + 40 + 40 + 3; ceil(40/8) = 5 per full pool, 1 for the rest
    }

    [Fact]
    public void BucketBatchesWithOnePoolGroupDisjointLengthRanges()
    {
        var random = new Random(12);
        int[] lengths = Enumerable.Range(0, 64).Select(_ => random.Next(1, 1000)).ToArray();
        int[][] batches = Collate.BucketBatches(lengths, batchSize: 8, seed: 1, poolBatches: 100);
        // With one pool the dataset is sorted whole, so the batches are consecutive runs of the sorted lengths.
        var ranges = batches.Select(b => (Min: b.Min(i => lengths[i]), Max: b.Max(i => lengths[i]))).OrderBy(r => r.Min).ToArray();
        for (int i = 1; i < ranges.Length; i++) Assert.True(ranges[i - 1].Max <= ranges[i].Min, $"batch ranges overlap: {ranges[i - 1]} and {ranges[i]}");
    }

    [Fact]
    public void BucketBatchesWasteLessPaddingThanRandomBatches()
    {
        var random = new Random(13);
        int[] lengths = Enumerable.Range(0, 400).Select(_ => random.Next(1, 200)).ToArray();
        long Padding(IEnumerable<int[]> batches) => batches.Sum(b => (long)b.Length * b.Max(i => lengths[i]) - b.Sum(i => (long)lengths[i]));
        long bucketed = Padding(Collate.BucketBatches(lengths, 16, seed: 2, poolBatches: 10));
        long plain = Padding(Enumerable.Range(0, 400).Chunk(16));
        Assert.True(bucketed * 3 < plain, $"bucketed padding {bucketed} vs. plain {plain}");
    }

    [Fact]
    public void BucketBatchesAreSeededPerEpoch()
    {
        int[] lengths = Enumerable.Range(0, 100).Select(i => i % 17).ToArray();
        int[][] a = Collate.BucketBatches(lengths, 4, seed: 9, epoch: 2);
        int[][] b = Collate.BucketBatches(lengths, 4, seed: 9, epoch: 2);
        int[][] c = Collate.BucketBatches(lengths, 4, seed: 9, epoch: 3);
        Assert.Equal(a, b);
        Assert.NotEqual(a.SelectMany(x => x), c.SelectMany(x => x));
    }

    [Fact]
    public void BucketBatchesDropLastKeepsOnlyFullBatches()
    {
        int[] lengths = Enumerable.Range(0, 30).ToArray();
        int[][] batches = Collate.BucketBatches(lengths, 8, seed: 0, dropLast: true, poolBatches: 100);
        Assert.Equal(3, batches.Length);
        Assert.All(batches, b => Assert.Equal(8, b.Length));
        Assert.Equal(24, batches.SelectMany(b => b).Distinct().Count());
    }

    [Fact]
    public void LoaderWithPadTokensCollateMakesPaddedBatches()
    {
        var dataset = new ListDataset<long[]>([[1, 2], [3], [4, 5, 6], [7]]);
        var loader = new DataLoader<long[], PaddedBatch>(dataset, 2, samples => Collate.PadTokens(samples));
        PaddedBatch[] batches = loader.Epoch(0).ToArray();
        try
        {
            Assert.Equal(new long[] { 2, 2 }, batches[0].Data.shape);
            Assert.Equal(new long[] { 2, 3 }, batches[1].Data.shape);
            Assert.Equal(new long[] { 3, 1 }, batches[1].Lengths.data<long>().ToArray());
        }
        finally
        {
            foreach (var b in batches) b.Dispose();
        }
    }
}
