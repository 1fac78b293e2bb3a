namespace RnnTorch.Data.Tests;

public sealed class SpeechFramesDatasetTests
{
    private const int Rate = 16000;

    // An "utterance": 1,000 zero samples, a 4,000-sample tone, 500 zero samples.
    private static AudioClip Utterance(int label)
    {
        var x = new float[5500];
        for (int n = 0; n < 4000; n++) x[1000 + n] = (float)(0.5 * Math.Sin(2 * Math.PI * 300 * n / Rate));
        x[1000] = 0.2f; // make the first and last speech samples loud enough to count
        x[4999] = -0.2f;
        return new AudioClip(x, Rate, label, $"tone{label}");
    }

    private static readonly SpeechFramesOptions Options = new() { MinSilenceMs = 100, MaxSilenceMs = 500, MinNoise = 0.001, MaxNoise = 0.003, Seed = 11 };

    [Fact]
    public void LabelsMarkFramesWhoseCentreLiesInTheSpeech()
    {
        var data = new SpeechFramesDataset(new ListDataset<AudioClip>([Utterance(0), Utterance(1), Utterance(2)]), Options);
        Assert.Equal(3, data.Count);
        for (int i = 0; i < data.Count; i++)
        {
            var item = data[i];
            Assert.Equal(4000, item.SpeechEnd - item.SpeechStart);
            Assert.InRange(item.SpeechStart, 1600, 8000); // 100 … 500 ms of silence
            Assert.InRange(item.Samples.Length - item.SpeechEnd, 1600, 8000);
            Assert.Equal(1 + (item.Samples.Length - 400 + 159) / 160, item.Labels.Length); // 25 ms / 10 ms frames
            for (int t = 0; t < item.Labels.Length; t++)
            {
                int centre = t * 160 + 200;
                Assert.Equal(centre >= item.SpeechStart && centre < item.SpeechEnd ? 1L : 0L, item.Labels[t]);
            }
            Assert.Contains(1L, item.Labels);
            Assert.Equal(0L, item.Labels[0]);
            Assert.Equal(0L, item.Labels[^1]);
            // The speech is the utterance's speech plus small noise; the silence is noise only.
            var source = Utterance(0).Samples;
            for (int n = 0; n < 4000; n++) Assert.InRange(item.Samples[item.SpeechStart + n] - source[1000 + n], -0.02f, 0.02f);
            Assert.InRange(item.Samples[..item.SpeechStart].Max(s => Math.Abs(s)), 1e-5f, 0.02f);
        }
    }

    [Fact]
    public void ItemsAreDeterministicAndDifferByIndexAndSeed()
    {
        var clips = new ListDataset<AudioClip>([Utterance(0), Utterance(0)]);
        var a = new SpeechFramesDataset(clips, Options);
        var b = new SpeechFramesDataset(clips, Options);
        var second = a[1]; // read out of order
        Assert.Equal(a[0].Samples, b[0].Samples);
        Assert.Equal(second.Samples, b[1].Samples);
        Assert.NotEqual(a[0].Samples, a[1].Samples);
        var other = new SpeechFramesDataset(clips, Options with { Seed = 12 });
        Assert.NotEqual(a[0].Samples, other[0].Samples);
    }

    [Fact]
    public void SpeechSpanUsesTheThresholdRelativeToThePeak()
    {
        float[] x = [0, 0.001f, 0.02f, 1, -0.5f, 0.009f, 0];
        Assert.Equal((2, 5), SpeechFramesDataset.SpeechSpan(x, 0.01));
        Assert.Equal((3, 5), SpeechFramesDataset.SpeechSpan(x, 0.1));
        Assert.Equal((0, 0), SpeechFramesDataset.SpeechSpan(new float[4], 0.01));
    }

    [Fact]
    public void RejectsBadOptions()
    {
        var clips = new ListDataset<AudioClip>([Utterance(0)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpeechFramesDataset(clips, Options with { MinSilenceMs = 600 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpeechFramesDataset(clips, Options with { MinNoise = 0 }));
    }

    [Fact]
    public void LabelsLineUpWithTheFeatureFrames()
    {
        var data = new SpeechFramesDataset(new ListDataset<AudioClip>([Utterance(3)]), Options);
        var item = data[0];
        float[][] features = AudioFeatures.Compute(item.Samples, item.SampleRate, Options.Features);
        Assert.Equal(item.Labels.Length, features.Length);
    }
}
