using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace RnnTorch.Data;

/// <summary>
/// Finding and running the external tools that some datasets need (npm, espeak-ng): a missing tool is reported with
/// the exact command that installs it; a failing tool is reported with its standard error.
/// </summary>
public static class Tools
{
    /// <summary>The time <see cref="Run"/> allows a tool when no timeout is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The full path of <paramref name="command"/> on <c>PATH</c>, or a <see cref="DataException"/> that says how to install it.
    /// </summary>
    /// <param name="command">The command's name, e.g. <c>espeak-ng</c>.</param>
    /// <param name="installHint">The command line that installs it, e.g. <c>sudo apt-get install espeak-ng</c>.</param>
    /// <returns>The executable's absolute path.</returns>
    /// <exception cref="DataException">The command is not on <c>PATH</c>.</exception>
    public static string Require(string command, string installHint) =>
        Require(command, installHint, Environment.GetEnvironmentVariable("PATH"));

    /// <summary>As <see cref="Require(string, string)"/>, searching the given <c>PATH</c> value instead of the process's.</summary>
    internal static string Require(string command, string installHint, string? pathVariable)
    {
        DataGuard.NotNullOrWhiteSpace(command);
        DataGuard.NotNullOrWhiteSpace(installHint);
        return Find(command, pathVariable)
            ?? throw new DataException($"This needs `{command}`, which is not on PATH: install it with `{installHint}`.");
    }

    /// <summary>
    /// The full path of <paramref name="command"/> on <c>PATH</c>, or null when it is not there.
    /// </summary>
    /// <param name="command">The command's name, or a path (returned as is when that file exists).</param>
    public static string? Find(string command) => Find(command, Environment.GetEnvironmentVariable("PATH"));

    /// <summary>As <see cref="Find(string)"/>, searching the given <c>PATH</c> value.</summary>
    internal static string? Find(string command, string? pathVariable)
    {
        DataGuard.NotNullOrWhiteSpace(command);
        if (command.Contains('/') || command.Contains(Path.DirectorySeparatorChar))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }
        if (string.IsNullOrEmpty(pathVariable)) return null;
        string[] extensions = OperatingSystem.IsWindows() ? [".exe", ".cmd", ".bat", ""] : [""];
        foreach (string directory in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string extension in extensions)
            {
                string candidate = Path.Combine(directory, command + extension);
                if (File.Exists(candidate) && IsExecutable(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// Runs a tool directly (no shell), with standard input closed, and returns its standard output.
    /// </summary>
    /// <param name="command">The command's name (looked up on <c>PATH</c>) or path.</param>
    /// <param name="arguments">The arguments, each passed as is (no quoting or globbing).</param>
    /// <param name="workingDirectory">The working directory; null for the current one.</param>
    /// <param name="timeout">The time allowed; null for <see cref="DefaultTimeout"/>. A tool that runs longer is killed.</param>
    /// <param name="environment">Extra environment variables for the tool (added to or replacing the inherited ones); null for none.</param>
    /// <returns>The tool's standard output.</returns>
    /// <exception cref="DataException">The tool cannot be started, exits with a non-zero status (the message
    /// holds its standard error), or runs past the timeout.</exception>
    public static string Run(
        string command,
        IReadOnlyList<string> arguments,
        string? workingDirectory = null,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        DataGuard.NotNullOrWhiteSpace(command);
        DataGuard.NotNullOrContainsNull(arguments);
        TimeSpan limit = timeout ?? DefaultTimeout;
        if (limit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"{nameof(timeout)} must be positive, but was {timeout}.");
        if (workingDirectory is not null && !Directory.Exists(workingDirectory))
        {
            DataGuard.Throw(nameof(workingDirectory), $"must be an existing directory, but '{workingDirectory}' does not exist.");
        }

        var info = new ProcessStartInfo(command)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            CreateNoWindow = true,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        if (environment is not null)
        {
            foreach (var (key, value) in environment) info.Environment[key] = value;
        }

        string commandLine = FormatCommandLine(command, arguments);
        using var process = new Process { StartInfo = info };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new DataException($"Cannot run `{commandLine}`: {e.Message}. Is `{command}` installed and on PATH?", e);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(limit))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
            process.WaitForExit();
            throw new DataException($"`{commandLine}` did not finish within {limit.TotalSeconds:0.###} s and was stopped.{Tail("Its standard error", stderr)}");
        }
        process.WaitForExit(); // drains the asynchronous readers

        if (process.ExitCode != 0)
        {
            throw new DataException($"`{commandLine}` failed with exit status {process.ExitCode}.{Tail("Its standard error", stderr)}");
        }
        lock (stdout) return stdout.ToString();
    }

    private static string Tail(string label, StringBuilder text)
    {
        string value;
        lock (text) value = text.ToString().Trim();
        if (value.Length == 0) return $" {label} was empty.";
        const int limit = 4000;
        if (value.Length > limit) value = "…" + value[^limit..];
        return $" {label}:{Environment.NewLine}{value}";
    }

    private static string FormatCommandLine(string command, IReadOnlyList<string> arguments) =>
        string.Join(' ', new[] { command }.Concat(arguments).Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a));

    private static bool IsExecutable(string path)
    {
        if (OperatingSystem.IsWindows()) return true;
        var mode = File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
