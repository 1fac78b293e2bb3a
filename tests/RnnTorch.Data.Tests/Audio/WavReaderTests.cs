using System.Text;

namespace RnnTorch.Data.Tests;

public sealed class WavReaderTests
{
    private static void AssertSamples(double[] expected, WavAudio actual)
    {
        Assert.Equal(expected.Length, actual.Samples.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual.Samples[i], 1e-7);
    }

    [Fact]
    public void Reads8BitUnsignedPcm()
    {
        var wav = WavReader.Read(WavBytes.Build(1, 1, 8000, 8, [0, 128, 255, 64]));
        Assert.Equal(8000, wav.SampleRate);
        Assert.Equal(8, wav.BitsPerSample);
        Assert.False(wav.IsFloat);
        AssertSamples([-1.0, 0.0, 127.0 / 128, -0.5], wav);
    }

    [Fact]
    public void Reads16BitPcm()
    {
        var wav = WavReader.Read(WavBytes.Build(1, 1, 16000, 16, WavBytes.Pcm16(-32768, 0, 16384, 32767, -1)));
        Assert.Equal(16000, wav.SampleRate);
        AssertSamples([-1.0, 0.0, 0.5, 32767.0 / 32768, -1.0 / 32768], wav);
    }

    [Fact]
    public void Reads24BitPcmWithSignExtension()
    {
        var wav = WavReader.Read(WavBytes.Build(1, 1, 48000, 24, WavBytes.Pcm24(-8388608, 4194304, -1, 8388607, -4194304)));
        Assert.Equal(24, wav.BitsPerSample);
        AssertSamples([-1.0, 0.5, -1.0 / 8388608, 8388607.0 / 8388608, -0.5], wav);
    }

    [Fact]
    public void Reads32BitPcm()
    {
        var wav = WavReader.Read(WavBytes.Build(1, 1, 44100, 32, WavBytes.Pcm32(int.MinValue, 1 << 30, 0, -(1 << 29))));
        Assert.False(wav.IsFloat);
        AssertSamples([-1.0, 0.5, 0.0, -0.25], wav);
    }

    [Fact]
    public void ReadsFloat32()
    {
        var wav = WavReader.Read(WavBytes.Build(3, 1, 22050, 32, WavBytes.Float32(0.25f, -0.75f, 1f, 0f)));
        Assert.True(wav.IsFloat);
        Assert.Equal(32, wav.BitsPerSample);
        AssertSamples([0.25, -0.75, 1.0, 0.0], wav);
    }

    [Fact]
    public void MixesStereoDownToTheMeanOfTheChannels()
    {
        // Frames (L, R): (16384, -8192), (32767, 32767), (-32768, 0)
        var wav = WavReader.Read(WavBytes.Build(1, 2, 16000, 16, WavBytes.Pcm16(16384, -8192, 32767, 32767, -32768, 0)));
        Assert.Equal(2, wav.Channels);
        AssertSamples([(0.5 - 0.25) / 2, 32767.0 / 32768, -0.5], wav);
    }

    [Fact]
    public void ReadsWaveFormatExtensible24BitStereo()
    {
        var wav = WavReader.Read(WavBytes.Build(1, 2, 96000, 24, WavBytes.Pcm24(4194304, 0, -8388608, 8388607), extensible: true));
        Assert.Equal(96000, wav.SampleRate);
        Assert.Equal(2, wav.Channels);
        AssertSamples([0.25, (-1.0 + 8388607.0 / 8388608) / 2], wav);
    }

    [Fact]
    public void ReadsWaveFormatExtensibleFloat()
    {
        var wav = WavReader.Read(WavBytes.Build(3, 1, 8000, 32, WavBytes.Float32(-0.5f, 0.125f), extensible: true));
        Assert.True(wav.IsFloat);
        AssertSamples([-0.5, 0.125], wav);
    }

    [Theory]
    [InlineData(0xFFFFFFFFu, 0xFFFFFFFFu)]
    [InlineData(0u, 0u)]
    [InlineData(0xFFFFFFFFu, 0u)]
    public void PlaceholderSizesReadUntilTheEndOfTheFile(uint riffSize, uint dataSize)
    {
        // Three whole 16-bit frames plus one stray byte of a fourth: the partial frame is dropped.
        byte[] data = [.. WavBytes.Pcm16(100, -200, 300), 0x7F];
        var wav = WavReader.Read(WavBytes.Build(1, 1, 16000, 16, data, riffSize: riffSize, dataSize: dataSize));
        AssertSamples([100.0 / 32768, -200.0 / 32768, 300.0 / 32768], wav);
    }

