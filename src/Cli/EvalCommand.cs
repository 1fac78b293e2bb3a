using System.CommandLine;
using System.Globalization;
using RnnTorch.Training.Recipes;

namespace RnnTorch.Cli;

/// <summary>`rnn-torch eval --checkpoint PATH [--split validation|test]`: the metrics of a trained model.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var checkpoint = Checkpoint();
        var split = new Option<string>("--split") { Description = "The part to evaluate on: validation (default), test or train", HelpName = "validation|test|train", DefaultValueFactory = _ => "validation" };
        split.AcceptOnlyFromAmong("validation", "test", "train");
        var command = new Command("eval", $"Evaluates a checkpoint written by train on a part of its dataset and prints the metrics (loss, MAE in data units, accuracy, perplexity …). {Cli.ExitCodes}")
        {
            checkpoint, split,
        };
        command.SetAction(r => Cli.Guard("eval", () =>
        {
            string path = r.GetValue(checkpoint)!;
            var part = Enum.Parse<DataSplit>(r.GetValue(split)!, ignoreCase: true);
            using var recipe = Recipe.Open(path);
            using var model = recipe.LoadModel(path);
            var metrics = recipe.Evaluate(model, part);
            Console.WriteLine($"rnn-torch eval: {path} on the {part.ToString().ToLowerInvariant()} part of {recipe.Spec.Dataset}");
            Console.WriteLine(Format(metrics));
            return Cli.Ok;
        }));
        return command;
    }

    /// <summary>The --checkpoint option (required, an existing file).</summary>
    public static Option<string?> Checkpoint() => CliOptions.ExistingFile("--checkpoint", "A checkpoint written by train (RUN/checkpoints/best.safetensors or last.safetensors)", required: true);

    /// <summary>Metrics one per line, "name value" with full precision (round-trip format), per-class figures left out.</summary>
    public static string Format(IReadOnlyDictionary<string, double> metrics) =>
        string.Join(Environment.NewLine, metrics
            .Where(p => !p.Key.Contains("precision_", StringComparison.Ordinal) && !p.Key.Contains("recall_", StringComparison.Ordinal) && !p.Key.Contains("f1_", StringComparison.Ordinal) || p.Key.EndsWith("macro_f1", StringComparison.Ordinal))
            .Select(p => $"{p.Key,-20} {p.Value.ToString("R", CultureInfo.InvariantCulture)}"));
}
