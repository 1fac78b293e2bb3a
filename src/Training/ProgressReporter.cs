using Spectre.Console;

namespace RnnTorch.Training;

/// <summary>Chooses and creates the progress reporter for an output.</summary>
public static class ProgressReporter
{
    /// <summary>
    /// A live Spectre.Console display on <paramref name="output"/> when <paramref name="interactive"/> (see
    /// <see cref="IsInteractive()"/>), otherwise plain lines (<see cref="PlainProgressReporter"/>), one per
    /// <paramref name="interval"/>-th step call.
    /// </summary>
    public static IProgressReporter Create(TextWriter output, bool interactive, int interval = 1)
    {
        ArgumentNullException.ThrowIfNull(output);
        return interactive
            ? new SpectreProgressReporter(AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = AnsiSupport.Detect,
                ColorSystem = ColorSystemSupport.Detect,
                Interactive = InteractionSupport.Yes,
            }))
            : new PlainProgressReporter(output, interval);
    }

    /// <summary>Whether this process's standard output is a person's terminal: not redirected, and not under CI.</summary>
    public static bool IsInteractive() =>
        IsInteractive(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("CI"));

    /// <summary>
    /// The decision behind <see cref="IsInteractive()"/>: false when the output is redirected or when
    /// <paramref name="ciVariable"/> (the value of the <c>CI</c> environment variable) is set — any value except empty,
    /// whitespace, <c>false</c> and <c>0</c> (case-insensitive) counts as set.
    /// </summary>
    public static bool IsInteractive(bool outputRedirected, string? ciVariable)
    {
        if (outputRedirected) return false;
        if (string.IsNullOrWhiteSpace(ciVariable)) return true;
        string v = ciVariable.Trim();
        return v.Equals("false", StringComparison.OrdinalIgnoreCase) || v == "0";
    }
}
