using System.Globalization;
using System.Text;

namespace RnnTorch.Data;

/// <summary>
/// The spoken digits "zero" … "nine" synthesised by <c>espeak-ng</c> across voices, variants, speeds and pitches
/// (see <see cref="SpokenDigitsSpec"/>); a many-to-one task (an utterance → its digit). The training split holds the
/// training voices, the test split the held-out voices. Generated once into the dataset cache (completion-marker
/// protocol of <see cref="DataCache"/>); generation is deterministic, so every run and every machine with the same
/// espeak-ng gets the same bytes. Items are read from disk on each access.
/// </summary>
public sealed class SpokenDigitsDataset : Dataset<AudioClip>
{
    /// <summary>The registry name.</summary>
    public const string Name = "spoken-digits";

    /// <summary>The command line that installs the synthesiser.</summary>
    public const string InstallHint = "sudo apt-get install espeak-ng";

    /// <summary>The manifest file inside the dataset directory (tab-separated, one line per recording).</summary>
    public const string ManifestFileName = "manifest.tsv";

    private const string ManifestHeader = "file\tdigit\tvoice\tvariant\tspeed\tpitch\tsplit";

    private readonly SpokenDigitUtterance[] utterances;

    /// <summary>The registry entry (sizes for the default <see cref="SpokenDigitsSpec"/>).</summary>
    public static DatasetInfo Info { get; } = new(
        Name,
        "spoken digit recognition: which digit (zero … nine) an utterance says; the test split holds held-out voices",
        "many-to-one",
        $"{10 * new SpokenDigitsSpec().TrainPerDigit:N0} train + {10 * new SpokenDigitsSpec().TestPerDigit:N0} test utterances (22,050 Hz mono)",
        "synthesised by espeak-ng (Debian package espeak-ng)",
        "generated data (espeak-ng itself is GPL-3.0+)",
        $"espeak-ng (`{InstallHint}`); generated into the cache on first use");

    /// <summary>Loads a split, generating the dataset into the cache first when it is not there.</summary>
    /// <param name="train">True for the training voices, false for the held-out test voices.</param>
    /// <param name="spec">What to synthesise; null for the default <see cref="SpokenDigitsSpec"/>.</param>
    /// <param name="root">The cache root; null for <see cref="DataCache.Root"/>.</param>
    /// <exception cref="DataException">espeak-ng is missing (the message says how to install it) or fails.</exception>
    public SpokenDigitsDataset(bool train = true, SpokenDigitsSpec? spec = null, string? root = null)
    {
        Spec = spec ?? new SpokenDigitsSpec();
        Directory = Fetch(Spec, root);
        IsTrain = train;
        utterances = ReadManifest(Directory).Where(u => u.IsTest != train).ToArray();
    }

    /// <summary>The settings the recordings were made with.</summary>
    public SpokenDigitsSpec Spec { get; }

    /// <summary>The dataset directory in the cache.</summary>
    public string Directory { get; }

    /// <summary>True for the training split.</summary>
    public bool IsTrain { get; }

    /// <summary>How each recording of this split was made, in item order.</summary>
    public IReadOnlyList<SpokenDigitUtterance> Utterances => utterances;

    /// <summary>The number of classes (10).</summary>
    public static int ClassCount => 10;

    /// <inheritdoc />
    public override int Count => utterances.Length;

    /// <inheritdoc />
    public override AudioClip this[int index]
    {
        get
        {
            CheckIndex(index);
            var u = utterances[index];
            string path = Path.Combine(Directory, u.File);
            var wav = WavReader.Read(path);
            return new AudioClip(wav.Samples, wav.SampleRate, u.Digit, path);
        }
    }

    /// <summary>Returns the dataset's complete directory in the cache, synthesising it first when needed.</summary>
    /// <param name="spec">What to synthesise; null for the default.</param>
    /// <param name="root">The cache root; null for <see cref="DataCache.Root"/>.</param>
    /// <exception cref="DataException">espeak-ng is missing or fails.</exception>
    public static string Fetch(SpokenDigitsSpec? spec = null, string? root = null)
    {
        spec ??= new SpokenDigitsSpec();
        spec.Validate();
        return DataCache.Materialize(spec.CacheName, directory => Generate(directory, spec), root);
    }

