using RnnTorch.Models;
using RnnTorch.Training.Recipes;
using static RnnTorch.torch;

namespace RnnTorch.Training.Tests.Recipes;

public sealed class ExperimentSpecTests
{
    private static ExperimentSpec Unusual() => new()
    {
        Dataset = "moby-dick", Model = CoreKind.Gru, Hidden = 7, Layers = 2, Epochs = 3, BatchSize = 5, LearningRate = 0.25,
        Device = "cuda:1", Seed = -3, Out = "runs/x", Quick = true, Lookback = 9, SequenceLength = 17, TbpttSteps = null,
        Embedding = 11, WordsPerLanguage = 123,
    };

    [Fact]
    public void JsonRoundTripKeepsEveryValue()
    {
        var spec = Unusual();
        Assert.Equal(spec, ExperimentSpec.FromJson(spec.ToJson()));
        Assert.NotEqual(new ExperimentSpec(), spec); // every value above differs from the default, so the round trip is no accident
        Assert.Contains("\"model\": \"gru\"", spec.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void SaveAndLoadGoThroughAFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rnn-torch-spec-{Guid.NewGuid():N}.json");
        try
        {
            Unusual().Save(path);
            Assert.Equal(Unusual(), ExperimentSpec.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void KeysLeftOutKeepTheirDefaults()
    {
        var spec = ExperimentSpec.FromJson("""{ "hidden": 8 }""");
        Assert.Equal(new ExperimentSpec { Hidden = 8 }, spec);
    }

    [Fact]
    public void UnknownKeysAreListed()
    {
        var e = Assert.Throws<ConfigException>(() => ExperimentSpec.FromJson("""{ "hiden": 8, "epochs": 2, "lr": 0.1 }"""));
        Assert.Equal(["hiden", "lr"], e.Keys);
        Assert.Contains("hiden", e.Message, StringComparison.Ordinal);
        Assert.Contains("lr", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadValuesAreNamedWithTheirKeys()
    {
        var e = Assert.Throws<ConfigException>(() => ExperimentSpec.FromJson("""{ "hidden": 0, "learningRate": -1, "device": "tpu" }"""));
        Assert.Equal(["hidden", "learningRate", "device"], e.Keys);
        Assert.Contains("\"tpu\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("-1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "model": "transformer" }""", "model")]
    [InlineData("""{ "epochs": "ten" }""", "epochs")]
    [InlineData("""[1, 2]""", null)]
    [InlineData("""{ "epochs": 1 """, null)]
    public void WrongTypesAndBrokenJsonAreConfigErrors(string json, string? key)
    {
        var e = Assert.Throws<ConfigException>(() => ExperimentSpec.FromJson(json));
        if (key is not null) Assert.Equal([key], e.Keys);
    }

    [Fact]
    public void AMissingFileIsAConfigErrorNamingIt()
    {
        var e = Assert.Throws<ConfigException>(() => ExperimentSpec.Load("/no/such/experiment.json"));
        Assert.Contains("/no/such/experiment.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownDatasetsAndUnavailableDevicesAreRefusedByName()
    {
        var unknown = Assert.Throws<ConfigException>(() => Recipe.For(new ExperimentSpec { Dataset = "no-such-data" }));
        Assert.Contains("'no-such-data'", unknown.Message, StringComparison.Ordinal);
        if (!cuda.is_available())
        {
            var device = Assert.Throws<ConfigException>(() => Recipe.For(new ExperimentSpec { Device = "cuda" }));
            Assert.Contains("cuda", device.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheTrainingConfigCarriesTheHyperparameters()
    {
        var config = new ExperimentSpec { Epochs = 4, BatchSize = 9, LearningRate = 0.5, Seed = 3 }.ToTrainingConfig("logs", "ckpt");
        Assert.Equal((4, 9, 0.5, 3L, "logs", "ckpt", "adam"),
            (config.Epochs, config.BatchSize, config.Optimizer.LearningRate, config.Seed, config.LogDir, config.CheckpointDir, config.Optimizer.Name));
    }
}
