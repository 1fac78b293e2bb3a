using System.CommandLine;
using System.CommandLine.Parsing;
using RnnTorch.Data;
using RnnTorch.Models;

namespace RnnTorch.Cli;

/// <summary>The options shared by the verbs, made the same way everywhere (one instance per command).</summary>
internal static class CliOptions
{
    public static Option<string?> Dataset() => Validated(new Option<string?>("--dataset") { Description = "Registry name of the dataset (rnn-torch data list); default seattle-weather", HelpName = "NAME" },
        r => r.GetValueOrDefault<string?>() is { } name && !DatasetRegistry.Contains(name)
            ? $"unknown dataset '{name}' (known: {string.Join(", ", DatasetRegistry.Names)})" : null);

    public static Option<CoreKind?> Model() => new("--model")
    {
        Description = "Recurrent core: elman (hand-rolled), rnn, lstm or gru; default elman",
        HelpName = "elman|rnn|lstm|gru",
        CustomParser = r => ParseCore(r, r.Tokens.Count == 0 ? "" : r.Tokens[0].Value),
    };

    public static Option<CoreKind[]?> Models() => new("--models")
    {
        Description = "Comma-separated cores to compare, the first is the reference; default elman,rnn",
        HelpName = "elman,rnn,lstm,gru",
        CustomParser = r =>
        {
            string text = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
            var items = text.Split(',', StringSplitOptions.TrimEntries);
            var cores = new List<CoreKind>();
            foreach (var item in items)
            {
                if (ParseCore(r, item, "--models") is not { } core) return null;
                if (cores.Contains(core))
                {
                    r.AddError($"--models names '{item}' twice");
                    return null;
                }
                cores.Add(core);
            }
            return cores.ToArray();
        },
    };

    public static Option<int?> Positive(string name, string description, string help = "N") =>
        Validated(new Option<int?>(name) { Description = description, HelpName = help },
            r => r.GetValueOrDefault<int?>() is { } v && v < 1 ? $"{name} must be a positive integer, but was {v}" : null);

    public static Option<double?> PositiveReal(string name, string description, string help = "X") =>
        Validated(new Option<double?>(name) { Description = description, HelpName = help },
            r => r.GetValueOrDefault<double?>() is { } v && !(v > 0 && double.IsFinite(v)) ? $"{name} must be a finite number > 0, but was {v}" : null);

    public static Option<long?> Seed() => new("--seed") { Description = "Seed of the weights, splits and batch order; default 42", HelpName = "S" };

    public static Option<string?> Device() => Validated(new Option<string?>("--device") { Description = "cpu (default), cuda or cuda:N (CUDA must be available)", HelpName = "DEVICE" },
        r => r.GetValueOrDefault<string?>() is { } d && !(d is "cpu" or "cuda" || (d.StartsWith("cuda:", StringComparison.Ordinal) && d.Length > 5 && d[5..].All(char.IsAsciiDigit)))
            ? $"--device must be cpu, cuda or cuda:N, but was '{d}'" : null);

    public static Option<string?> Out(string what) => new("--out") { Description = $"Run directory; default {what}", HelpName = "DIR" };

    public static Option<bool> Quick() => new("--quick") { Description = "A tiny run on small slices of the data, in seconds (for tests)" };

    public static Option<string?> ExistingFile(string name, string description, bool required = false) =>
        Validated(new Option<string?>(name) { Description = description, HelpName = "PATH", Required = required },
            r => r.GetValueOrDefault<string?>() is { } path && !File.Exists(path) ? $"{name}: file '{path}' does not exist" : null);

    private static CoreKind? ParseCore(ArgumentResult r, string text, string option = "--model")
    {
        switch (text.ToLowerInvariant())
        {
            case "elman": return CoreKind.Elman;
            case "rnn": return CoreKind.Rnn;
            case "lstm": return CoreKind.Lstm;
            case "gru": return CoreKind.Gru;
            default:
                r.AddError($"{option}: unknown model '{text}' (expected elman, rnn, lstm or gru)");
                return null;
        }
    }

    private static Option<T> Validated<T>(Option<T> option, Func<OptionResult, string?> check)
    {
        option.Validators.Add(r =>
        {
            string? error;
            try
            {
                error = check(r);
            }
            catch (InvalidOperationException)
            {
                return; // the value did not convert: the parser has reported that already
            }
            if (error is not null) r.AddError(error);
        });
        return option;
    }
}
