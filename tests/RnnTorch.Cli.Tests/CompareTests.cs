using System.Globalization;
using System.Text.RegularExpressions;

namespace RnnTorch.Cli.Tests;

/// <summary>
/// <c>rnn-torch compare</c> end to end through the program's entry point: a quick run passes the equivalence check,
/// writes summary.md and both metrics logs; bad arguments give exit code 2.
/// </summary>
public sealed class CompareTests
{
    private static int RnnTorch(params string[] args)
    {
        var entry = typeof(Compare).Assembly.EntryPoint ?? throw new InvalidOperationException("rnn-torch has no entry point.");
        return (int)entry.Invoke(null, [args])!;
    }

    [Fact]
    public void QuickRunPassesTheEquivalenceCheckAndWritesTheRunDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rnn-torch-compare-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, RnnTorch("compare", "--quick", "--out", dir, "--hidden", "8", "--seed", "7"));

            string summary = File.ReadAllText(Path.Combine(dir, Compare.SummaryFileName));
            var deltas = summary.Split('\n').Where(l => l.StartsWith(@"| max \|Δ\|", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, deltas.Count); // outputs and gradients
            foreach (var line in deltas)
            {
                var cells = Regex.Split(line.Trim(), @"(?<!\\)\|").Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
                double delta = double.Parse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.InRange(delta, 0, 1e-5);
            }
            // Same weights, same batches: the two runs end with the same losses (to the table's 4 decimals).
            var trainLoss = summary.Split('\n').Single(l => l.StartsWith("| final train loss |", StringComparison.Ordinal)).Split('|');
            Assert.Equal(trainLoss[2].Trim(), trainLoss[3].Trim());
            // Parameters: W_ih 8×4 + W_hh 8×8 + b_ih 8 + b_hh 8 + Linear 8 + 1 = 121 for each model.
            Assert.Contains("| parameters | 121 | 121 |", summary, StringComparison.Ordinal);

            foreach (var sub in new[] { Compare.ElmanDir, Compare.RnnDir })
            {
                string csv = Path.Combine(dir, sub, "metrics.csv");
                Assert.True(File.Exists(csv), $"{csv} is missing");
                var lines = File.ReadAllLines(csv);
                Assert.StartsWith("step,", lines[0], StringComparison.Ordinal);
                Assert.True(lines.Length > 1, $"{csv} has no rows");
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("compare", "--bogus")]
    [InlineData("compare", "--epochs", "zero")]
    [InlineData("compare", "--epochs", "0")]
    [InlineData("compare", "--hidden")]
    [InlineData("--seed", "x")]
    [InlineData("nonsense")]
    public void BadArgumentsExitWithCode2(params string[] args)
    {
        Assert.Equal(2, RnnTorch(args));
    }
}
