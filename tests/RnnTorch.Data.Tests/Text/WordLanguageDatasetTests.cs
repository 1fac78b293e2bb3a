using System.Text;

namespace RnnTorch.Data.Tests;

public sealed class WordLanguageDatasetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rnn-torch-words-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly WordList[] TwoLists = [new("alpha", "alpha-words", "walpha"), new("beta", "beta-words", "wbeta")];

    private void WriteUtf8(string name, params string[] lines) =>
        File.WriteAllText(Path.Combine(_directory, name), string.Join('\n', lines) + "\n", new UTF8Encoding(false));

    private void WriteLatin1(string name, params string[] lines) =>
        File.WriteAllBytes(Path.Combine(_directory, name), Encoding.Latin1.GetBytes(string.Join('\n', lines) + "\n"));

    [Fact]
    public void ReadWordsLowercasesKeepsLettersOnlyAndDeduplicates()
    {
        WriteUtf8("alpha-words", "Zebra", "zebra", "über", "don't", "x-ray", "abc1", "", "  Apfel  ", "Straße");
        Assert.Equal(["zebra", "über", "apfel", "straße"], WordLanguageDataset.ReadWords(Path.Combine(_directory, "alpha-words")));
    }

    [Fact]
    public void ReadWordsDecodesLatin1WhenTheFileIsNotUtf8()
    {
        // 0xE5 0x73 … is not valid UTF-8, so the file is read as ISO-8859-1.
        WriteLatin1("beta-words", "Måndag", "kärlek", "sjÄlv");
        Assert.Equal(["måndag", "kärlek", "själv"], WordLanguageDataset.ReadWords(Path.Combine(_directory, "beta-words")));
    }

    [Fact]
    public void LoadDrawsABalancedSampleAndDropsWordsOfTwoLanguages()
    {
        WriteUtf8("alpha-words", "aa", "ab", "ac", "shared", "Shared");
        WriteLatin1("beta-words", "bå", "bb", "bc", "bd", "shared");

        WordLanguageDataset dataset = WordLanguageDataset.Load(wordsPerLanguage: 3, seed: 7, directory: _directory, lists: TwoLists);

        Assert.Equal(["alpha", "beta"], dataset.Classes);
        Assert.Equal(6, dataset.Count);
        string[] alpha = [.. Enumerable.Range(0, 6).Where(i => dataset[i].Label == 0).Select(i => dataset[i].Text)];
        string[] beta = [.. Enumerable.Range(0, 6).Where(i => dataset[i].Label == 1).Select(i => dataset[i].Text)];
        Assert.Equal(["aa", "ab", "ac"], alpha.Order(StringComparer.Ordinal));
        Assert.Equal(3, beta.Length);
        Assert.Subset(new HashSet<string> { "bå", "bb", "bc", "bd" }, beta.ToHashSet());
        Assert.DoesNotContain("shared", alpha.Concat(beta));
        for (int i = 0; i < dataset.Count; i++)
        {
            Assert.Equal(dataset[i].Text, dataset.Vocabulary.Decode(dataset[i].Tokens));
        }
        Assert.Equal(TokenLevel.Character, dataset.Vocabulary.Level);
    }

    [Fact]
    public void TheSameSeedDrawsTheSameWords()
    {
        WriteUtf8("alpha-words", [.. Enumerable.Range(0, 60).Select(i => "a" + (char)('a' + i / 26) + (char)('a' + i % 26))]);
        WriteUtf8("beta-words", [.. Enumerable.Range(0, 60).Select(i => "b" + (char)('a' + i / 26) + (char)('a' + i % 26))]);

        string[] Words(int seed)
        {
            WordLanguageDataset d = WordLanguageDataset.Load(wordsPerLanguage: 10, seed: seed, directory: _directory, lists: TwoLists);
            return [.. Enumerable.Range(0, d.Count).Select(i => d[i].Text)];
        }

        Assert.Equal(Words(1), Words(1));
        Assert.NotEqual(Words(1), Words(2));
        Assert.Equal(20, Words(3).Distinct().Count());
    }

    [Fact]
    public void AMissingListNamesTheAptPackage()
    {
        WriteUtf8("alpha-words", "aa");
        var e = Assert.Throws<DataException>(() => WordLanguageDataset.Load(wordsPerLanguage: 1, directory: _directory, lists: TwoLists));
        Assert.Contains("sudo apt-get install wbeta", e.Message);
        Assert.Contains(Path.Combine(_directory, "beta-words"), e.Message);
        Assert.DoesNotContain("walpha", e.Message);
    }

    [Fact]
    public void TooFewWordsIsReported()
    {
        WriteUtf8("alpha-words", "aa", "ab");
        WriteUtf8("beta-words", "ba", "bb", "bc");
        var e = Assert.Throws<DataException>(() => WordLanguageDataset.Load(wordsPerLanguage: 3, directory: _directory, lists: TwoLists));
        Assert.Contains("only 2 words", e.Message);
    }

    [Fact]
    public void RealDebianListsGiveTenBalancedLanguages()
    {
        // The way a user gets it: the word lists that apt installs in /usr/share/dict.
        WordLanguageDataset dataset = WordLanguageDataset.Load(wordsPerLanguage: 500, seed: 1);

        Assert.Equal(["english", "german", "french", "spanish", "italian", "dutch", "portuguese", "swedish", "danish", "norwegian"], dataset.Classes);
        Assert.Equal(5000, dataset.Count);
        var counts = Enumerable.Range(0, dataset.Count).GroupBy(i => dataset[i].Label).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enumerable.Range(0, 10), label => Assert.Equal(500, counts[label]));

        var words = Enumerable.Range(0, dataset.Count).Select(i => dataset[i].Text).ToArray();
        Assert.Equal(words.Length, words.Distinct().Count());
        Assert.All(words, w => Assert.True(w.All(char.IsLetter) && w == w.ToLowerInvariant(), w));
        // Latin-1 lists decoded: Swedish and Norwegian words use å, ä, ö, æ, ø and never the replacement character.
        Assert.DoesNotContain(words, w => w.Contains('\uFFFD'));
        Assert.Contains(Enumerable.Range(0, dataset.Count), i => dataset[i].Label == 7 && dataset[i].Text.IndexOfAny(['å', 'ä', 'ö']) >= 0);
        Assert.Contains(Enumerable.Range(0, dataset.Count), i => dataset[i].Label == 9 && dataset[i].Text.IndexOfAny(['å', 'æ', 'ø']) >= 0);

        Assert.Contains("kärlek", WordLanguageDataset.ReadWords("/usr/share/dict/swedish"));
    }
}
