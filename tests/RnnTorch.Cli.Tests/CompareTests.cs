using System.Globalization;
using System.Text.RegularExpressions;
using RnnTorch.Tests.Shared;

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
            CheckReport(Path.Combine(dir, CompareReport.FileName), ["ElmanRnn (hand-rolled)", "nn.RNN (built-in)"]);
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

    /// <summary>
    /// report.html is well-formed, self-contained, holds both models' training and validation curves, the prediction
    /// and gradient-flow charts, and renders in headless Chromium to a page that is not blank.
    /// </summary>
    private static void CheckReport(string path, string[] models)
    {
        string html = File.ReadAllText(path);
        var page = CompareReportTests.Parse(html);
        var names = CompareReportTests.Series(page).Select(e => (string?)e.Attribute("data-name")).ToList();
        foreach (string m in models)
        {
            Assert.Contains($"{m} train", names);
            Assert.Contains($"{m} validation", names);
            Assert.Equal(2, names.Count(n => n == m)); // predictions and gradient norms
        }
        Assert.Contains("actual", names);
        foreach (var curve in CompareReportTests.Series(page))
        {
            Assert.Matches(@"[ML]\s*-?\d", (string?)curve.Attribute("d") ?? (string?)curve.Attribute("points") ?? "");
        }
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);

        string png = HeadlessChromium.Screenshot(path, 1000, 1600, Path.ChangeExtension(path, ".png"));
        var image = PngImage.Load(png);
        Assert.Equal((1000, 1600), (image.Width, image.Height));
        Assert.True(image.NonWhiteFraction() > 0.02, $"report.html rendered nearly blank: {image.NonWhiteFraction():P2} non-white pixels");
        Assert.True(image.DistinctColors() > 16, $"report.html rendered with only {image.DistinctColors()} colours");
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
