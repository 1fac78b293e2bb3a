using System.Globalization;
using System.Text.RegularExpressions;

namespace RnnTorch.Cli.Tests;

/// <summary><c>rnn-torch compare</c> end to end through the program's entry point.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CompareTests
{
    private static string[] Cells(string line) =>
        Regex.Split(line.Trim(), @"(?<!\\)\|").Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();

    [Fact]
    public void QuickDefaultRunPassesTheEquivalenceCheckAndWritesTheRunDirectory()
    {
        string dir = CliRunner.TempDir("compare");
        try
        {
            var (code, _, error) = CliRunner.Run("--quick", "--out", dir, "--hidden", "8", "--seed", "7");
            Assert.True(code == 0, error);

            string summary = File.ReadAllText(Path.Combine(dir, Compare.SummaryFileName));
            Assert.Contains("| metric | ElmanRnn (hand-rolled) | nn.RNN (built-in) |", summary, StringComparison.Ordinal);
            var deltas = summary.Split('\n').Where(l => l.StartsWith(@"| max \|Δ\|", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, deltas.Count); // outputs and gradients
            foreach (var line in deltas) Assert.InRange(double.Parse(Cells(line)[2], NumberStyles.Float, CultureInfo.InvariantCulture), 0, 1e-5);
            // Same weights, same batches: the two runs end with the same losses (to the table's 4 decimals).
            var trainLoss = Cells(summary.Split('\n').Single(l => l.StartsWith("| final train loss |", StringComparison.Ordinal)));
            Assert.Equal(trainLoss[1], trainLoss[2]);
            // Parameters: W_ih 8×4 + W_hh 8×8 + b_ih 8 + b_hh 8 + Linear 8 + 1 = 121 for each model.
            Assert.Contains("| parameters | 121 | 121 |", summary, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir, "report.html")));
            foreach (var sub in new[] { "elman", "rnn" })
            {
                var lines = File.ReadAllLines(Path.Combine(dir, sub, "metrics.csv"));
                Assert.StartsWith("step,", lines[0], StringComparison.Ordinal);
                Assert.True(lines.Length > 1, $"{sub}/metrics.csv has no rows");
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void QuickRunOverFourCoresMarksOtherCellsNotApplicable()
    {
        string dir = CliRunner.TempDir("compare4");
        try
        {
            var (code, _, error) = CliRunner.Run("compare", "--quick", "--models", "elman,rnn,lstm,gru", "--hidden", "8", "--out", dir);
            Assert.True(code == 0, error);
            var lines = File.ReadAllText(Path.Combine(dir, Compare.SummaryFileName)).Split('\n');
            var outputs = Cells(lines.Single(l => l.StartsWith(@"| max \|Δ\| outputs", StringComparison.Ordinal)));
            Assert.Equal(["(reference)", Compare.NotApplicable, Compare.NotApplicable], new[] { outputs[1], outputs[3], outputs[4] });
            Assert.InRange(double.Parse(outputs[2], NumberStyles.Float, CultureInfo.InvariantCulture), 0, 1e-5);
            // Parameters with H = 8, F = 4 and a Linear(8, 1) head: gates × (H·F + H·H + 2H) + 9.
            Assert.Equal(["121", "121", (4 * (32 + 64 + 16) + 9).ToString(CultureInfo.InvariantCulture), (3 * (32 + 64 + 16) + 9).ToString(CultureInfo.InvariantCulture)],
                Cells(lines.Single(l => l.StartsWith("| parameters |", StringComparison.Ordinal)))[1..]);
            foreach (var sub in new[] { "elman", "rnn", "lstm", "gru" }) Assert.True(File.Exists(Path.Combine(dir, sub, "metrics.csv")), sub);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CurvesAreReadBackFromEachModelsMetrics()
    {
        string dir = CliRunner.TempDir("curves");
        try
        {
            Assert.Equal(0, CliRunner.Run("compare", "--quick", "--epochs", "2", "--hidden", "4", "--out", dir).Code);
            var curves = CompareLog.Curves(Path.Combine(dir, "elman"));
            Assert.Equal([1.0, 2.0], curves.Train.Select(p => p.Epoch));
            Assert.Equal([1.0, 2.0], curves.Validation.Select(p => p.Epoch));
            Assert.All(curves.Train.Concat(curves.Validation), p => Assert.True(double.IsFinite(p.Loss) && p.Loss > 0));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
