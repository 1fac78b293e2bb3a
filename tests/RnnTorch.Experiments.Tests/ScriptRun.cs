using System.Diagnostics;
using System.Text;

namespace RnnTorch.Experiments.Tests;

/// <summary>The outcome of one <c>dotnet run experiments/NAME.cs -- --quick</c>.</summary>
internal sealed record ScriptRun(int ExitCode, bool TimedOut, string Output, TimeSpan Elapsed)
{
    /// <summary>
    /// Where the scripts build: their own artifacts folder (bin and obj of every referenced project, in Release), so that
    /// they never write into the src/*/bin and obj folders that <c>dotnet test rnn-torch.sln -c Release</c> uses.
    /// </summary>
    public static string ArtifactsPath => Path.Combine(RepositoryRoot.Path, "artifacts", "experiments");

    /// <summary>Runs the script from the repository root with <c>--quick</c>; kills it (and its children) after <paramref name="timeout"/>.</summary>
    public static ScriptRun Quick(string name, TimeSpan timeout)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "run", "-c", "Release", "--artifacts-path", ArtifactsPath, $"experiments/{name}.cs", "--", "--quick" })
            start.ArgumentList.Add(arg);
        start.Environment["RNN_TORCH_QUICK"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no idle MSBuild nodes left holding our output pipes
        var output = new StringBuilder();
        // Each stream signals its end (a null line); the output is complete only once both have.
        using var stdoutDone = new ManualResetEventSlim();
        using var stderrDone = new ManualResetEventSlim();
        void Append(string? line, ManualResetEventSlim done)
        {
            if (line is null)
            {
                done.Set();
                return;
            }
            lock (output) output.AppendLine(line);
        }
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data, stdoutDone);
        process.ErrorDataReceived += (_, e) => Append(e.Data, stderrDone);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // WaitForExit with a timeout returns when the process exits, even if a build server it started keeps the pipes open.
        bool exited = process.WaitForExit(timeout);
        if (!exited) process.Kill(entireProcessTree: true);
        process.WaitForExit(TimeSpan.FromSeconds(10));
        // WaitForExit(timeout) does not wait for the asynchronous readers to drain the pipes: the last lines (the
        // RESULT line) can still be in flight. Wait for both ends of stream, bounded in case a child holds a pipe.
        stdoutDone.Wait(TimeSpan.FromSeconds(30));
        stderrDone.Wait(TimeSpan.FromSeconds(30));
        string text;
        lock (output) text = output.ToString();
        return new ScriptRun(exited ? process.ExitCode : -1, !exited, text, clock.Elapsed);
    }

    /// <summary>The last <paramref name="lines"/> lines of the output.</summary>
    public string Tail(int lines = 40)
    {
        var all = Output.Split('\n');
        return string.Join('\n', all[Math.Max(0, all.Length - lines)..]);
    }
}
