using System.Xml.Linq;

namespace RnnTorch.Plots.Tests;

public sealed class HtmlReportTests
{
    private static readonly XNamespace H = "http://www.w3.org/1999/xhtml";

    /// <summary>Checks the doctype, then parses the rest as XML.</summary>
    internal static XElement ParseHtml(string html)
    {
        const string doctype = "<!DOCTYPE html>";
        Assert.StartsWith(doctype, html);
        return XDocument.Parse(html[doctype.Length..]).Root!;
    }

    private static HtmlReport Sample(string nasty) =>
        new HtmlReport(nasty)
            .Heading(nasty)
            .Paragraph(nasty)
            .Table(["model", "ms/step", "acc"], [["elman" + nasty, "1.25", "93.4%"], ["nn.RNN", "-0.5", "n/a"]])
            .Svg(new LineChart(nasty).Add(nasty, [1, 2, 3]).ToSvg(), nasty)
            .Svg(new HeatMap("h", new double[,] { { 1, -1 } }) { Diverging = true }.ToSvg())
            .Svg(new ConfusionMatrixChart("c", new long[,] { { 1 } }, ["x"]).ToSvg())
            .Svg(new BarChart("b").Add("a", 1).ToSvg())
            .Pre(nasty + "\n  indented");

    [Fact]
    public void Page_is_well_formed_and_escapes_every_text()
    {
        const string nasty = "<script>alert('x&y')</script> \"q\"";
        string html = Sample(nasty).ToHtml();
        var root = ParseHtml(html);
        Assert.Equal(H + "html", root.Name);
        Assert.Equal(nasty, root.Descendants(H + "title").Single().Value);
        Assert.Equal(nasty, root.Descendants(H + "h2").Single().Value);
        Assert.Equal(nasty, root.Descendants(H + "p").Single().Value);
        Assert.Equal(nasty + "\n  indented", root.Descendants(H + "pre").Single().Value);
        Assert.Equal(nasty, root.Descendants(H + "figcaption").Single().Value);
        Assert.Equal(4, root.Descendants(Svg.Ns + "svg").Count());
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName == "script");
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Page_is_self_contained()
    {
        string html = Sample("x").ToHtml();
        var root = ParseHtml(html);
        Assert.Single(root.Descendants(H + "style"));
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "link" or "script" or "img" or "iframe");
        string withoutNamespaces = html.Replace("http://www.w3.org/2000/svg", "").Replace("http://www.w3.org/1999/xhtml", "");
        Assert.DoesNotContain("http:", withoutNamespaces);
        Assert.DoesNotContain("https:", withoutNamespaces);
        Assert.DoesNotContain("url(", withoutNamespaces);
    }

    [Fact]
    public void Numeric_cells_are_right_aligned()
    {
        var root = ParseHtml(Sample("x").ToHtml());
        var cells = root.Descendants(H + "td").Select(td => (td.Value, Num: (string?)td.Attribute("class") == "num")).ToList();
        Assert.Equal(
            [("elmanx", false), ("1.25", true), ("93.4%", true), ("nn.RNN", false), ("-0.5", true), ("n/a", false)],
            cells);
        Assert.Equal(3, root.Descendants(H + "th").Count());
        Assert.Contains("td.num{text-align:right", root.Descendants(H + "style").Single().Value);
    }

    [Fact]
    public void Save_writes_atomically_and_overwrites()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rnn-torch-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(dir, "sub", "report.html");
            new HtmlReport("first").Save(path);
            Sample("second").Save(path);
            string text = File.ReadAllText(path);
            Assert.Equal(Sample("second").ToHtml(), text);
            Assert.Equal(["report.html"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Bad_arguments_throw()
    {
        var report = new HtmlReport("r");
        var rows = Assert.Throws<ArgumentException>(() => report.Table(["a", "b"], [["1", "2"], ["3"]]));
        Assert.Contains("rows[1]", rows.Message);
        Assert.Throws<ArgumentException>(() => report.Svg("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>"));
        Assert.Throws<ArgumentException>(() => report.Svg("<div/>"));
        Assert.Throws<ArgumentException>(() => report.Svg("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
        Assert.Throws<ArgumentException>(() => report.Svg("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"x()\"/>"));
        Assert.Throws<ArgumentException>(() => report.Svg("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"http://example.com/a.png\"/></svg>"));
        Assert.Throws<ArgumentNullException>(() => report.Paragraph(null!));
        Assert.Throws<ArgumentException>(() => report.Save(""));
        // Nothing of the failed calls got in.
        Assert.DoesNotContain("<table", report.ToHtml());
        Assert.DoesNotContain("<figure", report.ToHtml());
    }
}
