using System.Globalization;
using RnnTorch.Tests.Shared;

namespace RnnTorch.Plots.Tests;

/// <summary>Acceptance: report.html renders in headless Chromium; the screenshot is not blank and shows the chart's colours.</summary>
public sealed class ChromiumRenderTests
{
    [Fact]
    public void Report_renders_in_headless_chromium()
    {
        Assert.True(HeadlessChromium.Find() is not null,
            "Chromium is not installed (neither 'chromium' nor 'chromium-browser' is on PATH): run scripts/setup.sh.");
        string dir = Path.Combine(Path.GetTempPath(), "rnn-torch-render-" + Guid.NewGuid().ToString("N"));
        try
        {
            var loss = new double[200];
            var valid = new double[200];
            for (int i = 0; i < loss.Length; i++)
            {
                loss[i] = 2.5 * Math.Exp(-i / 40.0) + 0.1;
                valid[i] = 2.6 * Math.Exp(-i / 50.0) + 0.2;
            }
            var chart = new LineChart("training loss") { XLabel = "epoch", YLabel = "loss", Width = 700, Height = 380 }
                .Add("train", loss).Add("valid", valid);
            string svg = chart.ToSvg();
            string html = Path.Combine(dir, "report.html");
            new HtmlReport("Render check")
                .Paragraph("A line chart and a table, screenshotted by headless Chromium.")
                .Svg(svg, "loss per epoch")
                .Table(["model", "ms/step"], [["elman", "1.25"], ["nn.RNN", "0.75"]])
                .Save(html);

            const int width = 900, height = 700;
            string png = HeadlessChromium.Screenshot(html, width, height, Path.Combine(dir, "shot.png"));
            var image = PngImage.Load(png);
            Assert.Equal(width, image.Width);
            Assert.Equal(height, image.Height);
            double ink = image.NonWhiteFraction();
            Assert.True(ink > 0.01, string.Create(CultureInfo.InvariantCulture, $"only {ink:P2} of the screenshot is not white"));
            Assert.True(image.DistinctColors() > 10);
            var root = Svg.Parse(svg);
            foreach (string name in new[] { "train", "valid" })
            {
                var (r, g, b) = ColorScale.Parse((string)Svg.Series(root, name).Attribute("stroke")!);
                int hits = image.CountNear((byte)r, (byte)g, (byte)b, tolerance: 10);
                Assert.True(hits >= 50, $"series '{name}' colour #{r:X2}{g:X2}{b:X2} covers only {hits} pixels");
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
