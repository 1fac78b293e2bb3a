namespace RnnTorch.Data.Tests;

public sealed class SentimentDatasetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rnn-torch-sentiment-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string json)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void FromFilesReadsSentencesInOrderAndSkipsThePlaceholder()
    {
        string shop = Write("shop.json", """[{"text":"Good case, Excellent value.","class":1},{"text":"Bad case.  ","class":0},{"text":"","class":null}]""");
        string food = Write("food.json", """[{"text":"Wow... Loved this place.","class":1},{"text":"","class":null}]""");

        SentimentDataset dataset = SentimentDataset.FromFiles([shop, food]);

        Assert.Equal(3, dataset.Count);
        Assert.Equal(["shop", "shop", "food"], dataset.Sources);
        Assert.Equal("Good case, Excellent value.", dataset[0].Text);
        Assert.Equal("Bad case.", dataset[1].Text);
        Assert.Equal([1, 0, 1], Enumerable.Range(0, 3).Select(i => dataset[i].Label));
        Assert.Equal("good case , excellent value .", dataset.Vocabulary.Decode(dataset[0].Tokens));
        // "." occurs six times and "case" twice, so they have the first ids after the specials.
        Assert.Equal(4, dataset.Vocabulary.IdOf("."));
        Assert.Equal(5, dataset.Vocabulary.IdOf("case"));
        Assert.Equal(["negative", "positive"], SentimentDataset.Classes);
    }

    [Fact]
    public void CharacterLevelKeepsCaseWhenAsked()
    {
        string path = Write("a.json", """[{"text":"Ab","class":1}]""");
        SentimentDataset dataset = SentimentDataset.FromFiles([path], TokenLevel.Character, lowercase: false);
        Assert.Equal("Ab", dataset.Vocabulary.Decode(dataset[0].Tokens));
        Assert.Equal(6, dataset.Vocabulary.Count);
    }

    [Theory]
    [InlineData("""[{"text":"fine","class":2}]""", "entry 0 has class 2")]
    [InlineData("""[{"text":"fine","class":1},{"text":"no label"}]""", "entry 1")]
    [InlineData("""[{"text":"","class":1}]""", "empty text")]
    [InlineData("""{"text":"fine","class":1}""", "JSON array")]
    [InlineData("""[{"text":"fine","class":1}""", "not valid JSON")]
    public void MalformedFixturesAreRejectedNamingFileAndEntry(string json, string expected)
    {
        string path = Write("bad.json", json);
        var e = Assert.Throws<DataException>(() => SentimentDataset.FromFiles([path]));
        Assert.Contains(expected, e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void AMissingFixtureIsReported()
    {
        string path = Path.Combine(_directory, "none.json");
        var e = Assert.Throws<DataException>(() => SentimentDataset.FromFiles([path]));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void RealPackageHasThe3000LabelledSentences()
    {
        // The way a user gets it: npm fetches the package into the (here temporary) cache on first use.
        string cache = Path.Combine(_directory, "cache");
        SentimentDataset dataset = SentimentDataset.Load(cacheRoot: cache);

        Assert.True(DataCache.IsComplete("npm/sentiment@5.0.2", cache));
        Assert.Equal(3000, dataset.Count);
        int[] labels = [.. Enumerable.Range(0, dataset.Count).Select(i => dataset[i].Label)];
        Assert.Equal(1500, labels.Count(l => l == 1));
        foreach (string source in new[] { "amazon", "imdb", "yelp" })
        {
            int[] indices = [.. Enumerable.Range(0, dataset.Count).Where(i => dataset.Sources[i] == source)];
            Assert.Equal(1000, indices.Length);
            Assert.Equal(500, indices.Count(i => labels[i] == 1));
        }

        // First sentences of the Amazon and Yelp files of UCI's corpus.
        Assert.Equal("So there is no way for me to plug it in here in the US unless I go by a converter.", dataset[0].Text);
        Assert.Equal(0, dataset[0].Label);
        Assert.Equal("Good case, Excellent value.", dataset[1].Text);
        Assert.Equal(1, dataset[1].Label);
        Assert.Equal("Wow... Loved this place.", dataset[2000].Text);
        Assert.Equal(1, dataset[2000].Label);
        Assert.Equal("so there is no way for me to plug it in here in the us unless i go by a converter .", dataset.Vocabulary.Decode(dataset[0].Tokens));
    }
}
