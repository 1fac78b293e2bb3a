using System.Text;

namespace RnnTorch.Data;

/// <summary>
/// <c>word-language</c>: which language a word is, from Debian's word lists in <c>/usr/share/dict</c>
/// (the classic names-classification task); many-to-one at character level.
/// </summary>
/// <remarks>
/// <para>Each list is read as UTF-8 when it is valid UTF-8 and as ISO-8859-1 (Latin-1) otherwise (Debian ships
/// <c>swedish</c>, <c>bokmaal</c> and <c>nynorsk</c> in ISO-8859-1). Every line is trimmed and lower-cased
/// (invariant culture); only words made of letters alone are kept (no apostrophes, hyphens, digits or combining
/// marks), each once. A word that is in more than one of the chosen lists (e.g. <c>a</c>, <c>hotel</c>) has no single
/// label and is left out. Then <c>wordsPerLanguage</c> words are drawn from each language without replacement by a
/// <see cref="Random"/> seeded with <c>seed</c> (the same seed gives the same words), so the classes are balanced.</para>
/// <para>The examples come language by language, in the order of the lists, each language's words in drawn order;
/// label i is <see cref="Classes"/>[i]. The character vocabulary is built from all drawn words.</para>
/// </remarks>
public sealed class WordLanguageDataset : Dataset<TextExample>
{
    /// <summary>Where Debian installs its word lists.</summary>
    public const string DefaultDirectory = "/usr/share/dict";

    /// <summary>
    /// The ten default languages: English (<c>wamerican</c>), German (<c>wngerman</c>), French, Spanish, Italian, Dutch,
    /// Portuguese, Swedish, Danish and Norwegian Bokmål (<c>wnorwegian</c>'s <c>bokmaal</c>; Nynorsk is left out, as it
    /// shares most of its words with Bokmål).
    /// </summary>
    public static IReadOnlyList<WordList> DefaultLists { get; } =
    [
        new("english", "american-english", "wamerican"),
        new("german", "ngerman", "wngerman"),
        new("french", "french", "wfrench"),
        new("spanish", "spanish", "wspanish"),
        new("italian", "italian", "witalian"),
        new("dutch", "dutch", "wdutch"),
        new("portuguese", "portuguese", "wportuguese"),
        new("swedish", "swedish", "wswedish"),
        new("danish", "danish", "wdanish"),
        new("norwegian", "bokmaal", "wnorwegian"),
    ];

    /// <summary>What the registry says about this dataset.</summary>
    public static DatasetInfo Info { get; } = new(
        "word-language",
        "language of a word (10 languages)",
        "many-to-one (character level)",
        "10 × 2,000 words by default (balanced, seeded sample)",
        "Debian word lists in /usr/share/dict (wamerican, wngerman, wfrench, wspanish, witalian, wdutch, wportuguese, wswedish, wdanish, wnorwegian)",
        "free (GPL/LGPL/BSD-style, per package; see /usr/share/doc/<package>/copyright)",
        "sudo apt-get install wamerican wngerman wfrench wspanish witalian wdutch wportuguese wswedish wdanish wnorwegian");

    private readonly TextExample[] _examples;
    private readonly string[] _classes;

    private WordLanguageDataset(TextExample[] examples, string[] classes, Vocabulary vocabulary)
    {
        _examples = examples;
        _classes = classes;
        Vocabulary = vocabulary;
    }

    /// <summary>The language names by label.</summary>
    public IReadOnlyList<string> Classes => _classes;

    /// <summary>The character vocabulary the examples' tokens come from.</summary>
    public Vocabulary Vocabulary { get; }

    /// <inheritdoc/>
    public override int Count => _examples.Length;

    /// <inheritdoc/>
    public override TextExample this[int index]
    {
        get
        {
            CheckIndex(index);
            return _examples[index];
        }
    }

