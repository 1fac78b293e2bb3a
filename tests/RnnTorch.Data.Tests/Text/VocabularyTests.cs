namespace RnnTorch.Data.Tests;

public sealed class VocabularyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rnn-torch-vocab-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void SpecialsHaveTheFixedIds()
    {
        Vocabulary vocabulary = Vocabulary.Build(["xy"], TokenLevel.Character);
        Assert.Equal(["<pad>", "<unk>", "<bos>", "<eos>"], vocabulary.Tokens.Take(4));
        Assert.Equal(0, vocabulary.IdOf("<pad>"));
        Assert.Equal(1, vocabulary.IdOf("<unk>"));
        Assert.Equal(2, vocabulary.IdOf("<bos>"));
        Assert.Equal(3, vocabulary.IdOf("<eos>"));
        Assert.Equal(6, vocabulary.Count);
    }

    [Fact]
    public void CharactersAreOrderedByFrequencyThenOrdinally()
    {
        // a: 3, b: 2, c: 2, d: 1 → a, b, c (tie broken ordinally), d.
        Vocabulary vocabulary = Vocabulary.Build(["abca", "dcba"], TokenLevel.Character);
        Assert.Equal(["a", "b", "c", "d"], vocabulary.Tokens.Skip(4));
        Assert.Equal([4L, 5L, 6L, 7L], vocabulary.Encode("abcd"));
    }

    [Fact]
    public void MinFrequencyDropsRareTokensWhichThenEncodeAsUnknown()
    {
        // a: 3, b: 2, c: 1; min frequency 2 keeps a and b only.
        Vocabulary vocabulary = Vocabulary.Build(["aab", "abc"], TokenLevel.Character, minFrequency: 2);
        Assert.Equal(6, vocabulary.Count);
        Assert.False(vocabulary.Contains("c"));
        Assert.Equal([4L, 5L, 1L, 1L], vocabulary.Encode("abcz"));
    }

    [Fact]
    public void MaxSizeKeepsTheMostFrequent()
    {
        Vocabulary vocabulary = Vocabulary.Build(["aaabbc"], TokenLevel.Character, maxSize: 6);
        Assert.Equal(["a", "b"], vocabulary.Tokens.Skip(4));
    }

    [Fact]
    public void WordsSplitOnSpaceAndPunctuationAndKeepInnerApostrophes()
    {
        Vocabulary vocabulary = Vocabulary.Build(["x"], TokenLevel.Word, lowercase: true);
        Assert.Equal(["don't", "stop", ",", "45", "times", "!"], vocabulary.Tokenize("Don't  stop, 45 TIMES!"));
        Assert.Equal(["'", "the", "trap", "!", "'"], vocabulary.Tokenize("'The Trap!'"));
    }

    [Fact]
    public void WordVocabularyCountsWordsAndLowercases()
    {
        Vocabulary vocabulary = Vocabulary.Build(["The cat sat.", "the dog"], TokenLevel.Word, lowercase: true);
        // the: 2, then ".", cat, dog, sat once each in ordinal order ("." < letters).
        Assert.Equal(["the", ".", "cat", "dog", "sat"], vocabulary.Tokens.Skip(4));
        Assert.Equal([4L, 6L, 1L, 5L], vocabulary.Encode("THE cat ran."));
    }

    [Fact]
    public void EncodeAddsBeginAndEndWhenAsked()
    {
        Vocabulary vocabulary = Vocabulary.Build(["ab"], TokenLevel.Character);
        Assert.Equal([2L, 4L, 5L, 3L], vocabulary.Encode("ab", addBegin: true, addEnd: true));
    }

    [Fact]
    public void CharacterRoundTripRestoresTheText()
    {
        const string text = "Call me Ishmael. Some years ago—never mind how long 😀";
        Vocabulary vocabulary = Vocabulary.Build([text], TokenLevel.Character);
        long[] ids = vocabulary.Encode(text, addBegin: true, addEnd: true);
        Assert.Equal(text.EnumerateRunes().Count() + 2, ids.Length);
        Assert.Equal(text, vocabulary.Decode(ids));
    }

    [Fact]
    public void WordDecodeJoinsWithSpacesAndShowsUnknowns()
    {
        Vocabulary vocabulary = Vocabulary.Build(["good case , excellent value"], TokenLevel.Word);
        long[] ids = vocabulary.Encode("good phone , excellent value");
        Assert.Equal("good <unk> , excellent value", vocabulary.Decode(ids));
        Assert.Equal("<bos> good <unk> , excellent value <eos> <pad>", vocabulary.Decode([2L, .. ids, 3L, 0L], skipSpecials: false));
    }

    [Fact]
    public void DecodeRejectsAnIdOutOfRange()
    {
        Vocabulary vocabulary = Vocabulary.Build(["ab"], TokenLevel.Character);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.Decode([4L, 6L]));
        Assert.Contains("6", e.Message);
    }

    [Fact]
    public void SaveAndLoadKeepTokensIdsLevelAndCase()
    {
        Vocabulary original = Vocabulary.Build(["Ünïcode words, \"quoted\" and <tags>", "words again"], TokenLevel.Word, lowercase: true);
        string path = Path.Combine(_directory, "vocab.json");
        original.Save(path);

        Vocabulary loaded = Vocabulary.Load(path);
        Assert.Equal(original.Tokens, loaded.Tokens);
        Assert.Equal(TokenLevel.Word, loaded.Level);
        Assert.True(loaded.Lowercase);
        Assert.Equal(original.Encode("WORDS and more <tags>"), loaded.Encode("WORDS and more <tags>"));
        Assert.Contains("\"rnn-torch-vocabulary\"", File.ReadAllText(path));
    }

    [Fact]
    public void FromTokensAssignsIdsInTheOrderGiven()
    {
        Vocabulary vocabulary = Vocabulary.FromTokens(["z", "y"], TokenLevel.Character);
        Assert.Equal([4L, 5L, 1L], vocabulary.Encode("zyx"));
        Assert.Throws<ArgumentException>(() => Vocabulary.FromTokens(["z", "z"], TokenLevel.Character));
        Assert.Throws<ArgumentException>(() => Vocabulary.FromTokens(["<unk>"], TokenLevel.Character));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"format":"other","version":1,"level":"word","lowercase":false,"tokens":["<pad>","<unk>","<bos>","<eos>"]}""", "format")]
    [InlineData("""{"format":"rnn-torch-vocabulary","version":2,"level":"word","lowercase":false,"tokens":["<pad>","<unk>","<bos>","<eos>"]}""", "version 2")]
    [InlineData("""{"format":"rnn-torch-vocabulary","version":1,"level":"byte","lowercase":false,"tokens":["<pad>","<unk>","<bos>","<eos>"]}""", "level")]
    [InlineData("""{"format":"rnn-torch-vocabulary","version":1,"level":"word","lowercase":false,"tokens":["<unk>","<pad>","<bos>","<eos>"]}""", "specials")]
    [InlineData("""{"format":"rnn-torch-vocabulary","version":1,"level":"word","lowercase":false,"tokens":["<pad>","<unk>","<bos>","<eos>","a","a"]}""", "twice")]
    public void LoadRejectsWhatIsNotASavedVocabulary(string json, string expected)
    {
        string path = Path.Combine(_directory, "bad.json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<DataException>(() => Vocabulary.Load(path));
        Assert.Contains(expected, e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void LoadOfAMissingFileSaysSo()
    {
        string path = Path.Combine(_directory, "missing.json");
        var e = Assert.Throws<DataException>(() => Vocabulary.Load(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void GuardsNameTheBadValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(["a"], TokenLevel.Character, minFrequency: 0));
        Assert.Equal("minFrequency", e.ParamName);
        var s = Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(["a"], TokenLevel.Character, maxSize: 3));
        Assert.Contains("3", s.Message);
    }
}
