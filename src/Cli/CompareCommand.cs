using System.CommandLine;
using RnnTorch.Models;

namespace RnnTorch.Cli;

/// <summary>`rnn-torch compare`: the options; the work is in <see cref="Compare"/>.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var experiment = new ExperimentOptions("runs/compare-<timestamp>");
        var models = CliOptions.Models();
        var command = new Command("compare",
            "The main job (also what rnn-torch does with no verb): trains the hand-rolled Elman RNN and the built-in nn.RNN (or --models) from the same " +
            "initial weights on the same batches, checks that outputs and gradients agree at the start, and prints a side-by-side table; writes " +
            $"summary.md, report.html and each model's metrics in the run directory. {Cli.ExitCodes}");
        experiment.AddTo(command);
        command.Add(models);
        command.SetAction(r => Cli.Guard("compare", () => Compare.Run(experiment.Spec(r), r.GetValue(models) is { Length: > 0 } chosen ? chosen : [CoreKind.Elman, CoreKind.Rnn], Console.Out)));
        return command;
    }
}
