using System.Globalization;
using RnnTorch.Plots;

namespace RnnTorch.Cli;

/// <summary>
/// Writes <c>report.html</c> of <c>rnn-torch compare</c>: one self-contained page (inline CSS and SVG, no scripts, no
/// external resources) with the notes, the side-by-side table, the loss curves of every model, what they predict on
/// validation data, the timings as bars and, when measured, ‖∂L/∂h_t‖ over time.
/// </summary>
internal static class CompareReport
{
    /// <summary>The name of the page in the run directory.</summary>
    public const string FileName = "report.html";

    /// <summary>The metric rows drawn as bars, when their values are numbers.</summary>
    private static readonly string[] TimingMetrics = ["ms/training step", "ms/inference step"];

    /// <summary>Writes the page into <paramref name="runDir"/> (atomically) and returns its path.</summary>
    /// <exception cref="ArgumentException">The data is inconsistent: a per-model list whose length differs from the number of models.</exception>
    public static string Write(string runDir, CompareReportData data)
    {
        ArgumentNullException.ThrowIfNull(runDir);
        Validate(data);
        string path = Path.Combine(runDir, FileName);
        Build(data).Save(path);
        return path;
    }

    /// <summary>Builds the page.</summary>
    public static HtmlReport Build(CompareReportData data)
    {
        Validate(data);
        var report = new HtmlReport(data.Title);
        report.Paragraph(data.Notes);

        // ---- the table: one column per model ---------------------------------------------------------------------
        report.Heading("Side by side");
        report.Table(["metric", .. data.Models], data.Rows.Select(r => (IReadOnlyList<string>)[r.Metric, .. r.Values]).ToList());

        // ---- loss curves: training and validation of every model on one log axis ----------------------------------
        report.Heading("Loss curves");
        var losses = new LineChart("Loss per epoch") { XLabel = "epoch", YLabel = "loss (log scale)", LogY = true };
        for (int m = 0; m < data.Models.Count; m++)
        {
            var c = data.Curves[m];
            losses.Add($"{data.Models[m]} train", c.Train.Select(p => p.Epoch).ToList(), c.Train.Select(p => p.Loss).ToList());
            losses.Add($"{data.Models[m]} validation", c.Validation.Select(p => p.Epoch).ToList(), c.Validation.Select(p => p.Loss).ToList());
        }
        report.Svg(losses.ToSvg(), "Training loss (per logged step or epoch) and validation loss (per epoch) of each model.");

        // ---- predictions on validation data -----------------------------------------------------------------------
        switch (data.Predictions)
        {
            case RegressionPredictions r:
                report.Heading("Predictions against actual");
                var chart = new LineChart($"{r.Quantity}: validation data") { XLabel = "validation sample (time order)", YLabel = $"{r.Quantity} ({r.Unit})" };
                chart.Add("actual", r.Actual);
                for (int m = 0; m < data.Models.Count; m++) chart.Add(data.Models[m], r.Predicted[m]);
                report.Svg(chart.ToSvg(), $"Actual {r.Quantity} against each model's prediction, in {r.Unit}.");
                break;
            case ClassificationPredictions c:
                report.Heading("Confusion matrices (validation)");
                for (int m = 0; m < data.Models.Count; m++)
                {
                    report.Svg(new ConfusionMatrixChart(data.Models[m], c.Confusion[m], c.Labels).ToSvg(), $"{data.Models[m]}: rows actual, columns predicted.");
                }
                break;
            case TextPredictions t:
                report.Heading("Samples");
                for (int m = 0; m < data.Models.Count; m++)
                {
                    report.Paragraph($"{data.Models[m]}, from the prompt \"{t.Prompt}\":");
                    report.Pre(t.Samples[m]);
                }
                break;
        }

        // ---- timings as bars ------------------------------------------------------------------------------------
        foreach (string metric in TimingMetrics)
        {
            var row = data.Rows.FirstOrDefault(r => r.Metric == metric);
            if (row is null || !row.Values.All(IsNumber)) continue;
            var bars = new BarChart(metric) { YLabel = "milliseconds (median)" };
            for (int m = 0; m < data.Models.Count; m++) bars.Add(data.Models[m], double.Parse(row.Values[m], CultureInfo.InvariantCulture));
            report.Svg(bars.ToSvg());
        }

        // ---- gradients over time ------------------------------------------------------------------------------------
        if (data.GradientNorms is { } norms)
        {
            report.Heading("Gradient norm over time");
            var flow = new LineChart("‖∂L/∂h_t‖ of the trained cores for a loss on the last step") { XLabel = "time step t", YLabel = "‖∂L/∂h_t‖ (log scale)", LogY = true };
            for (int m = 0; m < data.Models.Count; m++) flow.Add(data.Models[m], norms[m]);
            report.Svg(flow.ToSvg(), "How much a loss on the last step depends on each earlier hidden state (50 steps of standard-normal input, 16 sequences, each model's trained weights): a line falling towards t = 0 is the vanishing gradient.");
        }
        return report;
    }

    private static bool IsNumber(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v);

    private static void Validate(CompareReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Models.Count;
        if (n == 0) throw new ArgumentException("The report needs at least one model.", nameof(data));
        Check(data.Curves.Count, "Curves");
        foreach (var row in data.Rows)
        {
            if (row.Values.Count != n) throw new ArgumentException($"Row '{row.Metric}' has {row.Values.Count} values for {n} models.", nameof(data));
        }
        if (data.GradientNorms is { } g) Check(g.Count, "GradientNorms");
        switch (data.Predictions)
        {
            case RegressionPredictions r:
                Check(r.Predicted.Count, "Predictions.Predicted");
                foreach (var p in r.Predicted)
                {
                    if (p.Count != r.Actual.Count) throw new ArgumentException($"A prediction series has {p.Count} values for {r.Actual.Count} actual values.", nameof(data));
                }
                break;
            case ClassificationPredictions c:
                Check(c.Confusion.Count, "Predictions.Confusion");
                break;
            case TextPredictions t:
                Check(t.Samples.Count, "Predictions.Samples");
                break;
        }

        void Check(int count, string what)
        {
            if (count != n) throw new ArgumentException($"{what} has {count} entries for {n} models.", nameof(data));
        }
    }
}
