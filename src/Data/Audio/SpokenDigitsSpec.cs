using System.Security.Cryptography;
using System.Text;

namespace RnnTorch.Data;

/// <summary>
/// What <see cref="SpokenDigitsDataset"/> synthesises: the words "zero" … "nine" spoken by every training and test voice
/// in every variant, each <see cref="TakesPerVoice"/> times with distinct (speed, pitch) pairs drawn from the grid
/// <see cref="Speeds"/> × <see cref="Pitches"/> by a <see cref="System.Random"/> seeded with <see cref="Seed"/>.
/// The test voices are held out: none of their recordings is in the training split.
/// </summary>
public sealed record SpokenDigitsSpec
{
    /// <summary>The words spoken for digits 0 … 9.</summary>
    public static readonly IReadOnlyList<string> Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>The voices of the training split (espeak-ng's English voices).</summary>
    public IReadOnlyList<string> TrainVoices { get; init; } = ["en-gb", "en-us", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan", "en-gb-x-gbcwmd"];

    /// <summary>The held-out voices of the test split (accents not heard in training).</summary>
    public IReadOnlyList<string> TestVoices { get; init; } = ["en-029", "en-us-nyc"];

    /// <summary>The voice variants (male and female timbres), each combined with every voice.</summary>
    public IReadOnlyList<string> Variants { get; init; } = ["m1", "m3", "m5", "f1", "f2", "f4"];

    /// <summary>The speaking rates in words per minute to draw from.</summary>
    public IReadOnlyList<int> Speeds { get; init; } = [120, 145, 170, 195];

    /// <summary>The pitches (0 … 99) to draw from.</summary>
    public IReadOnlyList<int> Pitches { get; init; } = [30, 45, 60, 75];

    /// <summary>How many recordings of each digit each (voice, variant) makes, with distinct (speed, pitch) pairs.</summary>
    public int TakesPerVoice { get; init; } = 2;

    /// <summary>The seed of the (speed, pitch) draws.</summary>
    public int Seed { get; init; } = 1234;

    /// <summary>Recordings per digit in the training split.</summary>
    public int TrainPerDigit => TrainVoices.Count * Variants.Count * TakesPerVoice;

    /// <summary>Recordings per digit in the test split.</summary>
    public int TestPerDigit => TestVoices.Count * Variants.Count * TakesPerVoice;

    /// <summary>A canonical text of every setting; equal specs have equal descriptions.</summary>
    public string Describe() =>
        $"train={string.Join(',', TrainVoices)};test={string.Join(',', TestVoices)};variants={string.Join(',', Variants)};" +
        $"speeds={string.Join(',', Speeds)};pitches={string.Join(',', Pitches)};takes={TakesPerVoice};seed={Seed}";

    /// <summary>The name of the cache directory for this spec: <c>spoken-digits/</c> and a hash of <see cref="Describe"/>.</summary>
    public string CacheName => "spoken-digits/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Describe())))[..12];

    /// <summary>Checks the settings, throwing an <see cref="ArgumentException"/> that names the bad one.</summary>
    public void Validate()
    {
        CheckNames(TrainVoices, nameof(TrainVoices));
        CheckNames(TestVoices, nameof(TestVoices));
        CheckNames(Variants, nameof(Variants));
        var overlap = TrainVoices.Intersect(TestVoices, StringComparer.Ordinal).ToArray();
        if (overlap.Length > 0) throw new ArgumentException($"TrainVoices and TestVoices must be disjoint, but both hold {string.Join(", ", overlap)}.", nameof(TestVoices));
        if (Speeds is null || Speeds.Count == 0 || Speeds.Any(s => s is < 80 or > 450))
            throw new ArgumentException($"Speeds must be a non-empty list of words per minute in 80 … 450, but was [{(Speeds is null ? "null" : string.Join(", ", Speeds))}].", nameof(Speeds));
        if (Pitches is null || Pitches.Count == 0 || Pitches.Any(p => p is < 0 or > 99))
            throw new ArgumentException($"Pitches must be a non-empty list of values in 0 … 99, but was [{(Pitches is null ? "null" : string.Join(", ", Pitches))}].", nameof(Pitches));
        if (Speeds.Distinct().Count() != Speeds.Count || Pitches.Distinct().Count() != Pitches.Count)
            throw new ArgumentException("Speeds and Pitches must not repeat a value.", nameof(Speeds));
        int grid = Speeds.Count * Pitches.Count;
        if (TakesPerVoice < 1 || TakesPerVoice > grid)
            throw new ArgumentOutOfRangeException(nameof(TakesPerVoice), TakesPerVoice, $"TakesPerVoice must be in 1 … {grid} (the speed × pitch grid), but was {TakesPerVoice}.");
    }

    private static void CheckNames(IReadOnlyList<string>? names, string what)
    {
        if (names is null || names.Count == 0) throw new ArgumentException($"{what} must hold at least one name.", what);
        foreach (string n in names)
        {
            if (string.IsNullOrEmpty(n) || !n.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                throw new ArgumentException($"{what} holds '{n}', which is not a voice or variant name (ASCII letters, digits and '-').", what);
        }
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count) throw new ArgumentException($"{what} repeats a name.", what);
    }
}
