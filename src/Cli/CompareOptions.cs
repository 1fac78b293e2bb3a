using System.Globalization;

namespace RnnTorch.Cli;

/// <summary>The options of <c>rnn-torch compare</c>, parsed from plain <c>--name value</c> flags.</summary>
/// <param name="Epochs">Training epochs (1 or more).</param>
/// <param name="Hidden">Hidden size of both recurrent cores (1 or more).</param>
/// <param name="Seed">The seed of the initial weights and of the batch order.</param>
/// <param name="Out">The run directory, or null for <c>runs/compare-&lt;timestamp&gt;</c>.</param>
/// <param name="Quick">A tiny run (1 epoch on a small slice), for tests.</param>
internal sealed record CompareOptions(int Epochs, int Hidden, long Seed, string? Out, bool Quick)
{
    /// <summary>The default number of epochs of a full run.</summary>
    public const int DefaultEpochs = 10;

    /// <summary>The usage line.</summary>
    public const string Usage = "usage: rnn-torch compare [--epochs N] [--hidden H] [--seed S] [--out DIR] [--quick]";

    /// <summary>Parses <paramref name="args"/> (the arguments after the verb); on failure <paramref name="error"/> is a one-line message.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out CompareOptions options, out string? error)
    {
        int epochs = DefaultEpochs, hidden = 32;
        long seed = 42;
        string? outDir = null;
        bool quick = false, epochsGiven = false;
        options = new CompareOptions(epochs, hidden, seed, outDir, quick);
        for (int i = 0; i < args.Count; i++)
        {
            string flag = args[i];
            if (flag == "--quick")
            {
                quick = true;
                continue;
            }
            string? value = i + 1 < args.Count ? args[i + 1] : null;
            bool ok = flag switch
            {
                "--epochs" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out epochs) && epochs > 0 && (epochsGiven = true),
                "--hidden" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out hidden) && hidden > 0,
                "--seed" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed),
                "--out" => !string.IsNullOrWhiteSpace(value) && !value.StartsWith("--", StringComparison.Ordinal) && (outDir = value) is not null,
                _ => false,
            };
            if (!ok)
            {
                error = flag switch
                {
                    "--epochs" or "--hidden" => $"rnn-torch compare: {flag} needs a positive integer, but got '{value ?? "(nothing)"}'",
                    "--seed" => $"rnn-torch compare: --seed needs an integer, but got '{value ?? "(nothing)"}'",
                    "--out" => $"rnn-torch compare: --out needs a directory, but got '{value ?? "(nothing)"}'",
                    _ => $"rnn-torch compare: unknown argument '{flag}' ({Usage["usage: ".Length..]})",
                };
                return false;
            }
            i++;
        }
        if (quick && !epochsGiven) epochs = 1;
        options = new CompareOptions(epochs, hidden, seed, outDir, quick);
        error = null;
        return true;
    }
}
