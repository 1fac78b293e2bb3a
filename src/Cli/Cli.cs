using System.CommandLine;
using System.CommandLine.Help;
using RnnTorch.Data;
using RnnTorch.Training;

namespace RnnTorch.Cli;

/// <summary>
/// The <c>rnn-torch</c> command line: the verbs on System.CommandLine, one-line errors and exit codes
/// (<see cref="Ok"/>, <see cref="Failed"/>, <see cref="BadArguments"/>).
/// </summary>
internal static class Cli
{
    /// <summary>Exit codes.</summary>
    public const int Ok = 0, Failed = 1, BadArguments = 2;

    /// <summary>What each verb's <c>--help</c> says about exit codes.</summary>
    public const string ExitCodes = "Exit codes: 0 success, 1 the run failed, 2 bad arguments.";

    /// <summary>What the root's <c>--help</c> says about exit codes.</summary>
    public const string ExitCodesLong = "Exit codes: 0 success; 1 the run failed (training diverged, equivalence check failed, data could not be fetched); 2 bad arguments (unknown flag or dataset, missing file, invalid number or value).";

    /// <summary>The root command with every verb.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand($"rnn-torch: recurrent networks on libtorch. With no verb (or flags first) runs compare. {ExitCodesLong}")
        {
            CompareCommand.Create(),
            TrainCommand.Create(),
            EvalCommand.Create(),
            GenerateCommand.Create(),
            PredictCommand.Create(),
            BenchCommand.Create(),
            DataCommand.Create(),
            InfoCommand.Create(),
        };
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>: no arguments, or flags first, mean <c>compare</c>.</summary>
    public static int Run(string[] args)
    {
        if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("-h" or "--help" or "-?" or "--version")))
            args = ["compare", .. args];
        var result = Build().Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpAction)
        {
            var error = result.Errors.FirstOrDefault(e => e.Message.Contains('\'', StringComparison.Ordinal)) ?? result.Errors[0];
            Console.Error.WriteLine($"rnn-torch: {Readable(error.Message)}");
            return BadArguments;
        }
        return result.Invoke(new InvocationConfiguration { Output = Console.Out, Error = Console.Error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>
    /// Runs a verb's body: bad input found while running (an invalid experiment file, a checkpoint without its
    /// experiment, an input that does not fit) is a one-line error with exit code 2; failures of the run exit with 1.
    /// </summary>
    public static int Guard(string verb, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is ConfigException or FileNotFoundException or DirectoryNotFoundException or ArgumentException)
        {
            Console.Error.WriteLine($"rnn-torch {verb}: {OneLine(e.Message)}");
            return BadArguments;
        }
        catch (Exception e) when (e is DataException or IOException or InvalidDataException or UnauthorizedAccessException or TorchException or InvalidOperationException)
        {
            Console.Error.WriteLine($"rnn-torch {verb}: {OneLine(e.Message)}");
            return Failed;
        }
    }

    /// <summary>A parser message on one line, with .NET type names in words.</summary>
    private static string Readable(string message) => OneLine(System.Text.RegularExpressions.Regex.Replace(message,
        @"as expected type '[^']*(Int32|Int64|Double)[^']*'", m => m.Groups[1].Value == "Double" ? "as a number" : "as an integer"));

    /// <summary>The text on one line.</summary>
    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
