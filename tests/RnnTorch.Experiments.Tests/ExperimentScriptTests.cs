namespace RnnTorch.Experiments.Tests;

/// <summary>
/// Every script in experiments/ runs in quick mode and passes its own checks (exit code 0, a "RESULT NAME: … (PASS)" line).
/// </summary>
[Collection(ExperimentsCollection.Name)]
public sealed class ExperimentScriptTests
{
    /// <summary>The scripts, by file name without ".cs"; <see cref="EveryScriptHasARow"/> keeps this list complete.</summary>
    public static readonly string[] Names = ["char-lm", "sentiment", "seq2seq", "speech-frames", "spoken-digits", "weather", "word-language"];

    public const int MaxLines = 120;

    public static TheoryData<string> Scripts => new(Names);

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Theory]
    [MemberData(nameof(Scripts))]
    public void QuickRunPassesItsChecks(string name)
    {
        var run = ScriptRun.Quick(name, Timeout);
        string context = $"experiments/{name}.cs (exit code {run.ExitCode}, {run.Elapsed.TotalSeconds:F0} s); last lines of its output:\n{run.Tail()}";
        Assert.False(run.TimedOut, $"timed out after {Timeout.TotalMinutes} min: {context}");
        Assert.True(run.ExitCode == 0, $"failed: {context}");
        Assert.True(run.Output.Contains($"RESULT {name}: ", StringComparison.Ordinal), $"printed no 'RESULT {name}:' line: {context}");
        Assert.True(run.Output.Contains("(PASS)", StringComparison.Ordinal), $"did not report PASS: {context}");
    }

    [Fact]
    public void EveryScriptHasARow()
    {
        var files = Directory.GetFiles(RepositoryRoot.Experiments, "*.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(Names.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ScriptIsShortAndSelfContained(string name)
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Experiments, name + ".cs"));
        Assert.True(lines.Length <= MaxLines, $"experiments/{name}.cs has {lines.Length} lines; at most {MaxLines}.");
        Assert.Contains("#:property PublishAot=false", lines);
        Assert.Contains(lines, l => l.StartsWith("#:project ../src/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("RNN_TORCH_QUICK", StringComparison.Ordinal) && l.Contains("--quick", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("InternalsVisibleTo", StringComparison.Ordinal));
    }
}
