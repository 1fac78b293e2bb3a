using System.Text.Json;
using RnnTorch.Training;
using static RnnTorch.torch;

namespace RnnTorch.Training.Tests;

public sealed class TrainingConfigTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "rnn-torch-config-tests", Guid.NewGuid().ToString("N"));

    public TrainingConfigTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>A configuration in which every value differs from its default.</summary>
    private static TrainingConfig Unusual() => new()
    {
        Epochs = 3,
        BatchSize = 7,
        Optimizer = new OptimizerConfig { Name = "sgd", LearningRate = 0.25, WeightDecay = 1e-4, Momentum = 0.8, Beta1 = 0.5, Beta2 = 0.75, Eps = 1e-6, Nesterov = true },
        Schedule = new ScheduleConfig
        {
            Name = "multistep", StepSize = 4, Gamma = 0.5, Milestones = new[] { 2, 5 }, TMax = 9, EtaMin = 1e-5, WarmupSteps = 33,
            StartFactor = 0.2, MaxLearningRate = 0.3, Factor = 0.25, Patience = 2,
        },
        ClipNorm = null,
        Seed = -5,
        Device = "cuda:1",
        EvalEvery = 2,
        LogEvery = 50,
        Patience = 4,
        Monitor = "val_accuracy",
        MonitorGoal = MetricGoal.Maximize,
        CheckpointDir = "runs/x/checkpoints",
        LogDir = "runs/x",
        TbpttSteps = 20,
        ExplosionFactor = double.PositiveInfinity,
        TeacherForcingRatio = 0.5,
    };

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        var c = new TrainingConfig();
        Assert.Equal(10, c.Epochs);
        Assert.Equal(32, c.BatchSize);
        Assert.Equal(1.0, c.ClipNorm);
        Assert.Equal(42, c.Seed);
        Assert.Equal("auto", c.Device);
        Assert.Equal(1, c.EvalEvery);
        Assert.Equal(10, c.LogEvery);
        Assert.Null(c.Patience);
        Assert.Equal("val_loss", c.Monitor);
        Assert.Equal(MetricGoal.Minimize, c.MonitorGoal);
        Assert.Null(c.CheckpointDir);
        Assert.Null(c.LogDir);
        Assert.Null(c.TbpttSteps);
        Assert.Equal(1e4, c.ExplosionFactor);
        Assert.Equal(1.0, c.TeacherForcingRatio);
        Assert.Equal("adam", c.Optimizer.Name);
        Assert.Equal(1e-3, c.Optimizer.LearningRate);
        Assert.Equal(0, c.Optimizer.WeightDecay);
        Assert.Equal(0, c.Optimizer.Momentum);
        Assert.Equal(0.9, c.Optimizer.Beta1);
        Assert.Equal(0.999, c.Optimizer.Beta2);
        Assert.Equal(1e-8, c.Optimizer.Eps);
        Assert.False(c.Optimizer.Nesterov);
        Assert.False(c.Optimizer.Amsgrad);
        Assert.Equal("none", c.Schedule.Name);
        c.Validate();
    }

    [Fact]
    public void EmptyObjectGivesTheDefaults()
    {
        Assert.Equal(new TrainingConfig(), TrainingConfig.FromJson("{}"));
        Assert.Equal(new TrainingConfig(), TrainingConfig.FromJson("{\"optimizer\": {}, \"schedule\": {}}"));
    }

    [Fact]
    public void RoundTripGivesAnEqualRecord()
    {
        var original = Unusual();
        var json = original.ToJson();
        var back = TrainingConfig.FromJson(json);
        Assert.Equal(original, back);
        Assert.NotSame(original.Schedule.Milestones, back.Schedule.Milestones);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(new TrainingConfig(), TrainingConfig.FromJson(new TrainingConfig().ToJson()));
    }

    [Fact]
    public void JsonUsesCamelCaseKeysAndEnumNames()
    {
        using var doc = JsonDocument.Parse(Unusual().ToJson());
        var root = doc.RootElement;
        var keys = root.EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        {
            "epochs", "batchSize", "optimizer", "schedule", "clipNorm", "seed", "device", "evalEvery", "logEvery", "patience", "monitor",
            "monitorGoal", "checkpointDir", "logDir", "tbpttSteps", "explosionFactor", "teacherForcingRatio",
        };
        Assert.Equal(expected.ToHashSet(), keys);
        Assert.Equal("maximize", root.GetProperty("monitorGoal").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("clipNorm").ValueKind);
        Assert.Equal("Infinity", root.GetProperty("explosionFactor").GetString());
        Assert.Equal(0.25, root.GetProperty("optimizer").GetProperty("learningRate").GetDouble());
        Assert.Equal(new[] { 2, 5 }, root.GetProperty("schedule").GetProperty("milestones").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.Equal(9, root.GetProperty("schedule").GetProperty("tMax").GetInt32());
        Assert.False(root.GetProperty("schedule").TryGetProperty("perStep", out _));
    }

    [Fact]
    public void ReadsHandWrittenJsonWithCommentsAndTrailingCommas()
    {
        var c = TrainingConfig.FromJson("""
            {
              // a comment
              "epochs": 5,
              "monitorGoal": "maximize",
              "optimizer": { "name": "adamw", "learningRate": 0.01, },
              "schedule": { "name": "step", "stepSize": 2 },
            }
            """);
        Assert.Equal(new TrainingConfig
        {
            Epochs = 5,
            MonitorGoal = MetricGoal.Maximize,
            Optimizer = new OptimizerConfig { Name = "adamw", LearningRate = 0.01 },
            Schedule = new ScheduleConfig { Name = "step", StepSize = 2 },
        }, c);
    }

    [Fact]
    public void ScheduleEqualityComparesMilestonesByValue()
    {
        var a = new ScheduleConfig { Name = "multistep", Milestones = new[] { 1, 2 } };
        var b = new ScheduleConfig { Name = "multistep", Milestones = new[] { 1, 2 } };
        var c = new ScheduleConfig { Name = "multistep", Milestones = new[] { 1, 3 } };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.NotEqual(new TrainingConfig { Schedule = a }, new TrainingConfig { Schedule = c });
        Assert.Equal(new TrainingConfig { Schedule = a }, new TrainingConfig { Schedule = b });
    }

    [Fact]
    public void UnknownKeysAreAllNamedWithTheirPaths()
    {
        var e = Assert.Throws<ConfigException>(() => TrainingConfig.FromJson("""
            { "epocs": 3, "Epochs": 4, "optimizer": { "lerningRate": 0.1, "name": "sgd" }, "schedule": { "nme": "step", "gama": 0.5 }, "epochs": 2 }
            """));
        Assert.Equal(new[] { "epocs", "Epochs", "optimizer.lerningRate", "schedule.nme", "schedule.gama" }, e.Keys);
        Assert.StartsWith("unknown keys in the config: epocs, Epochs, optimizer.lerningRate, schedule.nme, schedule.gama", e.Message);
    }

    [Fact]
    public void DuplicateKeysAreRefused()
    {
        var e = Assert.Throws<ConfigException>(() => TrainingConfig.FromJson("""{ "epochs": 1, "optimizer": { "name": "sgd", "name": "adam" }, "epochs": 2 }"""));
        Assert.Equal(new[] { "optimizer.name", "epochs" }, e.Keys);
        Assert.Contains("duplicate keys", e.Message);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("epochs: 3")]
    [InlineData("[]")]
    [InlineData("3")]
    [InlineData("null")]
    public void NotAJsonObjectIsRefused(string json)
    {
        var e = Assert.Throws<ConfigException>(() => TrainingConfig.FromJson(json));
        Assert.Contains("the config", e.Message);
    }

    [Theory]
    [InlineData("""{"epochs": -1}""", "epochs", "-1")]
    [InlineData("""{"epochs": 0}""", "epochs", "0")]
    [InlineData("""{"batchSize": 0}""", "batchSize", "0")]
    [InlineData("""{"optimizer": {"name": "adma"}}""", "optimizer.name", "\"adma\"")]
    [InlineData("""{"optimizer": {"name": "Adam"}}""", "optimizer.name", "\"Adam\"")]
    [InlineData("""{"optimizer": {"learningRate": 0}}""", "optimizer.learningRate", "0")]
    [InlineData("""{"optimizer": {"learningRate": -0.1}}""", "optimizer.learningRate", "-0.1")]
    [InlineData("""{"optimizer": {"weightDecay": "NaN"}}""", "optimizer.weightDecay", "NaN")]
    [InlineData("""{"optimizer": {"name": "sgd", "momentum": 1}}""", "optimizer.momentum", "1")]
    [InlineData("""{"optimizer": {"name": "adam", "momentum": 0.9}}""", "optimizer.momentum", "0.9")]
    [InlineData("""{"optimizer": {"beta1": 1}}""", "optimizer.beta1", "1")]
    [InlineData("""{"optimizer": {"beta2": -0.5}}""", "optimizer.beta2", "-0.5")]
    [InlineData("""{"optimizer": {"eps": -1e-8}}""", "optimizer.eps", "-1E-08")]
    [InlineData("""{"optimizer": {"name": "adam", "nesterov": true}}""", "optimizer.nesterov", "true")]
    [InlineData("""{"optimizer": {"name": "sgd", "nesterov": true}}""", "optimizer.nesterov", "true")]
    [InlineData("""{"optimizer": {"name": "sgd", "amsgrad": true}}""", "optimizer.amsgrad", "true")]
    [InlineData("""{"optimizer": null}""", "optimizer", "null")]
    [InlineData("""{"schedule": {"name": "linear"}}""", "schedule.name", "\"linear\"")]
    [InlineData("""{"schedule": {"stepSize": 0}}""", "schedule.stepSize", "0")]
    [InlineData("""{"schedule": {"gamma": 0}}""", "schedule.gamma", "0")]
    [InlineData("""{"schedule": {"gamma": 1.5}}""", "schedule.gamma", "1.5")]
    [InlineData("""{"schedule": {"milestones": [5, 2]}}""", "schedule.milestones", "[5, 2]")]
    [InlineData("""{"schedule": {"milestones": [0, 2]}}""", "schedule.milestones", "[0, 2]")]
    [InlineData("""{"schedule": {"name": "multistep"}}""", "schedule.milestones", "[]")]
    [InlineData("""{"schedule": {"milestones": null}}""", "schedule.milestones", "null")]
    [InlineData("""{"schedule": {"tMax": 0}}""", "schedule.tMax", "0")]
    [InlineData("""{"schedule": {"etaMin": -1}}""", "schedule.etaMin", "-1")]
    [InlineData("""{"schedule": {"warmupSteps": 0}}""", "schedule.warmupSteps", "0")]
    [InlineData("""{"schedule": {"startFactor": 0}}""", "schedule.startFactor", "0")]
    [InlineData("""{"schedule": {"maxLearningRate": -1}}""", "schedule.maxLearningRate", "-1")]
    [InlineData("""{"schedule": {"factor": 1}}""", "schedule.factor", "1")]
    [InlineData("""{"schedule": {"patience": -1}}""", "schedule.patience", "-1")]
    [InlineData("""{"schedule": null}""", "schedule", "null")]
    [InlineData("""{"clipNorm": 0}""", "clipNorm", "0")]
    [InlineData("""{"clipNorm": "Infinity"}""", "clipNorm", "Infinity")]
    [InlineData("""{"device": "gpu"}""", "device", "\"gpu\"")]
    [InlineData("""{"device": "CUDA"}""", "device", "\"CUDA\"")]
    [InlineData("""{"device": "cuda:x"}""", "device", "\"cuda:x\"")]
    [InlineData("""{"device": "cuda:"}""", "device", "\"cuda:\"")]
    [InlineData("""{"device": ""}""", "device", "\"\"")]
    [InlineData("""{"device": null}""", "device", "null")]
    [InlineData("""{"evalEvery": 0}""", "evalEvery", "0")]
    [InlineData("""{"logEvery": -3}""", "logEvery", "-3")]
    [InlineData("""{"patience": -1}""", "patience", "-1")]
    [InlineData("""{"monitor": ""}""", "monitor", "\"\"")]
    [InlineData("""{"monitor": null}""", "monitor", "null")]
    [InlineData("""{"checkpointDir": " "}""", "checkpointDir", "\" \"")]
    [InlineData("""{"logDir": ""}""", "logDir", "\"\"")]
    [InlineData("""{"tbpttSteps": 0}""", "tbpttSteps", "0")]
    [InlineData("""{"explosionFactor": 1}""", "explosionFactor", "1")]
    [InlineData("""{"explosionFactor": "NaN"}""", "explosionFactor", "NaN")]
    [InlineData("""{"teacherForcingRatio": 1.5}""", "teacherForcingRatio", "1.5")]
    [InlineData("""{"teacherForcingRatio": -0.1}""", "teacherForcingRatio", "-0.1")]
    public void EachBadValueIsNamedWithItsKeyAndValue(string json, string key, string shownValue)
    {
        var e = Assert.Throws<ConfigException>(() => TrainingConfig.FromJson(json));
        Assert.Equal(new[] { key }, e.Keys);
        Assert.Contains($"{key} ", e.Message);
        Assert.Contains($"but was {shownValue}", e.Message);
        Assert.StartsWith("invalid values in the config: ", e.Message);
    }

    [Theory]
    [InlineData("""{"epochs": "ten"}""", "epochs")]
    [InlineData("""{"epochs": 2.5}""", "epochs")]
    [InlineData("""{"monitorGoal": "up"}""", "monitorGoal")]
    [InlineData("""{"monitorGoal": 1}""", "monitorGoal")]
    [InlineData("""{"optimizer": 3}""", "optimizer")]
    [InlineData("""{"optimizer": {"nesterov": "yes"}}""", "optimizer.nesterov")]
    [InlineData("""{"schedule": {"milestones": [1, "x"]}}""", "schedule.milestones")]
    public void ValuesOfTheWrongTypeAreNamed(string json, string key)
    {
        var e = Assert.Throws<ConfigException>(() => TrainingConfig.FromJson(json));
        Assert.Single(e.Keys);
        Assert.StartsWith(key, e.Keys[0]);
        Assert.Contains(key, e.Message);
        Assert.IsAssignableFrom<JsonException>(e.InnerException);
    }

    [Fact]
    public void SeveralBadValuesAreReportedTogether()
    {
        var e = Assert.Throws<ConfigException>(() => TrainingConfig.FromJson("""
            { "epochs": 0, "batchSize": -2, "optimizer": { "learningRate": -1 }, "schedule": { "gamma": 2 }, "device": "tpu" }
            """));
        Assert.Equal(new[] { "epochs", "batchSize", "optimizer.learningRate", "schedule.gamma", "device" }, e.Keys);
        foreach (var part in new[] { "epochs must be >= 1, but was 0", "batchSize must be >= 1, but was -2", "optimizer.learningRate", "schedule.gamma", "\"tpu\"" })
            Assert.Contains(part, e.Message);
    }

    [Fact]
    public void ValidateChecksConfigsMadeInCode()
    {
        var e = Assert.Throws<ConfigException>(() => new TrainingConfig { Epochs = -3, Optimizer = new OptimizerConfig { Name = "lbfgs" } }.Validate());
        Assert.Equal(new[] { "epochs", "optimizer.name" }, e.Keys);
        Unusual().Validate();
    }

    [Fact]
    public void SaveAndLoadRoundTripThroughAFile()
    {
        string path = Path.Combine(dir, "config.json");
        var original = Unusual();
        original.Save(path);
        Assert.Equal(original, TrainingConfig.Load(path));
        Assert.Equal(new[] { "config.json" }, Directory.GetFiles(dir).Select(Path.GetFileName).ToArray());

        var changed = original with { Epochs = 99 };
        changed.Save(path);
        Assert.Equal(changed, TrainingConfig.Load(path));
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void LoadNamesTheFileInEveryMessage()
    {
        string path = Path.Combine(dir, "config.json");
        File.WriteAllText(path, """{ "optimizer": { "lerningRate": 0.1 }, "epocs": 3 }""");
        var unknown = Assert.Throws<ConfigException>(() => TrainingConfig.Load(path));
        Assert.StartsWith($"unknown keys in {path}: optimizer.lerningRate, epocs", unknown.Message);

        File.WriteAllText(path, """{ "epochs": -1 }""");
        var bad = Assert.Throws<ConfigException>(() => TrainingConfig.Load(path));
        Assert.Contains(path, bad.Message);
        Assert.Contains("epochs", bad.Message);

        File.WriteAllText(path, """{ "epochs": """);
        Assert.Contains(path, Assert.Throws<ConfigException>(() => TrainingConfig.Load(path)).Message);

        File.WriteAllText(path, """{ "epochs": "x" }""");
        Assert.Contains(path, Assert.Throws<ConfigException>(() => TrainingConfig.Load(path)).Message);

        string missing = Path.Combine(dir, "nope.json");
        var notFound = Assert.Throws<ConfigException>(() => TrainingConfig.Load(missing));
        Assert.Contains(missing, notFound.Message);
        Assert.IsAssignableFrom<IOException>(notFound.InnerException);
    }

    [Fact]
    public void CpuResolvesToTheCpu()
    {
        Assert.Equal(new Device(DeviceType.CPU), new TrainingConfig { Device = "cpu" }.ResolveDevice());
    }

    [Fact]
    public void AutoResolvesToCudaWhenAvailableElseTheCpu()
    {
        var device = new TrainingConfig().ResolveDevice();
        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, device.type);
    }

    [Theory]
    [InlineData("cuda")]
    [InlineData("cuda:0")]
    [InlineData("cuda:9999")]
    public void CudaResolvesOnlyWhenTheDeviceExists(string name)
    {
        var config = new TrainingConfig { Device = name };
        if (!cuda.is_available())
        {
            var e = Assert.Throws<ConfigException>(() => config.ResolveDevice());
            Assert.Contains("CUDA is not available", e.Message);
            Assert.Equal(new[] { "device" }, e.Keys);
        }
        else if (name == "cuda:9999")
        {
            var e = Assert.Throws<ConfigException>(() => config.ResolveDevice());
            Assert.Contains("cuda:9999", e.Message);
        }
        else
        {
            Assert.Equal(DeviceType.CUDA, config.ResolveDevice().type);
        }
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:-1")]
    [InlineData("cpu:0")]
    public void ResolveRefusesStringsThatAreNotDevices(string name)
    {
        var e = Assert.Throws<ConfigException>(() => new TrainingConfig { Device = name }.ResolveDevice());
        Assert.Equal(new[] { "device" }, e.Keys);
        Assert.Contains($"\"{name}\"", e.Message);
    }
}
