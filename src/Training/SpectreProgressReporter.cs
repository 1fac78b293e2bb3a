using Spectre.Console;
using Spectre.Console.Rendering;

namespace RnnTorch.Training;

/// <summary>
/// A live Spectre.Console display for terminals: a small table with the epoch, the batch with a bar, loss, learning
/// rate, throughput, elapsed time and time left, and the last epoch's metrics; messages and epoch summaries scroll
/// above it. The display runs on its own thread and is the only one that touches the console while it runs, so
/// <see cref="Step"/> only stores numbers and returns at once; the table is redrawn every <see cref="RefreshInterval"/>.
/// If the display fails (a terminal too small, a broken pipe), the reporter continues with plain lines
/// (<see cref="PlainProgressReporter"/>) on the same output instead of throwing. Thread-safe.
/// </summary>
public sealed class SpectreProgressReporter : IProgressReporter, IDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(5);

    private readonly object gate = new();
    private readonly IAnsiConsole console;
    private readonly ProgressEstimate estimate = new();
    private readonly Queue<string> pending = new();
    private readonly SemaphoreSlim wake = new(0);
    private Thread? display;
    private bool stopRequested;
    private PlainProgressReporter? fallback;

    private int epochs;
    private int batchesPerEpoch;
    private int epoch = -1;
    private int batch = -1;
    private double loss = double.NaN;
    private double throughput = double.NaN;
    private double learningRate = double.NaN;
    private TimeSpan? left;
    private string? lastEpoch;

    /// <summary>Shows the display on <paramref name="console"/> (e.g. <c>AnsiConsole.Console</c>, or a test console).</summary>
    public SpectreProgressReporter(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        this.console = console;
    }

    /// <summary>How often the live table is redrawn (default 200 ms); messages and <see cref="Stop"/> redraw at once.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The exception that ended the live display and switched to plain lines, if any.</summary>
    public Exception? DisplayError { get; private set; }

    /// <summary>Starts the live display (stopping a previous one) for <paramref name="epochs"/> × <paramref name="batchesPerEpoch"/> batches.</summary>
    public void Start(int epochs, int batchesPerEpoch)
    {
        Stop();
        lock (gate)
        {
            this.epochs = epochs;
            this.batchesPerEpoch = batchesPerEpoch;
            epoch = batch = -1;
            loss = throughput = learningRate = double.NaN;
            left = null;
            lastEpoch = null;
            estimate.Start(epochs, batchesPerEpoch);
            if (fallback is not null)
            {
                fallback.Start(epochs, batchesPerEpoch);
                return;
            }
            stopRequested = false;
            display = new Thread(RunDisplay) { IsBackground = true, Name = "rnn-torch progress" };
            display.Start();
        }
    }

    /// <summary>Stores the step's numbers for the next redraw.</summary>
    public void Step(int epoch, int batch, double loss, double sequencesPerSecond, double learningRate)
    {
        lock (gate)
        {
            this.epoch = epoch;
            this.batch = batch;
            this.loss = loss;
            throughput = sequencesPerSecond;
            this.learningRate = learningRate;
            left = estimate.Observe(epoch, batch) ?? left;
            fallback?.Step(epoch, batch, loss, sequencesPerSecond, learningRate);
        }
    }

    /// <summary>Prints "epoch e/E done: key=value …" above the table and shows the metrics in it.</summary>
    public void Epoch(int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        lock (gate)
        {
            lastEpoch = ProgressText.Metrics(metrics);
            if (fallback is not null) fallback.Epoch(epoch, metrics);
            else Show($"epoch {ProgressText.Of(epoch, epochs)} done: {lastEpoch}");
        }
    }

    /// <summary>Prints <paramref name="line"/> above the table (or as a plain line when no display runs).</summary>
    public void Message(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (gate)
        {
            if (fallback is not null) fallback.Message(line);
            else Show(line);
        }
    }

    /// <summary>Draws the table a last time and ends the live display (idempotent; waits up to 5 s for the display thread).</summary>
    public void Stop()
    {
        Thread? thread;
        lock (gate)
        {
            thread = display;
            if (thread is null)
            {
                fallback?.Stop();
                return;
            }
            stopRequested = true;
        }
        wake.Release();
        thread.Join(JoinTimeout);
        lock (gate)
        {
            display = null;
            fallback?.Stop();
        }
    }

    /// <summary>Same as <see cref="Stop"/>.</summary>
    public void Dispose() => Stop();

    /// <summary>Queues a line for the display thread, or writes it directly when none runs. Caller holds the gate.</summary>
    private void Show(string line)
    {
        if (display is not null)
        {
            pending.Enqueue(line);
            wake.Release();
            return;
        }
        try
        {
            console.Write(new Text(ProgressText.Plain(line) + "\n"));
        }
        catch (Exception e)
        {
            SwitchToPlain(e);
            fallback!.Message(line);
        }
    }

    private void RunDisplay()
    {
        try
        {
            IRenderable first;
            lock (gate) first = Render();
            var live = new LiveDisplay(console, first)
            {
                AutoClear = false,
                Overflow = VerticalOverflow.Crop,
                Cropping = VerticalOverflowCropping.Bottom,
            };
            live.Start(ctx =>
            {
                while (true)
                {
                    wake.Wait(RefreshInterval);
                    List<string> lines;
                    bool stop;
                    IRenderable table;
                    lock (gate)
                    {
                        lines = new List<string>(pending);
                        pending.Clear();
                        stop = stopRequested;
                        table = Render();
                    }
                    foreach (var line in lines) console.Write(new Text(ProgressText.Plain(line) + "\n"));
                    ctx.UpdateTarget(table);
                    if (stop) break;
                }
            });
        }
        catch (Exception e)
        {
            lock (gate)
            {
                SwitchToPlain(e);
                while (pending.Count > 0) fallback!.Message(pending.Dequeue());
            }
        }
    }

    /// <summary>Continues with plain lines after the display failed. Caller holds the gate.</summary>
    private void SwitchToPlain(Exception error)
    {
        if (fallback is not null) return;
        DisplayError = error;
        fallback = new PlainProgressReporter(console.Profile.Out.Writer);
        fallback.Message($"progress display failed ({error.GetType().Name}: {error.Message}); continuing with plain lines");
        fallback.Start(epochs, batchesPerEpoch);
    }

    /// <summary>The table for the current numbers. Caller holds the gate (or is the constructor's thread before start).</summary>
    private Table Render()
    {
        var table = new Table().RoundedBorder().HideHeaders();
        table.AddColumn(new TableColumn("what").NoWrap());
        table.AddColumn(new TableColumn("value"));
        string epochText = epoch < 0 ? "-" : ProgressText.Of(epoch, epochs);
        table.AddRow(new Markup("[bold]epoch[/]"), new Text(epochText));
        table.AddRow(new Markup("[bold]batch[/]"), new Text(BatchText()));
        table.AddRow(new Markup("[bold]loss[/]"), new Text(double.IsNaN(loss) && epoch < 0 ? "-" : ProgressText.Value(loss)));
        table.AddRow(new Markup("[bold]lr[/]"), new Text(double.IsNaN(learningRate) ? "-" : ProgressText.Rate(learningRate)));
        table.AddRow(new Markup("[bold]speed[/]"), new Text(double.IsNaN(throughput) ? "-" : ProgressText.Throughput(throughput) + " seq/s"));
        table.AddRow(new Markup("[bold]time[/]"), new Text(ProgressText.Duration(estimate.Elapsed) + " elapsed, " +
            (left is { } l ? ProgressText.Duration(l) + " left" : "? left")));
        if (lastEpoch is not null) table.AddRow(new Markup("[bold]last epoch[/]"), new Text(lastEpoch));
        return table;
    }

    private string BatchText()
    {
        if (batch < 0) return "-";
        string count = ProgressText.Of(batch, batchesPerEpoch);
        if (batchesPerEpoch <= 0) return count;
        const int width = 20;
        int filled = (int)Math.Clamp(Math.Round((batch + 1.0) / batchesPerEpoch * width), 0, width);
        bool unicode = console.Profile.Capabilities.Unicode;
        string bar = new string(unicode ? '█' : '#', filled) + new string(unicode ? '░' : '-', width - filled);
        return bar + " " + count;
    }
}
