using System.CommandLine;
using System.Globalization;
using RnnTorch.Models;
using RnnTorch.Training;
using static RnnTorch.torch;

namespace RnnTorch.Cli;

/// <summary>
/// `rnn-torch bench`: median ms per training step (forward, MSE loss, backward, Adam step) and per inference step of
/// each --models core on random (batch, seq-len, 8) inputs at --hidden, in one process, with the ratio to nn.RNN.
/// </summary>
internal static class BenchCommand
{
    private const int Features = 8;

    public static Command Create()
    {
        var models = CliOptions.Models();
        var hidden = CliOptions.Positive("--hidden", "Hidden size; default 64", "H");
        var batch = CliOptions.Positive("--batch-size", "Sequences per batch; default 32");
        var seqLen = CliOptions.Positive("--seq-len", "Time steps per sequence; default 50", "L");
        var layers = CliOptions.Positive("--layers", "Stacked layers; default 1");
        var repeats = CliOptions.Positive("--repeats", "Timed steps per model (median reported); default 20");
        var seed = CliOptions.Seed();
        var command = new Command("bench", $"Quick side-by-side timing of the cores (default elman,rnn,lstm,gru) on random data; ratios are to nn.RNN. {Cli.ExitCodes}")
        {
            models, hidden, batch, seqLen, layers, repeats, seed,
        };
        command.SetAction(r => Cli.Guard("bench", () => Run(
            r.GetValue(models) is { Length: > 0 } chosen ? chosen : [CoreKind.Elman, CoreKind.Rnn, CoreKind.Lstm, CoreKind.Gru], r.GetValue(hidden) ?? 64, r.GetValue(batch) ?? 32,
            r.GetValue(seqLen) ?? 50, r.GetValue(layers) ?? 1, r.GetValue(repeats) ?? 20, r.GetValue(seed) ?? 42)));
        return command;
    }

    private static int Run(IReadOnlyList<CoreKind> cores, int hidden, int batch, int seqLen, int layers, int repeats, long seed)
    {
        Console.WriteLine($"rnn-torch bench: batch {batch}, {seqLen} steps, {Features} features, hidden {hidden}, {layers} layer(s); median of {repeats} steps; libtorch {__version__}, {get_num_threads()} threads");
        manual_seed(seed);
        using var x = randn(batch, seqLen, Features);
        using var y = randn(batch, 1);
        var rows = new List<(CoreKind Core, double Step, double Infer)>();
        foreach (var core in cores)
        {
            manual_seed(seed);
            using var model = new SequenceRegressor(core, SequenceInput.Features(Features), hidden, 1, layers);
            using var optimizer = new OptimizerConfig { Name = "adam", LearningRate = 1e-6 }.Create(model.parameters());
            double step = Timing.MedianMs(() =>
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
                loss.item<float>();
            }, repeats);
            model.eval();
            double infer = Timing.MedianMs(() =>
            {
                using var noGrad = no_grad();
                using var scope = NewDisposeScope();
                model.forward(x).sum().item<float>();
            }, repeats);
            rows.Add((core, step, infer));
        }
        var reference = rows.FirstOrDefault(r => r.Core == CoreKind.Rnn);
        string Ratio(double v, double r) => reference.Core == CoreKind.Rnn ? (v / r).ToString("F2", CultureInfo.InvariantCulture) + "×" : "n/a";
        Console.WriteLine($"{"model",-24} {"ms/train step",14} {"vs nn.RNN",10} {"ms/inference",14} {"vs nn.RNN",10}");
        foreach (var (core, step, infer) in rows)
            Console.WriteLine($"{ModelNames.Display(core),-24} {step.ToString("F3", CultureInfo.InvariantCulture),14} {Ratio(step, reference.Step),10} {infer.ToString("F3", CultureInfo.InvariantCulture),14} {Ratio(infer, reference.Infer),10}");
        return Cli.Ok;
    }
}
