using System.CommandLine;
using System.Globalization;
using RnnTorch.Models;
using RnnTorch.Training;
using RnnTorch.Training.Recipes;
using static RnnTorch.torch;

namespace RnnTorch.Cli;

/// <summary>`rnn-torch train`: one model on one dataset; writes a run directory that eval, generate and predict reload.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var experiment = new ExperimentOptions("runs/train-<dataset>-<timestamp>");
        var model = CliOptions.Model();
        var command = new Command("train",
            "Trains one model (flags or --config experiment.json); writes experiment.json, the vocabulary/normaliser/labels, metrics.csv, " +
            $"report.md and checkpoints/best|last.safetensors in the run directory. {Cli.ExitCodes}");
        experiment.AddTo(command);
        command.Add(model);
        command.SetAction(r => Cli.Guard("train", () =>
        {
            var spec = experiment.Spec(r);
            if (r.GetValue(model) is { } core) spec = spec with { Model = core };
            return Run(spec);
        }));
        return command;
    }

    private static int Run(ExperimentSpec spec)
    {
        string runDir = Path.GetFullPath(spec.Out ?? Path.Combine("runs", $"train-{spec.Dataset}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
        spec = spec with { Out = runDir };
        using var recipe = Recipe.For(spec);
        Console.WriteLine($"rnn-torch train: {ModelNames.Display(spec.Model)} on {recipe.Description}");
        Console.WriteLine($"  hidden {spec.Hidden}, {spec.Layers} layer(s), {spec.Epochs} epoch(s), batch {spec.BatchSize}, seed {spec.Seed}{(spec.Quick ? ", quick" : "")}; run directory {runDir}");
        _ = recipe.Data;
        recipe.SaveArtifacts(runDir);
        manual_seed(spec.Seed);
        using var model = recipe.CreateModel(spec.Model);
        var progress = ProgressReporter.Create(Console.Out, ProgressReporter.IsInteractive(), interval: Math.Max(1, recipe.Data.Train.Count / 10));
        var result = recipe.Fit(model, spec.ToTrainingConfig(runDir, Path.Combine(runDir, RunFiles.Checkpoints)), progress);
        (progress as IDisposable)?.Dispose();
        if (result.Reason is not (StopReason.Completed or StopReason.EarlyStopped))
        {
            Console.Error.WriteLine($"rnn-torch train: {Cli.OneLine(result.Message)}");
            return Cli.Failed;
        }
        Console.WriteLine(EvalCommand.Format(result.Metrics));
        Console.WriteLine($"checkpoint {result.LastCheckpoint} (best {result.BestCheckpoint}); run directory {runDir}");
        return Cli.Ok;
    }
}
