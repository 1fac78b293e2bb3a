using System.Text.Json;
using RnnTorch.Models;
using RnnTorch.Training;
using static RnnTorch.torch;
using static RnnTorch.torch.optim.lr_scheduler;

namespace RnnTorch.Training.Tests;

[Collection(GlobalTorchStateCollection.Name)]
public sealed class TrainingCheckpointTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "rnn-torch-checkpoint-tests", Guid.NewGuid().ToString("N"));
    private readonly string path;
    private readonly List<IDisposable> owned = new();

    private static readonly TrainingState SavedState = new(3, 12, 0.5, 1, 2.25);

    private static readonly TrainingConfig SavedConfig = new()
    {
        Epochs = 7,
        Optimizer = new OptimizerConfig { LearningRate = 0.05 },
        Schedule = new ScheduleConfig { Name = "step", StepSize = 2, Gamma = 0.5 },
        CheckpointDir = "checkpoints",
    };

    public TrainingCheckpointTests()
    {
        Directory.CreateDirectory(dir);
        path = Path.Combine(dir, "last.safetensors");
    }

    public void Dispose()
    {
        foreach (var d in owned) d.Dispose();
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>A two-layer Elman RNN trained with Adam on fixed data, with a schedule.</summary>
    private sealed class Run
    {
        public Run(Tensor x, Tensor y, Func<optim.Optimizer, LRScheduler?> schedule, long hidden = 4, string optimizer = "adam")
        {
            X = x;
            Y = y;
            Model = new ElmanRnn(3, hidden, numLayers: 2);
            Optimizer = new OptimizerConfig { Name = optimizer, LearningRate = 0.05, Momentum = optimizer == "sgd" ? 0.5 : 0 }.Create(Model.parameters());
            Scheduler = schedule(Optimizer);
        }

        public Tensor X { get; }
        public Tensor Y { get; }
        public ElmanRnn Model { get; }
        public optim.Optimizer Optimizer { get; }
        public LRScheduler? Scheduler { get; }

        public void Step()
        {
            using var scope = NewDisposeScope();
            Optimizer.zero_grad();
            var (output, _) = Model.forward(X, null);
            nn.functional.mse_loss(output.mean(-1), Y.mean(-1)).backward(); // any hidden size
            Optimizer.step();
            if (Scheduler is impl.ReduceLROnPlateau plateau) plateau.step(1.0);
            else Scheduler?.step();
        }
    }

    private Run NewRun(Tensor x, Tensor y, Func<optim.Optimizer, LRScheduler?>? schedule = null, long hidden = 4, string optimizer = "adam")
    {
        var run = new Run(x, y, schedule ?? (o => StepLR(o, 2, 0.5)), hidden, optimizer);
        owned.Add(run.Model);
        owned.Add(run.Optimizer);
        return run;
    }

    private (Tensor X, Tensor Y) Data()
    {
        var x = randn(5, 2, 3);
        var y = randn(5, 2, 4);
        owned.Add(x);
        owned.Add(y);
        return (x, y);
    }

    /// <summary>A trained run, saved to <see cref="path"/>.</summary>
    private Run SavedRun()
    {
        manual_seed(7);
        var (x, y) = Data();
        var run = NewRun(x, y);
        for (int i = 0; i < 3; i++) run.Step();
        TrainingCheckpoint.Save(path, run.Model, run.Optimizer, run.Scheduler, SavedState, SavedConfig);
        return run;
    }

    private static Dictionary<string, long[]> Bits(IReadOnlyDictionary<string, Tensor> tensors, bool dispose)
    {
        var result = new Dictionary<string, long[]>();
        foreach (var (key, t) in tensors)
        {
            using var d = t.detach().to(ScalarType.Float64);
            result[key] = d.data<double>().Select(BitConverter.DoubleToInt64Bits).ToArray();
            if (dispose) t.Dispose();
        }
        return result;
    }

    private static Dictionary<string, long[]> ModelBits(nn.Module model) => Bits(model.state_dict(), dispose: false);

    private static Dictionary<string, long[]> OptimizerBits(optim.Optimizer optimizer) => Bits(optimizer.state_dict(), dispose: true);

    private static byte[] RngBytes()
    {
        using var s = get_rng_state();
        return s.data<byte>().ToArray();
    }

    private static void AssertSameBits(Dictionary<string, long[]> expected, Dictionary<string, long[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, bits) in expected) Assert.True(bits.SequenceEqual(actual[key]), $"{key} differs");
    }

    private static double[] Draw()
    {
        using var t = randn(6, ScalarType.Float64);
        return t.data<double>().ToArray();
    }

    [Fact]
    public void ResumedRunContinuesExactlyAsTheUninterruptedOne()
    {
        var a = SavedRun();
        var paramsAtSave = ModelBits(a.Model);
        var optimizerAtSave = OptimizerBits(a.Optimizer);
        var lrAtSave = a.Scheduler!.get_last_lr();
        int epochAtSave = a.Scheduler.last_epoch;
        var drawnAfterSave = Draw();
        a.Step();
        var paramsAfterStep = ModelBits(a.Model);
        double lrAfterStep = a.Optimizer.param_groups[0].LearningRate;

        manual_seed(1234);
        var b = NewRun(a.X, a.Y);
        Draw();
        var differentBefore = ModelBits(b.Model);
        Assert.False(differentBefore["weight_ih_l0"].SequenceEqual(paramsAtSave["weight_ih_l0"]));

        var (state, config) = TrainingCheckpoint.Load(path, b.Model, b.Optimizer, b.Scheduler);

        Assert.Equal(SavedState, state);
        Assert.Equal(SavedConfig, config);
        AssertSameBits(paramsAtSave, ModelBits(b.Model));
        AssertSameBits(optimizerAtSave, OptimizerBits(b.Optimizer));
        Assert.Equal(lrAtSave, b.Scheduler!.get_last_lr());
        Assert.Equal(epochAtSave, b.Scheduler.last_epoch);
        Assert.Equal(lrAtSave[0], b.Optimizer.param_groups[0].LearningRate);
        Assert.Equal(drawnAfterSave.Select(BitConverter.DoubleToInt64Bits), Draw().Select(BitConverter.DoubleToInt64Bits));

        b.Step();
        AssertSameBits(paramsAfterStep, ModelBits(b.Model));
        Assert.Equal(lrAfterStep, b.Optimizer.param_groups[0].LearningRate);
        Assert.Equal(0.0125, lrAfterStep, 15); // StepLR(2, 0.5) from 0.05 at epoch 4: 0.05 · 0.5².
    }

    [Fact]
    public void FileHoldsTheDocumentedTensorsAndMetadataAndASidecar()
    {
        var run = SavedRun();
        var tensors = torch.load(path, out var metadata);
        try
        {
            var modelKeys = run.Model.state_dict().Keys.Select(k => "model." + k);
            Assert.Subset(tensors.Keys.ToHashSet(), modelKeys.ToHashSet());
            Assert.Contains("optimizer.param_groups.0.lr", tensors.Keys);
            Assert.Contains("optimizer.state.0.exp_avg", tensors.Keys);
            Assert.Equal(ScalarType.Byte, tensors["rng"].dtype);
            Assert.DoesNotContain(tensors.Keys, k => !k.StartsWith("model.", StringComparison.Ordinal) && !k.StartsWith("optimizer.", StringComparison.Ordinal) && k != "rng");
            Assert.Equal(new[] { "config", "format", "scheduler", "state" }, metadata.Keys.Order());
            Assert.Equal("rnn-torch-checkpoint-1", metadata["format"]);
            Assert.Equal(SavedConfig, TrainingConfig.FromJson(metadata["config"]));
            using var schedulerJson = JsonDocument.Parse(metadata["scheduler"]);
            Assert.Equal(3, schedulerJson.RootElement.GetProperty("last_epoch").GetDouble());
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }

        using var sidecar = JsonDocument.Parse(File.ReadAllText(path + ".json"));
        var root = sidecar.RootElement;
        Assert.Equal("rnn-torch-checkpoint-1", root.GetProperty("format").GetString());
        Assert.Equal("last.safetensors", root.GetProperty("checkpoint").GetString());
        Assert.Equal(7, root.GetProperty("config").GetProperty("epochs").GetInt32());
        Assert.Equal(0.05, root.GetProperty("config").GetProperty("optimizer").GetProperty("learningRate").GetDouble());
        Assert.Equal(12, root.GetProperty("state").GetProperty("step").GetInt64());
        Assert.Equal(2.25, root.GetProperty("state").GetProperty("firstLoss").GetDouble());
        Assert.Equal(3, root.GetProperty("scheduler").GetProperty("last_epoch").GetDouble());
        Assert.Equal(new[] { "last.safetensors", "last.safetensors.json" }, Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToArray());
    }

    [Fact]
    public void RunsWithoutASchedulerRoundTrip()
    {
        manual_seed(3);
        var (x, y) = Data();
        var a = NewRun(x, y, _ => null, optimizer: "sgd");
        a.Step();
        a.Step();
        var state = SavedState with { BestMetric = null, FirstLoss = null };
        TrainingCheckpoint.Save(path, a.Model, a.Optimizer, null, state, SavedConfig);
        var b = NewRun(x, y, _ => null, optimizer: "sgd");
        var (loaded, _) = TrainingCheckpoint.Load(path, b.Model, b.Optimizer, null);
        Assert.Equal(state, loaded);
        AssertSameBits(ModelBits(a.Model), ModelBits(b.Model));
        AssertSameBits(OptimizerBits(a.Optimizer), OptimizerBits(b.Optimizer));

        using var sidecar = JsonDocument.Parse(File.ReadAllText(path + ".json"));
        Assert.Equal(JsonValueKind.Null, sidecar.RootElement.GetProperty("scheduler").ValueKind);
        Assert.Equal(JsonValueKind.Null, sidecar.RootElement.GetProperty("state").GetProperty("bestMetric").ValueKind);
    }

    [Fact]
    public void PlateauStateWithAnInfiniteBestRoundTrips()
    {
        manual_seed(5);
        var (x, y) = Data();
        var a = NewRun(x, y, o => ReduceLROnPlateau(o, patience: 0, factor: 0.5));
        Assert.Equal(double.PositiveInfinity, ((impl.ReduceLROnPlateau)a.Scheduler!).best);
        TrainingCheckpoint.Save(path, a.Model, a.Optimizer, a.Scheduler, SavedState, SavedConfig);
        var b = NewRun(x, y, o => ReduceLROnPlateau(o, patience: 0, factor: 0.5));
        b.Scheduler!.step(1.0);
        b.Scheduler.step(2.0);
        Assert.Equal(0.025, b.Optimizer.param_groups[0].LearningRate, 15);
        TrainingCheckpoint.Load(path, b.Model, b.Optimizer, b.Scheduler);
        var plateau = (impl.ReduceLROnPlateau)b.Scheduler;
        Assert.Equal(double.PositiveInfinity, plateau.best);
        Assert.Equal(0, plateau.num_bad_epochs);
        Assert.Equal(0.05, b.Optimizer.param_groups[0].LearningRate);
    }

    [Fact]
    public void MissingFileNamesIt()
    {
        manual_seed(1);
        var (x, y) = Data();
        var run = NewRun(x, y);
        string missing = Path.Combine(dir, "nope.safetensors");
        var e = Assert.Throws<FileNotFoundException>(() => TrainingCheckpoint.Load(missing, run.Model, run.Optimizer, run.Scheduler));
        Assert.Contains(missing, e.Message);
    }

    public static TheoryData<string> Corruptions => new() { "truncated", "header-only", "empty", "garbage", "bad-header", "plain-safetensors", "wrong-format" };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void CorruptCheckpointIsRefusedNamingTheFileAndChangesNothing(string corruption)
    {
        SavedRun();
        var bytes = File.ReadAllBytes(path);
        string bad = Path.Combine(dir, $"{corruption}.safetensors");
        switch (corruption)
        {
            case "truncated":
                File.WriteAllBytes(bad, bytes[..(bytes.Length / 2)]);
                break;
            case "header-only":
                File.WriteAllBytes(bad, bytes[..(8 + (int)BitConverter.ToInt64(bytes, 0))]);
                break;
            case "empty":
                File.WriteAllBytes(bad, Array.Empty<byte>());
                break;
            case "garbage":
                File.WriteAllBytes(bad, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 + 11)).ToArray());
                break;
            case "bad-header":
                var copy = (byte[])bytes.Clone();
                copy[8] = (byte)'[';
                File.WriteAllBytes(bad, copy);
                break;
            case "plain-safetensors":
                using (var t = ones(3)) torch.save(new Dictionary<string, Tensor> { ["model.x"] = t }, bad);
                break;
            case "wrong-format":
                using (var t = ones(3)) torch.save(new Dictionary<string, Tensor> { ["rng"] = t }, bad, new Dictionary<string, string> { ["format"] = "pt" });
                break;
        }

        manual_seed(99);
        var (x, y) = Data();
        var b = NewRun(x, y);
        b.Step();
        var model = ModelBits(b.Model);
        var optimizer = OptimizerBits(b.Optimizer);
        var lr = b.Scheduler!.get_last_lr();
        var rng = RngBytes();

        var e = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Load(bad, b.Model, b.Optimizer, b.Scheduler));
        Assert.Contains(bad, e.Message);

        AssertSameBits(model, ModelBits(b.Model));
        AssertSameBits(optimizer, OptimizerBits(b.Optimizer));
        Assert.Equal(lr, b.Scheduler.get_last_lr());
        Assert.Equal(rng, RngBytes());
    }

    [Theory]
    [InlineData("model")]
    [InlineData("optimizer")]
    [InlineData("scheduler-kind")]
    [InlineData("scheduler-missing")]
    [InlineData("scheduler-extra")]
    public void CheckpointThatDoesNotFitIsRefusedAndChangesNothing(string mismatch)
    {
        if (mismatch == "scheduler-extra")
        {
            manual_seed(4);
            var (x0, y0) = Data();
            var noSchedule = NewRun(x0, y0, _ => null);
            noSchedule.Step();
            TrainingCheckpoint.Save(path, noSchedule.Model, noSchedule.Optimizer, null, SavedState, SavedConfig);
        }
        else
        {
            SavedRun();
        }

        manual_seed(99);
        var (x, y) = Data();
        var b = mismatch switch
        {
            "model" => NewRun(x, y, hidden: 5),
            "optimizer" => NewRun(x, y, optimizer: "sgd"),
            "scheduler-kind" => NewRun(x, y, o => ReduceLROnPlateau(o)),
            "scheduler-missing" => NewRun(x, y, _ => null),
            _ => NewRun(x, y),
        };
        b.Step();
        b.Step();
        var model = ModelBits(b.Model);
        var optimizer = OptimizerBits(b.Optimizer);
        var lr = b.Optimizer.param_groups[0].LearningRate;
        var schedulerState = b.Scheduler?.state_dict();
        var rng = RngBytes();

        var e = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Load(path, b.Model, b.Optimizer, b.Scheduler));
        Assert.Contains(path, e.Message);
        if (mismatch == "model") Assert.Contains("mis-shaped", e.Message);

        AssertSameBits(model, ModelBits(b.Model));
        AssertSameBits(optimizer, OptimizerBits(b.Optimizer));
        Assert.Equal(lr, b.Optimizer.param_groups[0].LearningRate);
        Assert.Equal(schedulerState, b.Scheduler?.state_dict());
        Assert.Equal(rng, RngBytes());
    }

    [Fact]
    public void LeftoverTemporaryFileDoesNotAffectLoading()
    {
        var a = SavedRun();
        File.WriteAllBytes(path + ".tmp-xyz", new byte[] { 0x40, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'"' });
        File.WriteAllText(path + ".json.tmp-abc", "{ \"format\": ");
        var b = NewRun(a.X, a.Y);
        var (state, _) = TrainingCheckpoint.Load(path, b.Model, b.Optimizer, b.Scheduler);
        Assert.Equal(SavedState, state);
        AssertSameBits(ModelBits(a.Model), ModelBits(b.Model));
    }

    [Fact]
    public void FailedSaveLeavesTheExistingCheckpointIntact()
    {
        var a = SavedRun();
        var before = File.ReadAllBytes(path);
        var sidecarBefore = File.ReadAllBytes(path + ".json");

        var broken = new ElmanRnn(3, 4, numLayers: 2);
        owned.Add(broken);
        broken.state_dict()["weight_hh_l1"].Dispose();
        Assert.Throws<ObjectDisposedException>(() =>
            TrainingCheckpoint.Save(path, broken, a.Optimizer, a.Scheduler, SavedState with { Step = 99 }, SavedConfig with { Epochs = 1 }));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(sidecarBefore, File.ReadAllBytes(path + ".json"));
        Assert.Equal(new[] { "last.safetensors", "last.safetensors.json" }, Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToArray());
        var b = NewRun(a.X, a.Y);
        var (state, config) = TrainingCheckpoint.Load(path, b.Model, b.Optimizer, b.Scheduler);
        Assert.Equal(SavedState, state);
        Assert.Equal(SavedConfig, config);
    }

    [Fact]
    public void SavingAgainReplacesTheCheckpoint()
    {
        var a = SavedRun();
        a.Step();
        var newer = SavedState with { Step = 13, Epoch = 4 };
        TrainingCheckpoint.Save(path, a.Model, a.Optimizer, a.Scheduler, newer, SavedConfig);
        var b = NewRun(a.X, a.Y);
        var (state, _) = TrainingCheckpoint.Load(path, b.Model, b.Optimizer, b.Scheduler);
        Assert.Equal(newer, state);
        AssertSameBits(ModelBits(a.Model), ModelBits(b.Model));
        using var sidecar = JsonDocument.Parse(File.ReadAllText(path + ".json"));
        Assert.Equal(13, sidecar.RootElement.GetProperty("state").GetProperty("step").GetInt64());
        Assert.Equal(2, Directory.GetFiles(dir).Length);
    }
}
