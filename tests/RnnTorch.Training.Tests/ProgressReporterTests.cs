using System.Globalization;
using Spectre.Console;

namespace RnnTorch.Training.Tests;

/// <summary>The choice between live and plain progress, the plain lines, and the Spectre display against a test writer.</summary>
public sealed class ProgressReporterTests
{
    private static readonly Dictionary<string, double> EpochMetrics = new() { ["train_loss"] = 0.5, ["val_loss"] = 0.625 };

    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, "", true)]
    [InlineData(false, "false", true)]
    [InlineData(false, "0", true)]
    [InlineData(true, null, false)]
    [InlineData(false, "true", false)]
    [InlineData(false, "1", false)]
    [InlineData(false, "github-actions", false)]
    [InlineData(true, "true", false)]
    public void InteractiveOnlyOnAnUnredirectedOutputOutsideCi(bool redirected, string? ci, bool expected)
    {
        Assert.Equal(expected, ProgressReporter.IsInteractive(redirected, ci));
    }

    [Fact]
    public void CreatePicksTheImplementation()
    {
        var writer = new StringWriter();
        Assert.IsType<PlainProgressReporter>(ProgressReporter.Create(writer, interactive: false));
        var live = ProgressReporter.Create(writer, interactive: true);
        Assert.IsType<SpectreProgressReporter>(live);
        live.Stop(); // never started: nothing to stop, no throw
    }

    [Fact]
    public void PlainOutputIsOneInvariantLinePerStepWithoutEscapeCodes()
    {
        var writer = new StringWriter();
        var saved = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo.CurrentCulture = comma;
        try
        {
            var reporter = new PlainProgressReporter(writer);
            reporter.Start(2, 4);
            for (int b = 0; b < 4; b++) reporter.Step(0, b, 0.5 + b, 100.26, 0.001);
            reporter.Epoch(0, EpochMetrics);
            reporter.Step(1, 0, 0.25, 50, 0.0005);
            reporter.Message("stopped \u001b[31mearly\u001b[0m");
            reporter.Stop();
            reporter.Stop();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        string text = writer.ToString();
        Assert.DoesNotContain('\u001b', text);
        var lines = text.Split('\n');
        Assert.Equal("", lines[^1]); // every line ends with \n
        lines = lines[..^1];
        Assert.Equal(9, lines.Length); // start, 4 steps, epoch, step, message, finished
        Assert.Equal("training: 2 epochs of 4 batches", lines[0]);
        Assert.StartsWith("epoch 1/2 batch 1/4 loss 0.5 lr 0.001 100.3 seq/s elapsed 00:00:", lines[1]);
        Assert.StartsWith("epoch 1/2 batch 4/4 loss 3.5 lr 0.001 ", lines[4]);
        Assert.Contains(" eta ", lines[4]); // estimated from the steps seen so far
        Assert.Equal("epoch 1/2 done: train_loss=0.5 val_loss=0.625", lines[5]);
        Assert.StartsWith("epoch 2/2 batch 1/4 loss 0.25 lr 0.0005 50.0 seq/s", lines[6]);
        Assert.Equal("stopped  [31mearly [0m", lines[7]);
        Assert.StartsWith("finished after ", lines[8]);
        Assert.Equal(1, lines.Count(l => l.StartsWith("finished", StringComparison.Ordinal))); // Stop is idempotent
    }

    [Fact]
    public void PlainOutputHonoursTheInterval()
    {
        var writer = new StringWriter();
        var reporter = (PlainProgressReporter)ProgressReporter.Create(writer, interactive: false, interval: 3);
        reporter.Start(1, 10);
        for (int b = 0; b < 10; b++) reporter.Step(0, b, 1, 1, 1);
        var steps = writer.ToString().Split('\n').Where(l => l.Contains(" batch ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, steps.Length); // calls 3, 6, 9
        Assert.StartsWith("epoch 1/1 batch 3/10 ", steps[0]);
        Assert.StartsWith("epoch 1/1 batch 9/10 ", steps[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlainProgressReporter(writer, 0));
    }

    [Fact]
    public void PlainOutputSurvivesABrokenWriter()
    {
        var writer = new StringWriter();
        var reporter = new PlainProgressReporter(writer);
        writer.Dispose();
        reporter.Start(1, 1);
        reporter.Step(0, 0, 1, 1, 1);
        reporter.Message("x");
        reporter.Stop();
    }

    private static (SpectreProgressReporter Reporter, StringWriter Writer, IAnsiConsole Console) TestConsole(int? width = null, int? height = null)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (width is { } w) console.Profile.Width = w;
        if (height is { } h) console.Profile.Height = h;
        return (new SpectreProgressReporter(console) { RefreshInterval = TimeSpan.FromMilliseconds(10) }, writer, console);
    }

    [Fact]
    public void SpectreDisplayRunsAndPrintsTheTableAndMessages()
    {
        var (reporter, writer, _) = TestConsole(width: 100, height: 30);
        reporter.Start(3, 4);
        for (int b = 0; b < 4; b++)
        {
            reporter.Step(0, b, 1.5 - b * 0.25, 123.4, 0.01);
            Thread.Sleep(15);
        }
        reporter.Epoch(0, EpochMetrics);
        reporter.Message("a message line");
        reporter.Step(1, 0, 0.75, 99, 0.005);
        reporter.Stop();
        reporter.Stop();

        Assert.Null(reporter.DisplayError);
        string text = writer.ToString();
        Assert.Contains("a message line", text);
        Assert.Contains("epoch 1/3 done: train_loss=0.5 val_loss=0.625", text);
        Assert.Contains("2/3", text);     // the last frame: epoch 2 of 3
        Assert.Contains("0.75", text);    // its loss
        Assert.Contains("0.005", text);   // its learning rate
        Assert.Contains("seq/s", text);
        Assert.DoesNotContain('\u001b', text); // Ansi = No
        Assert.True(text.IndexOf("a message line", StringComparison.Ordinal) < text.LastIndexOf("0.75", StringComparison.Ordinal));
    }

    [Fact]
    public void SpectreDisplayCanBeRestartedAndWritesMessagesWhenStopped()
    {
        var (reporter, writer, _) = TestConsole();
        reporter.Message("before start");
        reporter.Start(1, 2);
        reporter.Step(0, 0, 1, 1, 1);
        reporter.Start(2, 2); // restarts: stops the first display
        reporter.Step(1, 1, 2, 2, 2);
        reporter.Stop();
        reporter.Message("after stop");
        reporter.Dispose();
        Assert.Null(reporter.DisplayError);
        string text = writer.ToString();
        Assert.Contains("before start", text);
        Assert.Contains("after stop", text);
        Assert.True(text.IndexOf("after stop", StringComparison.Ordinal) > text.LastIndexOf("2/2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(12, 3)]
    public void SpectreDisplayDoesNotThrowOnATinyTerminal(int width, int height)
    {
        var (reporter, writer, _) = TestConsole(width, height);
        reporter.Start(10, 1000);
        reporter.Step(3, 500, 1.25, 1e6, 1e-4);
        Thread.Sleep(30);
        reporter.Epoch(3, EpochMetrics);
        reporter.Message("tiny");
        reporter.Stop();
        string text = writer.ToString();
        Assert.NotEmpty(text);
        // Either the table rendered (cropped) or the reporter fell back to plain lines; the message got through either way
        // (wrapped to the width, so compare without white space).
        Assert.Contains("tiny", string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
    }

    /// <summary>A writer that fails on any text holding a table border character, as a terminal that breaks mid-run.</summary>
    private sealed class TableHatingWriter : StringWriter
    {
        public override void Write(char value)
        {
            if (value == '\u2502' || value == '|') throw new IOException("no tables here");
            base.Write(value);
        }

        public override void Write(string? value)
        {
            if (value is not null && (value.Contains('\u2502') || value.Contains('|'))) throw new IOException("no tables here");
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
    }

    [Fact]
    public void AFailingDisplayFallsBackToPlainLines()
    {
        var writer = new TableHatingWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var reporter = new SpectreProgressReporter(console) { RefreshInterval = TimeSpan.FromMilliseconds(5) };
        reporter.Start(2, 3);
        for (int i = 0; i < 50 && reporter.DisplayError is null; i++) Thread.Sleep(10);
        Assert.IsType<IOException>(reporter.DisplayError);
        reporter.Step(0, 1, 0.5, 10, 0.1);
        reporter.Epoch(0, EpochMetrics);
        reporter.Message("still here");
        reporter.Stop();

        var lines = writer.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("progress display failed (IOException: no tables here)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("epoch 1/2 batch 2/3 loss 0.5 lr 0.1 10.0 seq/s", StringComparison.Ordinal));
        Assert.Contains("epoch 1/2 done: train_loss=0.5 val_loss=0.625", lines);
        Assert.Contains("still here", lines);
        Assert.Contains(lines, l => l.StartsWith("finished after ", StringComparison.Ordinal));
    }
}
