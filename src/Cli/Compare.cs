using System.Globalization;
using RnnTorch.Models;
using RnnTorch.Training;
using RnnTorch.Training.Recipes;
using static RnnTorch.torch;

namespace RnnTorch.Cli;

/// <summary>
/// <c>rnn-torch compare</c>, the main job, on any recipe: the first core is the reference; every other core whose
/// parameters have the same names and shapes (Elman ↔ nn.RNN) loads its state dict and must give the same outputs and
/// gradients on the first validation batch (max |Δ| &lt; <see cref="Tolerance"/>, else exit 1); other cores start from
/// the same seed. All train on the same batches in the same order; the table, summary.md and report.html follow.
/// </summary>
internal static class Compare
{
    /// <summary>The largest max |difference| of outputs or gradients at the start that counts as equivalent.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>The name of the table file in the run directory.</summary>
    public const string SummaryFileName = "summary.md";

    /// <summary>What the equivalence rows say for a core with other parameters than the reference.</summary>
    public const string NotApplicable = "n/a (different cell)";

    public static int Run(ExperimentSpec spec, IReadOnlyList<CoreKind> cores, TextWriter output)
    {
        string runDir = Path.GetFullPath(spec.Out ?? Path.Combine("runs", $"compare-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
        Directory.CreateDirectory(runDir);
        using var recipe = Recipe.For(spec);
        var data = recipe.Data;
        long trainCount = data.Train.Sum(b => b.Inputs.size(0)), valCount = data.Validation.Sum(b => b.Inputs.size(0));
        var names = cores.Select(ModelNames.Display).ToList();
        output.WriteLine($"rnn-torch compare: {string.Join(" vs ", names)} on {recipe.Description}");
        output.WriteLine($"  {trainCount} training / {valCount} validation sequences; hidden {spec.Hidden}, {spec.Layers} layer(s), {spec.Epochs} epoch(s), batch {spec.BatchSize}, lr {Num(spec.LearningRate)}, seed {spec.Seed}{(spec.Quick ? ", quick" : "")}");
        output.WriteLine($"  libtorch {__version__}, {get_num_threads()} threads; run directory {runDir}");

        var models = new List<nn.Module>();
        try
        {
            // ---- the same initial weights where the cells match; the same seed otherwise ---------------------
            var equivalence = new List<(string Outputs, string Gradients)> { ("(reference)", "(reference)") };
            manual_seed(spec.Seed);
            models.Add(recipe.CreateModel(cores[0]));
            for (int i = 1; i < cores.Count; i++)
            {
                manual_seed(spec.Seed);
                var model = recipe.CreateModel(cores[i]);
                models.Add(model);
                if (!SameParameters(models[0], model))
                {
                    equivalence.Add((NotApplicable, NotApplicable));
                    continue;
                }
                model.load_state_dict(models[0].state_dict());
                var (outputs, gradients) = Equivalence(recipe, models[0], model);
                output.WriteLine($"  equivalence of {names[i]} with {names[0]} at start: max |Δ| outputs {Sci(outputs)}, gradients {Sci(gradients)} (tolerance {Sci(Tolerance)})");
                if (!(outputs < Tolerance && gradients < Tolerance))
                {
                    Console.Error.WriteLine($"rnn-torch compare: equivalence check failed for {names[i]}: max |Δ| outputs {Sci(outputs)}, gradients {Sci(gradients)}, tolerance {Sci(Tolerance)}");
                    return Cli.Failed;
                }
                equivalence.Add((Sci(outputs), Sci(gradients)));
            }

            // ---- training: same seed, same batches, same order ------------------------------------------------
            var results = new List<TrainingResult>();
            for (int i = 0; i < cores.Count; i++)
            {
                output.WriteLine();
                output.WriteLine($"training {names[i]}:");
                var progress = ProgressReporter.Create(output, ProgressReporter.IsInteractive(), interval: Math.Max(1, data.Train.Count));
                var result = recipe.Fit(models[i], spec.ToTrainingConfig(Path.Combine(runDir, ModelNames.Directory(cores[i]))), progress);
                (progress as IDisposable)?.Dispose();
                if (result.Reason is not (StopReason.Completed or StopReason.EarlyStopped))
                {
                    Console.Error.WriteLine($"rnn-torch compare: training {names[i]} stopped: {Cli.OneLine(result.Message)}");
                    return Cli.Failed;
                }
                results.Add(result);
            }

            // ---- speed: training step (forward, loss, backward, Adam step) and inference step (no_grad) ----------
            int repeats = spec.Quick ? 3 : 20;
            var inference = models.Select(m => { m.eval(); return Timing.MedianMs(() => recipe.InferenceStep(m), repeats); }).ToList();
            var step = models.Select(m =>
            {
                m.train();
                using var optimizer = new OptimizerConfig { Name = "adam", LearningRate = 1e-6 }.Create(m.parameters());
                double ms = Timing.MedianMs(() => recipe.TrainingStep(m, optimizer), repeats);
                m.zero_grad();
                return ms;
            }).ToList();

            // ---- the table, summary.md and report.html -----------------------------------------------------------
            string metricLabel = recipe is TimeSeriesRecipe ts ? $"validation MAE ({ts.Unit})" : $"validation {recipe.MainMetric}";
            int metricDigits = recipe.MainMetric == "mae" ? 3 : 4;
            var rows = new List<CompareRow>
            {
                new("max |Δ| outputs at start", equivalence.Select(e => e.Outputs).ToList()),
                new("max |Δ| gradients at start", equivalence.Select(e => e.Gradients).ToList()),
                new("final train loss", results.Select(r => Fixed(Metric(r, "train_loss"), 4)).ToList()),
                new("final validation loss", results.Select(r => Fixed(Metric(r, "val_loss"), 4)).ToList()),
                new(metricLabel, results.Select(r => Fixed(Metric(r, "val_" + recipe.MainMetric), metricDigits)).ToList()),
                new("ms/training step", step.Select(v => Fixed(v, 3)).ToList()),
                new("ms/inference step", inference.Select(v => Fixed(v, 3)).ToList()),
                new("parameters", models.Select(m => Recipe.ParameterCount(m).ToString(CultureInfo.InvariantCulture)).ToList()),
            };
            output.WriteLine();
            output.Write(CompareTable.Text(names, rows));
            string notes =
                $"{recipe.Description}. {trainCount} training and {valCount} validation sequences; hidden {spec.Hidden}, {spec.Layers} layer(s), " +
                $"{spec.Epochs} epoch(s) of Adam (lr {Num(spec.LearningRate)}), batch {spec.BatchSize}, seed {spec.Seed}{(spec.Quick ? ", quick run" : "")}. " +
                $"Models with the reference's parameters start from its weights; the others from the same seed. All see the same batches in the same order. " +
                $"Timings: median over {repeats} steps on one batch (training step = forward, loss, backward, Adam step; inference step = forward under no_grad), " +
                $"libtorch {__version__}, {get_num_threads()} threads.";
            string summary = Path.Combine(runDir, SummaryFileName);
            File.WriteAllText(summary, CompareTable.Markdown($"rnn-torch compare: {spec.Dataset}", notes, names, rows));
            var report = new CompareReportData($"rnn-torch compare: {spec.Dataset}", notes, names,
                rows.Select(r => new CompareReportRow(r.Label, r.Values)).ToList(),
                cores.Select(c => CompareLog.Curves(Path.Combine(runDir, ModelNames.Directory(c)))).ToList(),
                Predictions(recipe, models), GradientNorms(models, spec.Seed));
            string html = CompareReport.Write(runDir, report);
            output.WriteLine();
            output.WriteLine($"wrote {summary}, {html} and the metrics logs in {string.Join(", ", cores.Select(c => Path.Combine(runDir, ModelNames.Directory(c))))}");
            return Cli.Ok;
        }
        finally
        {
            foreach (var m in models) m.Dispose();
        }
    }

    /// <summary>Steps of the probe sequence of the gradient-flow plot.</summary>
    public const int FlowSteps = 50;

    /// <summary>
    /// ‖∂L/∂h_t‖ through each trained model's recurrent core for a loss on the last of <see cref="FlowSteps"/> steps of
    /// seeded standard-normal input (16 sequences), or null when a core is not one unidirectional layer.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<double>>? GradientNorms(List<nn.Module> models, long seed)
    {
        var layers = models.Select(m => m.modules().OfType<RecurrentLayer>().FirstOrDefault()).ToList();
        if (layers.Any(l => l is null || l.NumLayers != 1 || l.Bidirectional)) return null;
        var norms = new List<IReadOnlyList<double>>();
        foreach (var layer in layers)
        {
            using var scope = NewDisposeScope();
            manual_seed(seed);
            var x = randn(16, FlowSteps, layer!.InputSize);
            norms.Add(GradientFlow.HiddenGradientNorms(layer, x));
        }
        return norms;
    }

    private static ComparePredictions? Predictions(Recipe recipe, List<nn.Module> models)
    {
        var views = models.Select(recipe.Predictions).ToList();
        return views[0] switch
        {
            RegressionView r => new RegressionPredictions(r.Quantity, r.Unit, r.Actual, views.Cast<RegressionView>().Select(v => v.Predicted).ToList()),
            ClassificationView c => new ClassificationPredictions(c.Labels, views.Cast<ClassificationView>().Select(v => v.Confusion).ToList()),
            SampleView s => new TextPredictions(s.Prompt, views.Cast<SampleView>().Select(v => v.Sample).ToList()),
            _ => null,
        };
    }

    private static bool SameParameters(nn.Module a, nn.Module b)
    {
        var pa = a.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        var pb = b.named_parameters().ToList();
        return pa.Count == pb.Count && pb.All(p => pa.TryGetValue(p.name, out var shape) && shape.SequenceEqual(p.parameter.shape));
    }

    private static (double Outputs, double Gradients) Equivalence(Recipe recipe, nn.Module reference, nn.Module other)
    {
        reference.zero_grad();
        other.zero_grad();
        try
        {
            using var scope = NewDisposeScope();
            var (y1, loss1) = recipe.Probe(reference);
            var (y2, loss2) = recipe.Probe(other);
            double outputs = MaxAbsDiff(y1, y2);
            loss1.backward();
            loss2.backward();
            var grads = other.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            double gradients = 0;
            foreach (var (name, p) in reference.named_parameters())
            {
                if (p.grad is not { } g1 || grads[name].grad is not { } g2) throw new InvalidOperationException($"parameter '{name}' got no gradient.");
                gradients = Math.Max(gradients, MaxAbsDiff(g1, g2));
            }
            return (outputs, gradients);
        }
        finally
        {
            reference.zero_grad();
            other.zero_grad();
        }
    }

    private static double MaxAbsDiff(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return (a.detach() - b.detach()).abs().max().to(ScalarType.Float64).item<double>();
    }

    private static double Metric(TrainingResult result, string key) => result.Metrics.TryGetValue(key, out var v) ? v : double.NaN;

    private static string Sci(double v) => v.ToString("0.00e+00", CultureInfo.InvariantCulture);

    private static string Num(double v) => v.ToString("G", CultureInfo.InvariantCulture);

    private static string Fixed(double v, int digits) => v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
