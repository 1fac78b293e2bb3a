using System.Xml.Linq;
using RnnTorch.Cli;

namespace RnnTorch.Cli.Tests;

public sealed class CompareReportTests
{
    private static readonly string[] Models = ["ElmanRnn (hand-rolled)", "nn.RNN (built-in)"];

    private static CompareReportData Sample(ComparePredictions? predictions = null, IReadOnlyList<IReadOnlyList<double>>? norms = null) => new(
        "rnn-torch compare: <test> & \"quotes\"",
        "Notes with <angle brackets> & ampersands.",
        Models,
        [new CompareReportRow("final validation loss", ["0.1234", "0.1235"]), new CompareReportRow("ms/training step", ["1.500", "2.250"])],
        [
            new LossCurves([(1, 0.9), (2, 0.5), (3, 0.3)], [(1, 1.0), (2, 0.6), (3, 0.4)]),
            new LossCurves([(1, 0.8), (2, 0.45), (3, 0.25)], [(1, 0.95), (2, 0.55), (3, 0.35)]),
        ],
        predictions,
        norms);

    /// <summary>The page as XML: the doctype removed, the rest must parse.</summary>
    internal static XDocument Parse(string html)
    {
        int start = html.IndexOf("<html", StringComparison.OrdinalIgnoreCase);
        Assert.True(start >= 0, "no <html> element");
        return XDocument.Parse(html[start..]);
    }

    internal static IReadOnlyList<XElement> Series(XDocument page) =>
        page.Descendants().Where(e => (string?)e.Attribute("class") == "series").ToList();

    [Fact]
    public void Page_is_well_formed_self_contained_and_holds_every_curve_and_table_cell()
    {
        string html = CompareReport.Build(Sample()).ToHtml();
        var page = Parse(html);
        var names = Series(page).Select(e => (string?)e.Attribute("data-name")).ToHashSet();
        foreach (string m in Models)
        {
            Assert.Contains($"{m} train", names);
            Assert.Contains($"{m} validation", names);
        }
        string text = page.Root!.Value;
        Assert.Contains("<test> & \"quotes\"", text);
        Assert.Contains("0.1235", text);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Regression_predictions_gradient_norms_and_timings_become_charts()
    {
        var predictions = new RegressionPredictions("next-day temp_max", "°C", [10, 12, 11], [[10.5, 11.5, 11.2], [10.4, 11.6, 11.1]]);
        var page = Parse(CompareReport.Build(Sample(predictions, [[1e-6, 1e-3, 1], [1e-2, 1e-1, 1]])).ToHtml());
        var names = Series(page).Select(e => (string?)e.Attribute("data-name")).ToList();
        Assert.Contains("actual", names);
        Assert.Equal(2 + 2, names.Count(n => n is not null && Models.Contains(n))); // predictions + gradient norms
        Assert.Contains(page.Descendants().Select(e => e.Name.LocalName), n => n == "rect"); // bars
    }

    [Fact]
    public void Classification_gives_a_confusion_matrix_per_model_and_text_gives_samples()
    {
        long[,] confusion = { { 5, 1 }, { 2, 7 } };
        var page = Parse(CompareReport.Build(Sample(new ClassificationPredictions(["negative", "positive"], [confusion, confusion]))).ToHtml());
        Assert.True(page.Descendants().Count(e => e.Name.LocalName == "svg") >= 3);
        Assert.Contains("7", page.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));

        var text = Parse(CompareReport.Build(Sample(new TextPredictions("Call me", ["Call me Ishmael.", "Call me maybe"]))).ToHtml());
        Assert.Contains("Call me Ishmael.", text.Root!.Value);
    }

    [Fact]
    public void Inconsistent_data_is_refused_naming_what_is_wrong()
    {
        var bad = Sample() with { Rows = [new CompareReportRow("parameters", ["1"])] };
        var e = Assert.Throws<ArgumentException>(() => CompareReport.Build(bad));
        Assert.Contains("parameters", e.Message);
        var badPredictions = Sample(new RegressionPredictions("x", "u", [1, 2], [[1, 2], [1]]));
        Assert.Throws<ArgumentException>(() => CompareReport.Build(badPredictions));
        var badNorms = Sample(norms: [[1.0]]);
        Assert.Contains("GradientNorms", Assert.Throws<ArgumentException>(() => CompareReport.Build(badNorms)).Message);
    }

    [Fact]
    public void Write_saves_report_html_in_the_run_directory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rnn-torch-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = CompareReport.Write(dir, Sample());
            Assert.Equal(Path.Combine(dir, CompareReport.FileName), path);
            Parse(File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
