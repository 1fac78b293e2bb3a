using System.Text.Json;

namespace RnnTorch.Data;

/// <summary>
/// <c>sentiment</c>: the 3,000 review sentences of UCI's "Sentiment Labelled Sentences" (1,000 each from Amazon,
/// IMDB and Yelp, half of each positive), as shipped in the npm package <c>sentiment</c> (test/fixtures/*.json);
/// many-to-one classification, label 0 = negative, 1 = positive.
/// </summary>
/// <remarks>
/// <para>Each fixture file is a JSON array of <c>{"text": "…", "class": 0|1}</c> objects that ends with one
/// placeholder <c>{"text": "", "class": null}</c>, which is skipped. Texts are trimmed (the IMDB file pads some with
/// spaces); duplicate sentences of the original corpus are kept.</para>
/// <para>The vocabulary is built from all 3,000 sentences. To keep test words out of it, build one from the training
/// indices of a split with <see cref="Vocabulary.Build"/> and encode <see cref="TextExample.Text"/> again.</para>
/// </remarks>
public sealed class SentimentDataset : Dataset<TextExample>
{
    /// <summary>The npm package that ships the sentences.</summary>
    public const string PackageName = "sentiment";

    /// <summary>The pinned version of <see cref="PackageName"/>.</summary>
    public const string PackageVersion = "5.0.2";

    /// <summary>The fixture files in the package, in the order their sentences appear in the dataset.</summary>
    public static IReadOnlyList<string> FixtureFiles { get; } = ["test/fixtures/amazon.json", "test/fixtures/imdb.json", "test/fixtures/yelp.json"];

    /// <summary>What the registry says about this dataset.</summary>
    public static DatasetInfo Info { get; } = new(
        "sentiment",
        "sentiment of review sentences (negative/positive)",
        "many-to-one (word or character level)",
        "3,000 sentences (1,500 positive; Amazon, IMDB, Yelp 1,000 each)",
        $"npm package {PackageName} {PackageVersion} (test/fixtures/*.json): UCI Sentiment Labelled Sentences",
        "CC BY 4.0 (UCI, Kotzias et al. 2015)",
        "npm (sudo apt-get install npm); fetched into the cache on first use");

    private readonly TextExample[] _examples;
    private readonly string[] _sources;

    private SentimentDataset(TextExample[] examples, string[] sources, Vocabulary vocabulary)
    {
        _examples = examples;
        _sources = sources;
        Vocabulary = vocabulary;
    }

    /// <summary>The class names by label: <c>negative</c> (0), <c>positive</c> (1).</summary>
    public static IReadOnlyList<string> Classes { get; } = ["negative", "positive"];

    /// <summary>The vocabulary the examples' tokens come from.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Where each example comes from: the fixture file's name without extension (<c>amazon</c>, <c>imdb</c>, <c>yelp</c>).</summary>
    public IReadOnlyList<string> Sources => _sources;

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
    /// Fetches the npm package into the cache (once) and loads the 3,000 sentences.
    /// </summary>
    /// <param name="level">Word- or character-level tokens.</param>
    /// <param name="minFrequency">The least number of occurrences a token needs to get its own id.</param>
    /// <param name="lowercase">Lower-case the text before splitting it.</param>
    /// <param name="cacheRoot">The cache root; null for <see cref="DataCache.Root"/>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DataException">npm is missing or the package cannot be fetched or read.</exception>
    public static SentimentDataset Load(TokenLevel level = TokenLevel.Word, int minFrequency = 1, bool lowercase = true, string? cacheRoot = null)
    {
        string package = NpmPackage.Fetch(PackageName, PackageVersion, cacheRoot);
        return FromFiles([.. FixtureFiles.Select(file => Path.Combine(package, file))], level, minFrequency, lowercase);
    }

    /// <summary>
    /// Loads sentences from fixture files of the package's form (a JSON array of <c>{"text", "class"}</c> objects).
    /// </summary>
    /// <param name="paths">The files, read in order; each file's name without extension becomes the examples' source.</param>
    /// <param name="level">Word- or character-level tokens.</param>
    /// <param name="minFrequency">The least number of occurrences a token needs to get its own id.</param>
    /// <param name="lowercase">Lower-case the text before splitting it.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DataException">A file is missing or malformed (the message names the file and the entry).</exception>
    public static SentimentDataset FromFiles(IReadOnlyList<string> paths, TokenLevel level = TokenLevel.Word, int minFrequency = 1, bool lowercase = true)
    {
        DataGuard.NotNullOrContainsNull(paths);
        if (paths.Count == 0) DataGuard.Throw(nameof(paths), "must name at least one file, but was empty.");
        DataGuard.Positive(minFrequency);

        var sentences = new List<(string Text, int Label, string Source)>();
        foreach (string path in paths)
        {
            string source = Path.GetFileNameWithoutExtension(path);
            foreach ((string text, int label) in ReadFixture(path)) sentences.Add((text, label, source));
        }

        Vocabulary vocabulary = Vocabulary.Build(sentences.Select(s => s.Text), level, minFrequency, lowercase);
        TextExample[] examples = [.. sentences.Select(s => new TextExample(s.Text, vocabulary.Encode(s.Text), s.Label))];
        return new SentimentDataset(examples, [.. sentences.Select(s => s.Source)], vocabulary);
    }

    /// <summary>Reads one fixture file: the labelled sentences in file order, the empty placeholder entries skipped.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The (trimmed text, label) pairs.</returns>
    /// <exception cref="DataException">The file is missing or malformed.</exception>
    public static IReadOnlyList<(string Text, int Label)> ReadFixture(string path)
    {
        DataGuard.NotNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new DataException($"The sentiment fixture '{path}' does not exist.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new DataException($"The sentiment fixture '{path}' is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DataException($"The sentiment fixture '{path}' must hold a JSON array of {{\"text\", \"class\"}} objects, but holds a {document.RootElement.ValueKind}.");
            }

            var result = new List<(string, int)>();
            int index = 0;
            foreach (JsonElement entry in document.RootElement.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object
                    || !entry.TryGetProperty("text", out JsonElement text) || text.ValueKind != JsonValueKind.String
                    || !entry.TryGetProperty("class", out JsonElement label))
                {
                    throw new DataException($"The sentiment fixture '{path}' entry {index} is not a {{\"text\": string, \"class\": 0 or 1}} object.");
                }

                string value = text.GetString()!.Trim();
                if (value.Length == 0 && label.ValueKind == JsonValueKind.Null)
                {
                    index++;
                    continue; // the package's placeholder entry
                }
                if (label.ValueKind != JsonValueKind.Number || !label.TryGetInt32(out int number) || number is not (0 or 1))
                {
                    throw new DataException($"The sentiment fixture '{path}' entry {index} has class {label.GetRawText()}; it must be 0 or 1.");
                }
                if (value.Length == 0)
                {
                    throw new DataException($"The sentiment fixture '{path}' entry {index} has an empty text with class {number}.");
                }
                result.Add((value, number));
                index++;
            }
            return result;
        }
    }
}
