namespace RnnTorch.Data.Tests;

public sealed class SpokenDigitsDatasetTests
{
    // A small spec so that real synthesis stays at a few dozen espeak-ng calls: 2 train voices × 2 variants and
    // 1 test voice × 2 variants, one take per digit → 40 train and 20 test recordings.
    private static readonly SpokenDigitsSpec Small = new()
    {
        TrainVoices = ["en-gb", "en-us"],
        TestVoices = ["en-029"],
        Variants = ["m1", "f1"],
        Speeds = [140, 180],
        Pitches = [40, 60],
        TakesPerVoice = 1,
        Seed = 5,
    };

    private static string TempRoot() => Directory.CreateTempSubdirectory("rnn-digits-").FullName;

    [Fact]
    public void PlanIsSeededBalancedAndHoldsTestVoicesOut()
    {
        var spec = Small with { TakesPerVoice = 3 };
        var plan = SpokenDigitsDataset.Plan(spec);
        Assert.Equal(plan, SpokenDigitsDataset.Plan(spec)); // same seed, same plan
        Assert.NotEqual(plan, SpokenDigitsDataset.Plan(spec with { Seed = 6 }));
        Assert.Equal(10 * (spec.TrainPerDigit + spec.TestPerDigit), plan.Count);
        Assert.Equal(10 * 2 * 2 * 3, plan.Count(u => !u.IsTest));
        foreach (var group in plan.GroupBy(u => (u.Voice, u.Variant, u.Digit)))
        {
            Assert.Equal(3, group.Count());
            Assert.Equal(3, group.Select(u => (u.Speed, u.Pitch)).Distinct().Count()); // distinct grid points per take
            Assert.All(group, u => Assert.Contains(u.Speed, spec.Speeds));
            Assert.All(group, u => Assert.Contains(u.Pitch, spec.Pitches));
        }
        Assert.All(plan.Where(u => u.IsTest), u => Assert.Equal("en-029", u.Voice));
        Assert.All(plan.Where(u => !u.IsTest), u => Assert.Contains(u.Voice, spec.TrainVoices));
        Assert.Equal(plan.Count, plan.Select(u => u.File).Distinct().Count());
    }

    [Fact]
    public void SpecRejectsOverlappingVoicesAndTooManyTakes()
    {
        var e = Assert.Throws<ArgumentException>(() => (Small with { TestVoices = ["en-us"] }).Validate());
        Assert.Contains("disjoint", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { TakesPerVoice = 5 }).Validate());
        Assert.NotEqual(Small.CacheName, (Small with { Seed = 6 }).CacheName);
        Assert.StartsWith("spoken-digits/", Small.CacheName);
    }

    [Fact]
    public void MissingEspeakSaysHowToInstallIt()
    {
        string dir = TempRoot();
        try
        {
            var e = Assert.Throws<DataException>(() => SpokenDigitsDataset.Generate(dir, Small, "/nonexistent/espeak-ng"));
            Assert.Contains("sudo apt-get install espeak-ng", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void GenerationIsByteIdenticalBalancedAndDisjoint()
    {
        string rootA = TempRoot(), rootB = TempRoot();
        try
        {
            var train = new SpokenDigitsDataset(train: true, Small, rootA);
            var test = new SpokenDigitsDataset(train: false, Small, rootA);
            string dirA = train.Directory;
            Assert.True(File.Exists(Path.Combine(dirA, DataCache.MarkerFileName)));
            string dirB = SpokenDigitsDataset.Fetch(Small, rootB);

            // Same bytes on a second, independent run.
            string[] files = Directory.GetFiles(dirA, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(dirA, f)).Where(f => f != DataCache.MarkerFileName).Order(StringComparer.Ordinal).ToArray();
            string[] filesB = Directory.GetFiles(dirB, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(dirB, f)).Where(f => f != DataCache.MarkerFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(files, filesB);
            Assert.Equal(60 + 2, files.Length); // 60 WAVs, manifest, spec
            foreach (string f in files) Assert.True(File.ReadAllBytes(Path.Combine(dirA, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dirB, f))), $"{f} differs");

            // Balanced classes, disjoint voices.
            Assert.Equal(40, train.Count);
            Assert.Equal(20, test.Count);
            Assert.All(Enumerable.Range(0, 10), d => Assert.Equal(4, train.Utterances.Count(u => u.Digit == d)));
            Assert.All(Enumerable.Range(0, 10), d => Assert.Equal(2, test.Utterances.Count(u => u.Digit == d)));
            Assert.Empty(train.Utterances.Select(u => u.Voice).Intersect(test.Utterances.Select(u => u.Voice)));
            Assert.Equal(["en-gb", "en-us"], train.Utterances.Select(u => u.Voice).Distinct().Order());

            // A few known values: espeak-ng writes 22,050 Hz 16-bit mono; a digit lasts a fraction of a second.
            var clip = train[7];
            Assert.Equal(train.Utterances[7].Digit, clip.Label);
            Assert.Equal(22050, clip.SampleRate);
            Assert.InRange(clip.Samples.Length / 22050.0, 0.2, 2.0);
            Assert.InRange(clip.Samples.Max(s => Math.Abs(s)), 0.05f, 1f);
            var wav = WavReader.Read(clip.Source);
            Assert.Equal(16, wav.BitsPerSample);
            Assert.Equal(1, wav.Channels);

            // A complete dataset is reused as is.
            DateTime written = File.GetLastWriteTimeUtc(Path.Combine(dirA, SpokenDigitsDataset.ManifestFileName));
            Assert.Equal(dirA, SpokenDigitsDataset.Fetch(Small, rootA));
            Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(dirA, SpokenDigitsDataset.ManifestFileName)));
        }
        finally
        {
            Directory.Delete(rootA, recursive: true);
            Directory.Delete(rootB, recursive: true);
        }
    }

    [Fact]
    public void AnIncompleteDirectoryIsGeneratedAgain()
    {
        string root = TempRoot();
        try
        {
            var spec = Small with { TrainVoices = ["en-gb"], Variants = ["m1"] };
            string dir = DataCache.DirectoryFor(spec.CacheName, root);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, SpokenDigitsDataset.ManifestFileName), "half-written");
            var train = new SpokenDigitsDataset(true, spec, root);
            Assert.Equal(10, train.Count);
            Assert.True(File.Exists(Path.Combine(dir, DataCache.MarkerFileName)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
