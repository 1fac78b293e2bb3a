namespace RnnTorch.Data.Tests;

public sealed class DataLoaderTests
{
    private static DataLoader<int, int[]> Loader(int count, int batchSize, bool shuffle = false, int seed = 0, bool dropLast = false) =>
        new(new ListDataset<int>(Enumerable.Range(0, count)), batchSize, samples => samples.ToArray(), shuffle, seed, dropLast);

    [Fact]
    public void BatchesInIndexOrderWithASmallerLastBatch()
    {
        var loader = Loader(10, 4);
        int[][] batches = loader.Epoch(0).ToArray();
        Assert.Equal(3, loader.Count);
        Assert.Equal(3, batches.Length);
        Assert.Equal(new[] { 0, 1, 2, 3 }, batches[0]);
        Assert.Equal(new[] { 4, 5, 6, 7 }, batches[1]);
        Assert.Equal(new[] { 8, 9 }, batches[2]);
    }

    [Fact]
    public void DropLastDropsOnlyTheIncompleteBatch()
    {
        var loader = Loader(10, 4, dropLast: true);
        int[][] batches = loader.Epoch(0).ToArray();
        Assert.Equal(2, loader.Count);
        Assert.Equal(new[] { 4, 4 }, batches.Select(b => b.Length));

        var exact = Loader(8, 4, dropLast: true);
        Assert.Equal(2, exact.Count);
        Assert.Equal(8, exact.Epoch(0).Sum(b => b.Length));
    }

    [Fact]
    public void BatchLargerThanDatasetGivesOneBatchOrNone()
    {
        Assert.Single(Loader(3, 5).Epoch(0));
        Assert.Empty(Loader(3, 5, dropLast: true).Epoch(0));
        Assert.Empty(Loader(0, 5).Epoch(0));
    }

    [Fact]
    public void ShuffleVisitsEveryIndexExactlyOncePerEpoch()
    {
        var loader = Loader(101, 8, shuffle: true, seed: 7);
        for (int epoch = 0; epoch < 4; epoch++)
        {
            int[] seen = loader.Epoch(epoch).SelectMany(b => b).ToArray();
            Assert.Equal(101, seen.Length);
            Assert.Equal(Enumerable.Range(0, 101), seen.OrderBy(i => i));
        }
    }

    [Fact]
    public void SameSeedAndEpochGiveTheSameOrder()
    {
        int[] a = Loader(50, 8, shuffle: true, seed: 42).Epoch(3).SelectMany(b => b).ToArray();
        int[] b = Loader(50, 8, shuffle: true, seed: 42).Epoch(3).SelectMany(b => b).ToArray();
        Assert.Equal(a, b);
    }

    [Fact]
    public void DifferentEpochsAndSeedsGiveDifferentOrders()
    {
        var loader = Loader(50, 8, shuffle: true, seed: 42);
        int[] epoch0 = loader.Epoch(0).SelectMany(b => b).ToArray();
        int[] epoch1 = loader.Epoch(1).SelectMany(b => b).ToArray();
        int[] otherSeed = Loader(50, 8, shuffle: true, seed: 43).Epoch(0).SelectMany(b => b).ToArray();
        Assert.NotEqual(epoch0, epoch1);
        Assert.NotEqual(epoch0, otherSeed);
        Assert.NotEqual(Enumerable.Range(0, 50).ToArray(), epoch0);
    }

    [Fact]
    public void EnumeratingTheLoaderIsEpochZero()
    {
        var loader = Loader(20, 3, shuffle: true, seed: 1);
        Assert.Equal(loader.Epoch(0).SelectMany(b => b), loader.SelectMany(b => b));
    }

    [Fact]
    public void ShuffledDropLastDropsTheTailOfThePermutation()
    {
        var loader = Loader(10, 4, shuffle: true, seed: 5, dropLast: true);
        int[] order = loader.Order(2);
        int[] seen = loader.Epoch(2).SelectMany(b => b).ToArray();
        Assert.Equal(order.Take(8), seen);
    }

    [Fact]
    public void CollateReceivesTheSamplesOfEachBatch()
    {
        var dataset = new ListDataset<string>(["a", "bb", "ccc", "dddd", "eeeee"]);
        var loader = new DataLoader<string, string>(dataset, 2, samples => string.Join("|", samples));
        Assert.Equal(new[] { "a|bb", "ccc|dddd", "eeeee" }, loader.Epoch(0));
    }

    [Fact]
    public void FromIndicesCollatesTheGivenBatches()
    {
        var loader = Loader(10, 4);
        int[][] batches = loader.FromIndices([[9, 1], [4]]).ToArray();
        Assert.Equal(new[] { 9, 1 }, batches[0]);
        Assert.Equal(new[] { 4 }, batches[1]);
    }

    [Fact]
    public void RejectsBadArguments()
    {
        var dataset = new ListDataset<int>([1, 2, 3]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader<int, int>(dataset, 0, s => s.Count));
        Assert.Contains("batchSize", e.Message);
        Assert.Contains("0", e.Message);
        Assert.Throws<ArgumentNullException>(() => new DataLoader<int, int>(dataset, 1, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Loader(3, 1).Epoch(-1));
    }
}
