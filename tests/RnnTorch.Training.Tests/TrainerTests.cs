using RnnTorch.Models;
using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Training.Tests;

/// <summary>The training loop's promises: equivalence of cores, exact resume, reproducibility, early stopping, guards, masks, TBPTT, logs.</summary>
[Collection(GlobalTorchStateCollection.Name)]
public sealed class TrainerTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"rnn-torch-trainer-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
    }

    /// <summary>Sequences of ±values of varying length, labelled by the sign of their sum.</summary>
    private static List<SequenceBatch> SignBatches(int count, int batch, int length, int seed)
    {
        manual_seed(seed);
        var result = new List<SequenceBatch>();
        for (int b = 0; b < count; b++)
        {
            var lengths = randint(2, length + 1, new long[] { batch });
            var mask = MaskedLoss.LengthMask(lengths, length).unsqueeze(2).to(ScalarType.Float32);
            var x = randn(batch, length, 1) * mask;
            var y = x.sum(new long[] { 1, 2 }).gt(0).to(ScalarType.Int64);
            result.Add(new SequenceBatch(x.DetachFromDisposeScope(), y.DetachFromDisposeScope(), lengths.DetachFromDisposeScope()));
        }
        return result;
    }

    private static TrainingConfig Config(int epochs, string? checkpoints = null, string? logs = null) => new()
    {
        Epochs = epochs,
        Optimizer = new OptimizerConfig { Name = "sgd", LearningRate = 0.05 },
        ClipNorm = 5.0,
        Seed = 7,
        Device = "cpu",
        CheckpointDir = checkpoints,
        LogDir = logs,
        LogEvery = 1,
    };

    private static IProgressReporter Quiet() => ProgressReporter.Create(TextWriter.Null, interactive: false);

    private static SequenceClassifier Classifier(CoreKind kind, int seed)
    {
        manual_seed(seed);
        return new SequenceClassifier(kind, SequenceInput.Features(1), hiddenSize: 8, classes: 2);
    }

    [Fact]
    public void HandRolledAndBuiltInCoresFromTheSameWeightsGiveTheSameLossCurve()
    {
        var data = new ListBatchSource<SequenceBatch>(SignBatches(6, 8, 7, 1), seed: 3);
        using var hand = Classifier(CoreKind.Elman, 11);
        using var builtIn = Classifier(CoreKind.Rnn, 12);
        builtIn.load_state_dict(hand.state_dict());
        var a = new Trainer<SequenceBatch>(Config(2), new ClassificationTask(hand, 2), Quiet()).Fit(data);
        var b = new Trainer<SequenceBatch>(Config(2), new ClassificationTask(builtIn, 2), Quiet()).Fit(data);
        Assert.Equal(StopReason.Completed, a.Reason);
        Assert.Equal(12, a.StepLosses.Count);
        Assert.Equal(a.StepLosses.Count, b.StepLosses.Count);
        for (int i = 0; i < a.StepLosses.Count; i++)
            Assert.True(Math.Abs(a.StepLosses[i] - b.StepLosses[i]) <= 1e-5, $"step {i}: {a.StepLosses[i]} vs {b.StepLosses[i]}");
        Assert.True(a.StepLosses[^1] < a.StepLosses[0] * 1.5);
    }

    [Fact]
    public void SameSeedAndConfigGiveBitIdenticalLossCurves()
    {
        var data = new ListBatchSource<SequenceBatch>(SignBatches(5, 8, 6, 2), seed: 4);
        using var m1 = Classifier(CoreKind.Elman, 5);
        using var m2 = Classifier(CoreKind.Elman, 5);
        var a = new Trainer<SequenceBatch>(Config(2), new ClassificationTask(m1, 2), Quiet()).Fit(data);
        var b = new Trainer<SequenceBatch>(Config(2), new ClassificationTask(m2, 2), Quiet()).Fit(data);
        Assert.Equal(a.StepLosses, b.StepLosses);
    }

    [Fact]
    public void ResumingFromACheckpointContinuesTheExactSameLossTrajectory()
    {
        var data = new ListBatchSource<SequenceBatch>(SignBatches(5, 8, 6, 3), seed: 5);
        var validation = new ListBatchSource<SequenceBatch>(SignBatches(2, 8, 6, 4), shuffle: false);
        using var straight = Classifier(CoreKind.Elman, 6);
        var full = new Trainer<SequenceBatch>(Config(3) with { Optimizer = new OptimizerConfig { Name = "adam", LearningRate = 0.01 } },
            new ClassificationTask(straight, 2), Quiet()).Fit(data, validation);

        using var first = Classifier(CoreKind.Elman, 6);
        var config = Config(1, Path.Combine(dir, "ck")) with { Optimizer = new OptimizerConfig { Name = "adam", LearningRate = 0.01 } };
        var part1 = new Trainer<SequenceBatch>(config, new ClassificationTask(first, 2), Quiet()).Fit(data, validation);
        using var second = Classifier(CoreKind.Elman, 99); // different initial weights: the checkpoint must restore them
        var part2 = new Trainer<SequenceBatch>(config with { Epochs = 3 }, new ClassificationTask(second, 2), Quiet())
            .Fit(data, validation, resumeFrom: part1.LastCheckpoint);
        Assert.Equal(full.StepLosses, part1.StepLosses.Concat(part2.StepLosses));
        Assert.Equal(3, part2.State.Epoch);
    }

    /// <summary>A task whose validation loss follows a script, to test early stopping.</summary>
    private sealed class ScriptedTask(double[] validationLosses) : ITrainingTask<SequenceBatch>
    {
        private readonly Linear linear = Linear(1, 1);
        private int evaluations;

        public Module Model => linear;
        public int StepsPerBatch => 1;
        public void Reset() { }

        public IEnumerable<TaskLoss> Losses(SequenceBatch batch, MetricAccumulator metrics, bool training)
        {
            if (!training)
            {
                metrics.AddLoss(validationLosses[evaluations++], 1);
                yield break;
            }
            var loss = linear.forward(batch.Inputs).square().mean();
            metrics.AddLoss(loss.item<double>(), 1);
            yield return new TaskLoss(loss, 1);
        }
    }

    [Fact]
    public void EarlyStoppingFiresAtTheRightEpoch()
    {
        var batch = new SequenceBatch(ones(2, 1), zeros(2));
        var data = new ListBatchSource<SequenceBatch>(new[] { batch });
        // Best at evaluation 3; evaluations 4 and 5 do not improve; patience 2 stops after epoch 5.
        var task = new ScriptedTask(new[] { 5.0, 4.0, 3.0, 3.5, 3.2, 1.0, 0.5 });
        var result = new Trainer<SequenceBatch>(Config(7) with { Patience = 2 }, task, Quiet()).Fit(data, data);
        Assert.Equal(StopReason.EarlyStopped, result.Reason);
        Assert.Equal(5, result.State.Epoch);
        Assert.Equal(3.0, result.State.BestMetric);
    }

    /// <summary>A task whose loss turns NaN at a given step.</summary>
    private sealed class NanTask(int nanAtStep) : ITrainingTask<SequenceBatch>
    {
        private readonly Linear linear = Linear(1, 1);
        private int steps;

        public Module Model => linear;
        public int StepsPerBatch => 1;
        public void Reset() { }

        public IEnumerable<TaskLoss> Losses(SequenceBatch batch, MetricAccumulator metrics, bool training)
        {
            var loss = linear.forward(batch.Inputs).square().mean();
            if (++steps == nanAtStep) loss = loss * double.NaN;
            yield return new TaskLoss(loss, 1);
        }
    }

    [Fact]
    public void NanGuardStopsWithTheStepAndTheLastGoodCheckpoint()
    {
        var batch = new SequenceBatch(ones(2, 1), zeros(2));
        var data = new ListBatchSource<SequenceBatch>(new[] { batch, batch, batch });
        var result = new Trainer<SequenceBatch>(Config(5, Path.Combine(dir, "nan")), new NanTask(7), Quiet()).Fit(data);
        Assert.Equal(StopReason.Diverged, result.Reason);
        Assert.Equal(7, result.State.Step);
        Assert.Contains("NaN at step 7", result.Message);
        Assert.Contains("last.safetensors", result.Message);
        Assert.True(File.Exists(result.LastCheckpoint));
    }

    [Fact]
    public void MaskedLossIgnoresPadding()
    {
        manual_seed(8);
        using var tagger = new SequenceTagger(CoreKind.Elman, SequenceInput.Features(2), hiddenSize: 5, classes: 3);
        var lengths = tensor(new long[] { 4, 2, 3 });
        var x = randn(3, 4, 2);
        var y = randint(0, 3, new long[] { 3, 4 });
        var mask = MaskedLoss.LengthMask(lengths, 4);
        double[] Gradients(Tensor inputs, Tensor targets)
        {
            tagger.zero_grad();
            var (loss, count) = MaskedLoss.CrossEntropy(tagger.forward(inputs, lengths), targets, mask);
            Assert.Equal(9, count);
            loss.backward();
            return tagger.parameters().SelectMany(p => p.grad!.data<float>().ToArray().Select(v => (double)v)).Append(loss.item<double>()).ToArray();
        }
        var reference = Gradients(x, y);
        var padding = mask.logical_not();
        var x2 = x.masked_fill(padding.unsqueeze(2), 1000.0);
        var y2 = y.masked_fill(padding, 2);
        Assert.Equal(reference, Gradients(x2, y2));
    }

    [Fact]
    public void TbpttWithTheWholeSequenceEqualsFullBptt()
    {
        manual_seed(9);
        var tokens = randint(0, 6, new long[] { 4, 9 });
        var batch = new SequenceBatch(tokens.narrow(1, 0, 8).DetachFromDisposeScope(), tokens.narrow(1, 1, 8).DetachFromDisposeScope());
        var data = new ListBatchSource<SequenceBatch>(new[] { batch }, shuffle: false);
        TrainingResult Run(int? k)
        {
            manual_seed(10);
            using var lm = new LanguageModel(CoreKind.Elman, 6, 4, 8);
            return new Trainer<SequenceBatch>(Config(3), new LanguageModelTask(lm, k, sequenceLength: 8), Quiet()).Fit(data);
        }
        var full = Run(null);
        var whole = Run(8);
        var chunked = Run(3);
        Assert.Equal(full.StepLosses, whole.StepLosses);
        Assert.Equal(3, full.StepLosses.Count);
        Assert.Equal(9, chunked.StepLosses.Count); // chunks of 3, 3 and 2 steps per batch
    }

    [Fact]
    public void MetricsLogHasOneRowPerIntervalAndAReport()
    {
        var data = new ListBatchSource<SequenceBatch>(SignBatches(4, 8, 5, 6), seed: 1);
        using var model = Classifier(CoreKind.Rnn, 3);
        var logs = Path.Combine(dir, "run");
        var result = new Trainer<SequenceBatch>(Config(2, logs: logs) with { LogEvery = 2 }, new ClassificationTask(model, 2), Quiet()).Fit(data);
        var csv = File.ReadAllLines(Path.Combine(logs, "metrics.csv"));
        var rows = csv.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(8 / 2, rows.Count(r => r[2] == "train"));
        Assert.Equal(2, rows.Count(r => r[2] == "epoch"));
        var jsonl = File.ReadAllLines(Path.Combine(logs, "metrics.jsonl"));
        Assert.Equal(rows.Count, jsonl.Length);
        foreach (var line in jsonl) System.Text.Json.JsonDocument.Parse(line).Dispose();
        Assert.Contains("train_loss", File.ReadAllText(Path.Combine(logs, "report.md")));
        Assert.Equal(StopReason.Completed, result.Reason);
    }

    [Fact]
    public void CancellationWritesACheckpointAndReturnsCleanly()
    {
        var data = new ListBatchSource<SequenceBatch>(SignBatches(3, 4, 5, 7));
        using var model = Classifier(CoreKind.Elman, 4);
        using var source = new CancellationTokenSource();
        source.Cancel();
        var result = new Trainer<SequenceBatch>(Config(3, Path.Combine(dir, "cancel")), new ClassificationTask(model, 2), Quiet())
            .Fit(data, cancel: source.Token);
        Assert.Equal(StopReason.Cancelled, result.Reason);
        Assert.Equal(1, result.State.Step);
        Assert.True(File.Exists(result.LastCheckpoint));
        Assert.EndsWith("interrupted.safetensors", result.LastCheckpoint);
        Assert.Contains("cancelled in epoch 1", result.Message);
    }

    [Fact]
    public void Float64ModelsGetFloat64Inputs()
    {
        var data = new ListBatchSource<SequenceBatch>(SignBatches(2, 4, 5, 8));
        using var model = Classifier(CoreKind.Rnn, 4).@double();
        var result = new Trainer<SequenceBatch>(Config(1), new ClassificationTask(model, 2), Quiet()).Fit(data);
        Assert.Equal(StopReason.Completed, result.Reason);
        Assert.All(result.StepLosses, l => Assert.True(double.IsFinite(l)));
    }
}
