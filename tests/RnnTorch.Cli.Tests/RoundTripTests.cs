using System.Globalization;
using System.Text.Json;
using RnnTorch.Data;
using RnnTorch.Models;
using static RnnTorch.torch;

namespace RnnTorch.Cli.Tests;

/// <summary>train → eval → generate → predict through checkpoints; experiment files and flag overrides.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RoundTripTests
{
    private static Dictionary<string, double> Metrics(string output) =>
        output.Split('\n').Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 2 && double.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));

    [Fact]
    public void MobyDickTrainsEvaluatesAndGeneratesThroughItsCheckpoint()
    {
        string run = CliRunner.TempDir("lm");
        try
        {
            var (code, _, error) = CliRunner.Run("train", "--dataset", "moby-dick", "--quick", "--hidden", "12", "--batch-size", "8", "--out", run);
            Assert.True(code == 0, error);
            string checkpoint = Path.Combine(run, "checkpoints", "last.safetensors");

            (code, var output, error) = CliRunner.Run("eval", "--checkpoint", checkpoint);
            Assert.True(code == 0, error);
            double printed = Metrics(output)["loss"];

            // Independently: the novel's validation windows (quick: the first batch of 8 × 64 characters), a model
            // built by hand with the checkpoint's weights, mean cross-entropy over every character.
            var book = MobyDickDataset.Load();
            var windows = MobyDickDataset.Windows(book.Validation, 64);
            var inputs = Enumerable.Range(0, 8).SelectMany(i => windows[i].Input).ToArray();
            var targets = Enumerable.Range(0, 8).SelectMany(i => windows[i].Target).ToArray();
            using var model = new LanguageModel(CoreKind.Elman, book.Vocabulary.Count, 32, 12);
            var weights = torch.load(checkpoint).Where(p => p.Key.StartsWith("model.", StringComparison.Ordinal)).ToDictionary(p => p.Key["model.".Length..], p => p.Value);
            model.load_state_dict(weights);
            model.eval();
            using (no_grad())
            {
                var (logits, state) = model.forward(tensor(inputs, new long[] { 8, 64 }, ScalarType.Int64));
                double expected = nn.functional.cross_entropy(logits.flatten(0, 1), tensor(targets, ScalarType.Int64)).item<double>();
                Assert.Equal(expected, printed, 1e-5);
                state.Dispose();
            }

            (code, var first, error) = CliRunner.Run("generate", "--checkpoint", checkpoint, "--prompt", "Whale", "--length", "30", "--seed", "3");
            Assert.True(code == 0, error);
            (_, var second, _) = CliRunner.Run("generate", "--checkpoint", checkpoint, "--prompt", "Whale", "--length", "30", "--seed", "3");
            Assert.StartsWith("Whale", first, StringComparison.Ordinal);
            Assert.True(first.TrimEnd('\n').Length > "Whale".Length, first);
            Assert.Equal(first, second); // the seed alone decides the sample
        }
        finally
        {
            if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        }
    }

    [Fact]
    public void PredictGivesAClassWithProbabilitiesThatSumToOne()
    {
        string run = CliRunner.TempDir("cls");
        try
        {
            var (code, _, error) = CliRunner.Run("train", "--dataset", "word-language", "--quick", "--hidden", "8", "--out", run);
            Assert.True(code == 0, error);
            (code, var output, error) = CliRunner.Run("predict", "--checkpoint", Path.Combine(run, "checkpoints", "best.safetensors"), "--input", "wasserfall");
            Assert.True(code == 0, error);
            var labels = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(run, "labels.json")))!;
            var probabilities = Metrics(output);
            Assert.Equal(labels.Order(), probabilities.Keys.Order());
            Assert.Equal(1.0, probabilities.Values.Sum(), 1e-9);
            string best = probabilities.MaxBy(p => p.Value).Key;
            Assert.Contains($": {best} (", output.Split('\n')[0], StringComparison.Ordinal);

            (code, _, error) = CliRunner.Run("generate", "--checkpoint", Path.Combine(run, "checkpoints", "best.safetensors"));
            Assert.Equal(2, code);
            Assert.Contains("language model", error, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        }
    }

    [Fact]
    public void RegressionPredictOfTheLastWindowEqualsPredictOfTheSameNumbersGiven()
    {
        string run = CliRunner.TempDir("reg");
        try
        {
            var (code, _, error) = CliRunner.Run("train", "--quick", "--hidden", "8", "--out", run);
            Assert.True(code == 0, error);
            string checkpoint = Path.Combine(run, "checkpoints", "best.safetensors");
            (code, var implicitOutput, error) = CliRunner.Run("predict", "--checkpoint", checkpoint);
            Assert.True(code == 0, error);

            var series = SeattleWeather.Load();
            var numbers = Enumerable.Range(series.Length - 14, 14)
                .SelectMany(t => SeattleWeather.Columns.Select(c => series[t, c].ToString("R", CultureInfo.InvariantCulture)));
            (code, var explicitOutput, error) = CliRunner.Run("predict", "--checkpoint", checkpoint, "--input", string.Join(",", numbers));
            Assert.True(code == 0, error);
            double a = Metrics(implicitOutput)["value"], b = Metrics(explicitOutput)["value"];
            Assert.Equal(a, b);
            Assert.InRange(a, -30, 50); // a temperature in °C, not a normalised value

            (code, _, error) = CliRunner.Run("predict", "--checkpoint", checkpoint, "--input", "1,2,x");
            Assert.Equal(2, code);
            Assert.Contains("'x'", error, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        }
    }

    [Fact]
    public void FlagsOverrideTheExperimentFile()
    {
        string run = CliRunner.TempDir("cfg");
        string file = run + ".json";
        File.WriteAllText(file, """{ "dataset": "seattle-weather", "hidden": 6, "layers": 2, "epochs": 2, "quick": true, "seed": 9 }""");
        try
        {
            var (code, _, error) = CliRunner.Run("train", "--config", file, "--hidden", "5", "--out", run);
            Assert.True(code == 0, error);
            using var saved = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "experiment.json")));
            var root = saved.RootElement;
            Assert.Equal(5, root.GetProperty("hidden").GetInt32());  // the flag wins
            Assert.Equal(2, root.GetProperty("layers").GetInt32());  // the file's values stay
            Assert.Equal(2, root.GetProperty("epochs").GetInt32());
            Assert.Equal(9, root.GetProperty("seed").GetInt64());
            Assert.True(root.GetProperty("quick").GetBoolean());
            var epochs = File.ReadAllLines(Path.Combine(run, "metrics.csv")).Skip(1).Count(l => l.Contains(",epoch,", StringComparison.Ordinal));
            Assert.Equal(2, epochs);
        }
        finally
        {
            File.Delete(file);
            if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        }
    }
}
