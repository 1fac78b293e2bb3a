using System.CommandLine;
using System.Globalization;
using RnnTorch.Training.Recipes;

namespace RnnTorch.Cli;

/// <summary>`rnn-torch predict --checkpoint PATH [--input ...]`: one prediction from a trained model.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var checkpoint = EvalCommand.Checkpoint();
        var input = new Option<string?>("--input")
        {
            Description = "Text to classify (sentiment, word-language), a WAV file (spoken-digits, speech-frames), text to continue (moby-dick), or " +
                "comma-separated numbers in data units, lookback days × columns (time series; left out: the dataset's last window)",
            HelpName = "TEXT|NUMBERS|WAV",
        };
        var command = new Command("predict", $"Prints what a checkpoint's model predicts for one input: label and probabilities, or the value in data units. {Cli.ExitCodes}")
        {
            checkpoint, input,
        };
        command.SetAction(r => Cli.Guard("predict", () =>
        {
            string path = r.GetValue(checkpoint)!;
            using var recipe = Recipe.Open(path);
            using var model = recipe.LoadModel(path);
            var prediction = recipe.Predict(model, r.GetValue(input));
            Console.WriteLine(prediction.Summary);
            foreach (var (name, value) in prediction.Values)
                Console.WriteLine($"  {name,-20} {value.ToString("R", CultureInfo.InvariantCulture)}");
            return Cli.Ok;
        }));
        return command;
    }
}
