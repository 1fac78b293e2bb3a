using System.Diagnostics;
using System.Globalization;
using RnnTorch.Data;
using RnnTorch.Models;
using RnnTorch.Training;
using static RnnTorch.torch;

namespace RnnTorch.Cli;

/// <summary>
/// <c>rnn-torch compare</c>, the main job: the hand-rolled Elman RNN (<see cref="CoreKind.Elman"/>) against libtorch's
/// built-in <c>nn.RNN</c> (<see cref="CoreKind.Rnn"/>) on seattle-weather (next-day max temperature from the previous
/// 14 days of the four numeric columns, normalised on the training part, split by time 70/15/15). Both start from the
/// same weights; the equivalence of outputs and gradients is checked first, then both train on the same batches in the
/// same order, and a side-by-side table is printed and written to <c>summary.md</c> in the run directory.
/// </summary>
internal static class Compare
{
    /// <summary>Input days per window.</summary>
    public const int Lookback = 14;

    /// <summary>Windows per batch.</summary>
    public const int BatchSize = 32;

    /// <summary>The largest max |difference| of outputs or gradients at the start that counts as equivalent.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>The name of the table file in the run directory.</summary>
    public const string SummaryFileName = "summary.md";

    /// <summary>The log directories of the two runs, under the run directory.</summary>
    public const string ElmanDir = "elman", RnnDir = "rnn";