    /// <summary>
    /// Reads the word lists and draws a balanced, seeded sample (see the class remarks).
    /// </summary>
    /// <param name="wordsPerLanguage">How many words to draw from each language.</param>
    /// <param name="seed">The seed of the draw.</param>
    /// <param name="minFrequency">The least number of occurrences a character needs to get its own id.</param>
    /// <param name="directory">The directory of the lists; null for <see cref="DefaultDirectory"/>.</param>
    /// <param name="lists">The languages (at least two, distinct names); null for <see cref="DefaultLists"/>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DataException">A list is missing (the message names the apt packages to install) or has
    /// fewer than <paramref name="wordsPerLanguage"/> usable words.</exception>
    public static WordLanguageDataset Load(int wordsPerLanguage = 2000, int seed = 0, int minFrequency = 1, string? directory = null, IReadOnlyList<WordList>? lists = null)
    {
        DataGuard.Positive(wordsPerLanguage);
        DataGuard.Positive(minFrequency);
        directory ??= DefaultDirectory;
        lists ??= DefaultLists;
        DataGuard.NotNullOrContainsNull(lists);
        if (lists.Count < 2) DataGuard.Throw(nameof(lists), $"must name at least two languages, but named {lists.Count}.");
        if (lists.Select(l => l.Language).Distinct(StringComparer.Ordinal).Count() != lists.Count)
        {
            DataGuard.Throw(nameof(lists), $"must name each language once, but named {string.Join(", ", lists.Select(l => l.Language))}.");
        }

        string[] paths = [.. lists.Select(l => Path.Combine(directory, l.FileName))];
        var missing = lists.Where((_, i) => !File.Exists(paths[i])).ToArray();
        if (missing.Length > 0)
        {
            string files = string.Join(", ", missing.Select(l => Path.Combine(directory, l.FileName)));
            string packages = string.Join(' ', missing.Select(l => l.AptPackage).Distinct(StringComparer.Ordinal));
            throw new DataException($"word-language needs the word list{(missing.Length > 1 ? "s" : "")} {files}: install {(missing.Length > 1 ? "them" : "it")} with `sudo apt-get install {packages}`.");
        }

        var words = new string[lists.Count][];
        var sets = new HashSet<string>[lists.Count];
        Parallel.For(0, lists.Count, i =>
        {
            (words[i], sets[i]) = ReadWordSet(paths[i]);
        });

        var random = new Random(seed);
        var examples = new List<(string Word, int Label)>(wordsPerLanguage * lists.Count);
        for (int label = 0; label < lists.Count; label++)
        {
            // Partial Fisher–Yates over the list in file order; a word that another list has is swapped out and
            // discarded, so the kept words are a uniform draw without replacement from the unambiguous ones.
            string[] candidates = (string[])words[label].Clone();
            int taken = 0;
            int end = candidates.Length;
            while (taken < wordsPerLanguage && taken < end)
            {
                int j = random.Next(taken, end);
                string word = candidates[j];
                if (IsInAnotherList(word, label, sets))
                {
                    candidates[j] = candidates[--end];
                    continue;
                }
                (candidates[taken], candidates[j]) = (word, candidates[taken]);
                examples.Add((word, label));
                taken++;
            }
            if (taken < wordsPerLanguage)
            {
                throw new DataException($"The word list {paths[label]} ({lists[label].Language}) has only {taken} words of letters alone that no other chosen list has; ask for at most that many words per language (asked for {wordsPerLanguage}).");
            }
        }

        Vocabulary vocabulary = Vocabulary.Build(examples.Select(e => e.Word), TokenLevel.Character, minFrequency);
        return new WordLanguageDataset(
            [.. examples.Select(e => new TextExample(e.Word, vocabulary.Encode(e.Word), e.Label))],
            [.. lists.Select(l => l.Language)],
            vocabulary);
    }

    /// <summary>
    /// Reads one word list: decoded (UTF-8, else ISO-8859-1), trimmed, lower-cased, letters-only words, each once,
    /// in the order of their first line in the file.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The words.</returns>
    /// <exception cref="DataException">The file does not exist.</exception>
    public static string[] ReadWords(string path) => ReadWordSet(path).Words;

    private static (string[] Words, HashSet<string> Set) ReadWordSet(string path)
    {
        DataGuard.NotNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new DataException($"The word list '{path}' does not exist.");

        string text = Decode(File.ReadAllBytes(path));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<string>();
        Span<char> buffer = stackalloc char[256];
        foreach (ReadOnlySpan<char> raw in text.AsSpan().EnumerateLines())
        {
            ReadOnlySpan<char> line = raw.Trim();
            if (line.Length == 0 || !AllLetters(line)) continue;
            if (line.Length <= buffer.Length)
            {
                int n = line.ToLowerInvariant(buffer);
                if (n >= 0 && lookup.Contains(buffer[..n])) continue; // already read
            }
            string word = line.ToString().ToLowerInvariant();
            if (seen.Add(word)) words.Add(word);
        }
        return ([.. words], seen);
    }

    private static bool AllLetters(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsLetter(c)) return false;
        }
        return true;
    }

    private static bool IsInAnotherList(string word, int label, HashSet<string>[] sets)
    {
        for (int i = 0; i < sets.Length; i++)
        {
            if (i != label && sets[i].Contains(word)) return true;
        }
        return false;
    }

    /// <summary>Decodes a word list's bytes: strict UTF-8 (a leading byte-order mark dropped), else ISO-8859-1.</summary>
    internal static string Decode(byte[] bytes)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            string text = utf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
