using RnnTorch.Models;
using static RnnTorch.torch;

namespace RnnTorch.Training.Tests;

/// <summary>A long run's memory stays flat: every step runs inside a dispose scope.</summary>
[Collection(GlobalTorchStateCollection.Name)]
public sealed class TrainerMemoryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Records the resident set size at chosen steps.</summary>
    /// <summary>
    /// The step of the first sample: by then the allocators (glibc arenas, the GC heap grown by earlier tests in this
    /// process) have settled; a leak shows as growth over the 1,000 steps after it.
    /// </summary>
    private const int WarmUp = 1000;

    private sealed class RssProbe : IProgressReporter
    {
        private int steps;
        public Dictionary<int, long> Rss { get; } = new();

        public void Start(int epochs, int batchesPerEpoch) { }
        public void Step(int epoch, int batch, double loss, double sequencesPerSecond, double learningRate)
        {
            steps++;
            if (steps is WarmUp or 2000)
            {
                // Collect first, so that both samples see the managed heap after a full collection.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Rss[steps] = ResidentBytes();
            }
        }
        public void Epoch(int epoch, IReadOnlyDictionary<string, double> metrics) { }
        public void Message(string line) { }
        public void Stop() { }
    }

    private static void Collect()
    {
        for (int i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException("no VmRSS in /proc/self/status");
    }

    [Fact]
    public void TwoThousandStepsKeepResidentMemoryWithinFivePercentAfterWarmUp()
    {
        manual_seed(3);
        var batches = new List<SequenceBatch>();
        for (int i = 0; i < 20; i++)
        {
            var x = randn(4, 6, 1).DetachFromDisposeScope();
            batches.Add(new SequenceBatch(x, x.sum(new long[] { 1, 2 }).gt(0).to(ScalarType.Int64).DetachFromDisposeScope()));
        }
        using var model = new SequenceClassifier(CoreKind.Elman, SequenceInput.Features(1), hiddenSize: 8, classes: 2);
        var probe = new RssProbe();
        var config = new TrainingConfig { Epochs = 100, Device = "cpu", LogEvery = 1, Optimizer = new OptimizerConfig { Name = "adam", LearningRate = 0.01 } };
        Collect();
        long liveBefore = live_tensor_count;
        var result = new Trainer<SequenceBatch>(config, new ClassificationTask(model, 2), probe).Fit(new ListBatchSource<SequenceBatch>(batches));
        Assert.Equal(2000, result.State.Step);
        Collect(); // the optimizer's state tensors go with the optimizer
        Assert.Equal(liveBefore, live_tensor_count);
        double growth = (double)(probe.Rss[2000] - probe.Rss[WarmUp]) / probe.Rss[WarmUp];
        output.WriteLine($"RSS at step {WarmUp}: {probe.Rss[WarmUp] / 1e6:F1} MB, at step 2000: {probe.Rss[2000] / 1e6:F1} MB ({growth:+0.00%;-0.00%})");
        Assert.True(growth < 0.05, $"RSS grew {growth:P1} between step {WarmUp} ({probe.Rss[WarmUp] / 1e6:F1} MB) and step 2000 ({probe.Rss[2000] / 1e6:F1} MB)");
        foreach (var b in batches)
        {
            b.Inputs.Dispose();
            b.Targets.Dispose();
        }
    }
}
