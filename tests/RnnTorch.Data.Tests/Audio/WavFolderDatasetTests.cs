namespace RnnTorch.Data.Tests;

public sealed class WavFolderDatasetTests
{
    [Fact]
    public void LabelsComeFromSubFolderNamesInOrdinalOrder()
    {
        string root = Directory.CreateTempSubdirectory("rnn-wavfolder-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "dog", "nested"));
            Directory.CreateDirectory(Path.Combine(root, "cat"));
            Directory.CreateDirectory(Path.Combine(root, "empty"));
            File.WriteAllBytes(Path.Combine(root, "dog", "b.wav"), WavBytes.Mono16([0.5f, 0.5f], 8000));
            File.WriteAllBytes(Path.Combine(root, "dog", "nested", "c.WAV"), WavBytes.Mono16([0.25f], 8000));
            File.WriteAllBytes(Path.Combine(root, "dog", "notes.txt"), [1, 2, 3]);
            File.WriteAllBytes(Path.Combine(root, "cat", "a.wav"), WavBytes.Mono16([-0.5f, 0, 0.5f], 16000));
            File.WriteAllBytes(Path.Combine(root, "stray.wav"), WavBytes.Mono16([0.1f], 8000)); // not in a class folder

            var data = new WavFolderDataset(root);
            Assert.Equal(["cat", "dog", "empty"], data.Classes);
            Assert.Equal(3, data.Count);
            Assert.Equal(0, data[0].Label);
            Assert.Equal(16000, data[0].SampleRate);
            Assert.Equal(3, data[0].Samples.Length);
            Assert.Equal(-0.5, data[0].Samples[0], 1e-4);
            Assert.Equal(1, data[1].Label);
            Assert.EndsWith("b.wav", data[1].Source);
            Assert.Equal(1, data[2].Label);
            Assert.EndsWith("c.WAV", data[2].Source);
            Assert.Equal(0.25, data[2].Samples[0], 1e-4);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ReportsMissingEmptyAndBadFolders()
    {
        string root = Directory.CreateTempSubdirectory("rnn-wavfolder-").FullName;
        try
        {
            Assert.Contains("does not exist", Assert.Throws<DataException>(() => new WavFolderDataset(Path.Combine(root, "nope"))).Message);
            Assert.Contains("no sub-folders", Assert.Throws<DataException>(() => new WavFolderDataset(root)).Message);
            Directory.CreateDirectory(Path.Combine(root, "a"));
            Assert.Contains("no .wav files", Assert.Throws<DataException>(() => new WavFolderDataset(root)).Message);
            File.WriteAllText(Path.Combine(root, "a", "fake.wav"), "not audio at all");
            var data = new WavFolderDataset(root);
            var e = Assert.Throws<DataException>(() => data[0]);
            Assert.Contains("fake.wav", e.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