    /// <summary>Runs the verb on the arguments after it: 0 on success, 1 when the check or the run fails, 2 for bad arguments.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        if (!CompareOptions.TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        try
        {
            return Execute(options, Console.Out);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DataException or TorchException or ArgumentException)
        {
            Console.Error.WriteLine($"rnn-torch compare: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    private static int Execute(CompareOptions o, TextWriter output)
    {
        string runDir = Path.GetFullPath(o.Out ?? Path.Combine("runs", $"compare-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
        Directory.CreateDirectory(runDir);

        // ---- data: 14 days of all four columns → next day's temp_max, normalised on the training part ----------
        var series = SeattleWeather.Load();
        var split = series.SplitByTime(0.70, 0.15);
        var normalizer = Normalizer.Fit(split.Train);
        var window = new WindowOptions { InputLength = Lookback, Horizon = 1, Target = WindowTarget.ManyToOne };
        string[] targets = [SeattleWeather.TempMax];
        var trainSet = new WindowDataset(normalizer.Transform(split.Train), SeattleWeather.Columns, targets, window);
        var valSet = new WindowDataset(normalizer.Transform(split.Validation), SeattleWeather.Columns, targets, window);
        var trainBatches = MakeBatches(trainSet, o.Quick ? Math.Min(trainSet.Count, 8 * BatchSize) : trainSet.Count);
        var valBatches = MakeBatches(valSet, o.Quick ? Math.Min(valSet.Count, 2 * BatchSize) : valSet.Count);
        try
        {
            output.WriteLine($"rnn-torch compare: ElmanRnn (hand-rolled) vs nn.RNN (built-in) on {SeattleWeather.Name}, next-day {SeattleWeather.TempMax}");
            output.WriteLine($"  {trainBatches.Sum(b => b.Inputs.size(0))} training / {valBatches.Sum(b => b.Inputs.size(0))} validation windows of {Lookback} days × {SeattleWeather.Columns.Count} columns; " +
                $"hidden {o.Hidden}, {o.Epochs} epoch(s), batch {BatchSize}, seed {o.Seed}{(o.Quick ? ", quick" : "")}");
            output.WriteLine($"  libtorch {__version__}, {get_num_threads()} threads; run directory {runDir}");

            // ---- the same initial weights: the built-in core loads the hand-rolled one's state dict ------------
            manual_seed(o.Seed);
            var input = SequenceInput.Features(SeattleWeather.Columns.Count);
            using var elman = new SequenceRegressor(CoreKind.Elman, input, o.Hidden, 1);
            using var rnn = new SequenceRegressor(CoreKind.Rnn, input, o.Hidden, 1);
            rnn.load_state_dict(elman.state_dict());

            // ---- the equivalence proof: outputs and every parameter's gradient on a validation batch ----------
            var (outputDiff, gradientDiff) = Equivalence(elman, rnn, valBatches[0]);
            output.WriteLine($"  equivalence at start: max |Δ| outputs {Sci(outputDiff)}, max |Δ| gradients {Sci(gradientDiff)} (tolerance {Sci(Tolerance)})");
            if (!(outputDiff < Tolerance && gradientDiff < Tolerance))
            {
                Console.Error.WriteLine($"rnn-torch compare: equivalence check failed: max |Δ| outputs {Sci(outputDiff)}, gradients {Sci(gradientDiff)}, tolerance {Sci(Tolerance)}");
                return 1;
            }

            // ---- training: same seed, same batches, same order ------------------------------------------------
            Func<double, double> toCelsius = v => normalizer.Inverse(SeattleWeather.TempMax, v);
            var elmanResult = Train(elman, toCelsius, trainBatches, valBatches, o, Path.Combine(runDir, ElmanDir), "ElmanRnn (hand-rolled)", output);
            var rnnResult = Train(rnn, toCelsius, trainBatches, valBatches, o, Path.Combine(runDir, RnnDir), "nn.RNN (built-in)", output);
            foreach (var r in new[] { elmanResult, rnnResult })
            {
                if (r.Reason is not (StopReason.Completed or StopReason.EarlyStopped))
                {
                    Console.Error.WriteLine($"rnn-torch compare: training stopped: {r.Message}");
                    return 1;
                }
            }

            // ---- speed: training step (forward, loss, backward, Adam step) and inference step (no_grad) ------
            int repeats = o.Quick ? 3 : 20;
            var probe = trainBatches[0];
            double elmanInfer = InferenceMs(elman, probe, repeats), rnnInfer = InferenceMs(rnn, probe, repeats);
            double elmanStep = TrainingStepMs(elman, probe, repeats), rnnStep = TrainingStepMs(rnn, probe, repeats);

            // ---- the table --------------------------------------------------------------------------------------
            var rows = new List<CompareRow>
            {
                new("max |Δ| outputs at start", Sci(outputDiff), "(reference)"),
                new("max |Δ| gradients at start", Sci(gradientDiff), "(reference)"),
                new("final train loss", Fixed(Metric(elmanResult, "train_loss"), 4), Fixed(Metric(rnnResult, "train_loss"), 4)),
                new("final validation loss", Fixed(Metric(elmanResult, "val_loss"), 4), Fixed(Metric(rnnResult, "val_loss"), 4)),
                new("validation MAE (°C)", Fixed(Metric(elmanResult, "val_mae"), 3), Fixed(Metric(rnnResult, "val_mae"), 3)),
                new("ms/training step", Fixed(elmanStep, 3), Fixed(rnnStep, 3)),
                new("ms/inference step", Fixed(elmanInfer, 3), Fixed(rnnInfer, 3)),
                new("parameters", Count(elman).ToString(CultureInfo.InvariantCulture), Count(rnn).ToString(CultureInfo.InvariantCulture)),
            };
            output.WriteLine();
            output.Write(CompareTable.Text(rows));
            string notes =
                $"Dataset {SeattleWeather.Name}: next-day {SeattleWeather.TempMax} from the previous {Lookback} days of {string.Join(", ", SeattleWeather.Columns)}, " +
                $"normalised on the training part, split by time 70/15/15. {trainBatches.Sum(b => b.Inputs.size(0))} training and {valBatches.Sum(b => b.Inputs.size(0))} validation windows; " +
                $"hidden {o.Hidden}, {o.Epochs} epoch(s) of Adam, batch {BatchSize}, seed {o.Seed}{(o.Quick ? ", quick run" : "")}. " +
                $"Both models start from the same weights and see the same batches in the same order. Timings: median over {repeats} steps on a batch of {probe.Inputs.size(0)} " +
                $"(training step = forward, loss, backward, Adam step; inference step = forward under no_grad), libtorch {__version__}, {get_num_threads()} threads.";
            string summary = Path.Combine(runDir, SummaryFileName);
            File.WriteAllText(summary, CompareTable.Markdown("rnn-torch compare", notes, rows));
            output.WriteLine();
            output.WriteLine($"wrote {summary} and the metrics logs in {Path.Combine(runDir, ElmanDir)} and {Path.Combine(runDir, RnnDir)}");
            return 0;
        }
        finally
        {
            foreach (var b in trainBatches.Concat(valBatches))
            {
                b.Inputs.Dispose();
                b.Targets.Dispose();
            }
        }
    }

    private static List<SequenceBatch> MakeBatches(WindowDataset dataset, int count)
    {
        if (count == 0) throw new DataException($"{SeattleWeather.Name}: a part of the split is too short for windows of {Lookback} days.");
        var batches = new List<SequenceBatch>();
        for (int start = 0; start < count; start += BatchSize)
        {
            var samples = Enumerable.Range(start, Math.Min(BatchSize, count - start)).Select(i => dataset[i]).ToList();
            var batch = WindowBatch.Collate(samples);
            batches.Add(new SequenceBatch(batch.Inputs, batch.Targets));
        }
        return batches;
    }

    private static (double Outputs, double Gradients) Equivalence(SequenceRegressor elman, SequenceRegressor rnn, SequenceBatch batch)
    {
        elman.zero_grad();
        rnn.zero_grad();
        try
        {
            using var scope = NewDisposeScope();
            var yElman = elman.forward(batch.Inputs);
            var yRnn = rnn.forward(batch.Inputs);
            double outputs = MaxAbsDiff(yElman, yRnn);
            nn.functional.mse_loss(yElman, batch.Targets).backward();
            nn.functional.mse_loss(yRnn, batch.Targets).backward();
            var rnnParameters = rnn.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            double gradients = 0;
            foreach (var (name, p) in elman.named_parameters())
            {
                if (!rnnParameters.TryGetValue(name, out var q)) throw new ArgumentException($"nn.RNN model has no parameter '{name}'.");
                if (p.grad is not { } g1 || q.grad is not { } g2) throw new ArgumentException($"parameter '{name}' got no gradient.");
                gradients = Math.Max(gradients, MaxAbsDiff(g1, g2));
            }
            return (outputs, gradients);
        }
        finally
        {
            elman.zero_grad();
            rnn.zero_grad();
        }
    }

    private static double MaxAbsDiff(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return (a.detach() - b.detach()).abs().max().to(ScalarType.Float64).item<double>();
    }

    private static TrainingResult Train(SequenceRegressor model, Func<double, double> toCelsius, List<SequenceBatch> train, List<SequenceBatch> validation,
        CompareOptions o, string logDir, string title, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"training {title}:");
        var config = new TrainingConfig
        {
            Epochs = o.Epochs,
            BatchSize = BatchSize,
            Seed = o.Seed,
            Device = "cpu",
            LogDir = logDir,
            LogEvery = 1,
            Optimizer = new OptimizerConfig { Name = "adam", LearningRate = 3e-3 },
        };
        var progress = ProgressReporter.Create(output, ProgressReporter.IsInteractive(), interval: Math.Max(1, train.Count));
        var trainer = new Trainer<SequenceBatch>(config, new RegressionTask(model, toCelsius), progress);
        var result = trainer.Fit(new ListBatchSource<SequenceBatch>(train, shuffle: true, seed: unchecked((int)o.Seed)),
            new ListBatchSource<SequenceBatch>(validation, shuffle: false));
        (progress as IDisposable)?.Dispose();
        return result;
    }

    private static double InferenceMs(SequenceRegressor model, SequenceBatch batch, int repeats)
    {
        model.eval();
        using var _ = no_grad();
        var times = new List<double>();
        for (int i = 0; i < repeats + 2; i++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            using var y = model.forward(batch.Inputs);
            y.sum().item<float>();
            clock.Stop();
            if (i >= 2) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Median(times);
    }

    private static double TrainingStepMs(SequenceRegressor model, SequenceBatch batch, int repeats)
    {
        model.train();
        using var optimizer = new OptimizerConfig { Name = "adam", LearningRate = 1e-6 }.Create(model.parameters());
        var times = new List<double>();
        for (int i = 0; i < repeats + 2; i++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(batch.Inputs), batch.Targets);
            loss.backward();
            optimizer.step();
            clock.Stop();
            if (i >= 2) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        model.zero_grad();
        return Median(times);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static long Count(SequenceRegressor model) => model.parameters().Sum(p => p.numel());

    private static double Metric(TrainingResult result, string key) => result.Metrics.TryGetValue(key, out var v) ? v : double.NaN;

    private static string Sci(double v) => v.ToString("0.00e+00", CultureInfo.InvariantCulture);

    private static string Fixed(double v, int digits) => v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