    [Fact]
    public void SkipsUnknownChunksIncludingTheirPadByte()
    {
        byte[] list = WavBytes.Chunk("LIST", Encoding.ASCII.GetBytes("INFOabc")); // 7 bytes: padded to 8
        var wav = WavReader.Read(WavBytes.Build(1, 1, 16000, 16, WavBytes.Pcm16(16384), extraChunks: [list]));
        AssertSamples([0.5], wav);
    }

    [Fact]
    public void RejectsAFileThatIsNotRiff()
    {
        var e = Assert.Throws<DataException>(() => WavReader.Read(Encoding.ASCII.GetBytes("ID3\u0004 this is an mp3, not a wav"), "song.wav"));
        Assert.Contains("song.wav", e.Message);
        Assert.Contains("does not start with 'RIFF'", e.Message);
        Assert.Contains("'ID3?'", e.Message);
    }

    [Fact]
    public void RejectsRiffThatIsNotWave()
    {
        byte[] avi = [.. "RIFF"u8, 4, 0, 0, 0, .. "AVI "u8];
        var e = Assert.Throws<DataException>(() => WavReader.Read(avi, "clip.avi"));
        Assert.Contains("'AVI '", e.Message);
    }

    [Fact]
    public void RejectsAFileShorterThanTheHeader()
    {
        var e = Assert.Throws<DataException>(() => WavReader.Read("RIFF"u8.ToArray(), "tiny.wav"));
        Assert.Contains("shorter than the 12-byte RIFF header", e.Message);
    }

    [Fact]
    public void RejectsATruncatedDataChunk()
    {
        byte[] full = WavBytes.Build(1, 1, 16000, 16, WavBytes.Pcm16(1, 2, 3, 4, 5, 6, 7, 8));
        byte[] cut = full[..(full.Length - 6)];
        var e = Assert.Throws<DataException>(() => WavReader.Read(cut, "cut.wav"));
        Assert.Contains("'data' chunk declares 16 bytes but only 10 remain", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void RejectsAFileCutInsideTheFmtChunk()
    {
        byte[] full = WavBytes.Build(1, 1, 16000, 16, WavBytes.Pcm16(1, 2));
        var e = Assert.Throws<DataException>(() => WavReader.Read(full[..30], "cut.wav"));
        Assert.Contains("'fmt ' chunk declares 16 bytes but only 10 remain", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void RejectsAFileWithoutADataChunk()
    {
        byte[] full = WavBytes.Build(1, 1, 16000, 16, []);
        byte[] noData = full[..36]; // RIFF header and fmt chunk only
        var e = Assert.Throws<DataException>(() => WavReader.Read(noData, "empty.wav"));
        Assert.Contains("no 'data' chunk", e.Message);
    }

    [Theory]
    [InlineData(6, 8, "A-law")]
    [InlineData(2, 4, "ADPCM")]
    public void RejectsOtherEncodingsByName(int tag, int bits, string name)
    {
        var e = Assert.Throws<DataException>(() => WavReader.Read(WavBytes.Build((ushort)tag, 1, 8000, bits, [1, 2, 3, 4]), "x.wav"));
        Assert.Contains(name, e.Message);
        Assert.Contains("only integer PCM (1) and IEEE float (3)", e.Message);
    }

    [Fact]
    public void RejectsUnsupportedSampleWidths()
    {
        var e = Assert.Throws<DataException>(() => WavReader.Read(WavBytes.Build(1, 1, 8000, 12, [1, 2, 3, 4])));
        Assert.Contains("12-bit PCM", e.Message);
    }

    [Fact]
    public void ReadsFromAPathAndReportsAMissingFile()
    {
        string dir = Directory.CreateTempSubdirectory("rnn-wav-").FullName;
        try
        {
            string path = Path.Combine(dir, "a.wav");
            File.WriteAllBytes(path, WavBytes.Build(1, 1, 16000, 16, WavBytes.Pcm16(-16384)));
            AssertSamples([-0.5], WavReader.Read(path));
            using (var stream = File.OpenRead(path)) AssertSamples([-0.5], WavReader.Read(stream));
            var e = Assert.Throws<DataException>(() => WavReader.Read(Path.Combine(dir, "missing.wav")));
            Assert.Contains("missing.wav", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