    /// <summary>
    /// The recordings a spec makes, in manifest order: test split after training split; within each, voice, variant,
    /// digit, take. The (speed, pitch) pairs come from one <see cref="System.Random"/> seeded with the spec's seed,
    /// drawn in that order, so the plan is the same on every run.
    /// </summary>
    public static IReadOnlyList<SpokenDigitUtterance> Plan(SpokenDigitsSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var random = new Random(spec.Seed);
        var grid = (from s in spec.Speeds from p in spec.Pitches select (Speed: s, Pitch: p)).ToArray();
        var plan = new List<SpokenDigitUtterance>();
        foreach (var (voices, isTest) in new[] { (spec.TrainVoices, false), (spec.TestVoices, true) })
        {
            foreach (string voice in voices)
            {
                foreach (string variant in spec.Variants)
                {
                    for (int digit = 0; digit < 10; digit++)
                    {
                        // A partial Fisher–Yates shuffle picks TakesPerVoice distinct grid points.
                        var order = Enumerable.Range(0, grid.Length).ToArray();
                        for (int take = 0; take < spec.TakesPerVoice; take++)
                        {
                            int j = take + random.Next(grid.Length - take);
                            (order[take], order[j]) = (order[j], order[take]);
                            var (speed, pitch) = grid[order[take]];
                            string file = $"{(isTest ? "test" : "train")}/{voice}+{variant}/{digit}-{SpokenDigitsSpec.Words[digit]}-s{speed}-p{pitch}.wav";
                            plan.Add(new SpokenDigitUtterance(file, digit, voice, variant, speed, pitch, isTest));
                        }
                    }
                }
            }
        }
        return plan;
    }

    /// <summary>Synthesises every recording of <paramref name="spec"/> into <paramref name="directory"/> and writes the manifest.</summary>
    /// <param name="directory">An existing, empty directory.</param>
    /// <param name="spec">What to synthesise.</param>
    /// <exception cref="DataException">espeak-ng is missing or fails.</exception>
    public static void Generate(string directory, SpokenDigitsSpec spec) => Generate(directory, spec, "espeak-ng");

    /// <summary>As <see cref="Generate(string, SpokenDigitsSpec)"/> with another synthesiser command (tests use a missing one).</summary>
    internal static void Generate(string directory, SpokenDigitsSpec spec, string command)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(spec);
        var plan = Plan(spec);
        string espeak = Tools.Require(command, InstallHint);
        foreach (string dir in plan.Select(u => Path.GetDirectoryName(u.File)!).Distinct()) System.IO.Directory.CreateDirectory(Path.Combine(directory, dir));
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) };
        Parallel.ForEach(plan, options, u =>
        {
            string path = Path.Combine(directory, u.File);
            Tools.Run(espeak,
                ["-v", $"{u.Voice}+{u.Variant}", "-s", u.Speed.ToString(CultureInfo.InvariantCulture), "-p", u.Pitch.ToString(CultureInfo.InvariantCulture),
                 "-w", path, SpokenDigitsSpec.Words[u.Digit]],
                timeout: TimeSpan.FromMinutes(1));
            var wav = WavReader.Read(path); // a voice espeak-ng lacks writes nothing useful: fail here, not at training time
            if (wav.Samples.Length == 0) throw new DataException($"espeak-ng wrote an empty recording for voice '{u.Voice}+{u.Variant}' ('{path}'); is that voice installed?");
        });
        var text = new StringBuilder().Append(ManifestHeader).Append('\n');
        foreach (var u in plan)
        {
            text.Append(u.File).Append('\t').Append(u.Digit.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(u.Voice).Append('\t')
                .Append(u.Variant).Append('\t').Append(u.Speed.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(u.Pitch.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(u.IsTest ? "test" : "train").Append('\n');
        }
        File.WriteAllText(Path.Combine(directory, ManifestFileName), text.ToString(), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(directory, "spec.txt"), spec.Describe() + "\n", new UTF8Encoding(false));
    }

    /// <summary>Reads the manifest of a generated dataset directory.</summary>
    /// <exception cref="DataException">The manifest is missing or malformed.</exception>
    public static IReadOnlyList<SpokenDigitUtterance> ReadManifest(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string path = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(path)) throw new DataException($"The spoken-digits directory '{directory}' has no {ManifestFileName}; delete the directory to generate it again.");
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != ManifestHeader) throw new DataException($"'{path}' does not start with the header '{ManifestHeader}'.");
        var result = new List<SpokenDigitUtterance>(lines.Length - 1);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            string[] f = lines[i].Split('\t');
            if (f.Length != 7
                || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out int digit) || digit > 9
                || !int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out int speed)
                || !int.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out int pitch)
                || f[6] is not ("train" or "test"))
            {
                throw new DataException($"'{path}' line {i + 1} is malformed: '{lines[i]}'.");
            }
            result.Add(new SpokenDigitUtterance(f[0], digit, f[2], f[3], speed, pitch, f[6] == "test"));
        }
        return result;
    }
}
