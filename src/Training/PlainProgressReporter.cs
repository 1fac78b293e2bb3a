namespace RnnTorch.Training;

/// <summary>
/// Progress as plain text lines for logs and pipes: no escape codes, invariant culture, one line per
/// <see cref="Step"/> call (every <c>interval</c>-th call when an interval is given), per epoch and per message. Every
/// line is flushed. Once the writer fails with an I/O error the reporter falls silent instead of stopping the run.
/// Thread-safe.
/// </summary>
public sealed class PlainProgressReporter : IProgressReporter, IDisposable
{
    private readonly object gate = new();
    private readonly TextWriter output;
    private readonly int interval;
    private readonly ProgressEstimate estimate = new();
    private int epochs;
    private int batchesPerEpoch;
    private long calls;
    private bool running;
    private bool broken;

    /// <summary>Writes to <paramref name="output"/>, one line for every <paramref name="interval"/>-th <see cref="Step"/> call.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public PlainProgressReporter(TextWriter output, int interval = 1)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (interval <= 0) throw new ArgumentOutOfRangeException(nameof(interval), interval, $"{nameof(interval)} must be positive, but was {interval}.");
        this.output = output;
        this.interval = interval;
    }

    /// <summary>Writes "training: E epochs of B batches" and starts the clock.</summary>
    public void Start(int epochs, int batchesPerEpoch)
    {
        lock (gate)
        {
            this.epochs = epochs;
            this.batchesPerEpoch = batchesPerEpoch;
            calls = 0;
            running = true;
            estimate.Start(epochs, batchesPerEpoch);
            string batches = batchesPerEpoch > 0 ? ProgressText.Int(batchesPerEpoch) : "?";
            Write($"training: {ProgressText.Int(epochs)} epochs of {batches} batches");
        }
    }

    /// <summary>
    /// Writes "epoch e/E batch b/B loss … lr … N seq/s elapsed hh:mm:ss eta hh:mm:ss" (one-based; eta once it can be
    /// estimated) for every <c>interval</c>-th call.
    /// </summary>
    public void Step(int epoch, int batch, double loss, double sequencesPerSecond, double learningRate)
    {
        lock (gate)
        {
            var left = estimate.Observe(epoch, batch);
            if (++calls % interval != 0) return;
            string line = $"epoch {ProgressText.Of(epoch, epochs)} batch {ProgressText.Of(batch, batchesPerEpoch)} loss {ProgressText.Value(loss)} " +
                $"lr {ProgressText.Rate(learningRate)} {ProgressText.Throughput(sequencesPerSecond)} seq/s elapsed {ProgressText.Duration(estimate.Elapsed)}";
            if (left is { } l) line += " eta " + ProgressText.Duration(l);
            Write(line);
        }
    }

    /// <summary>Writes "epoch e/E done: key=value …".</summary>
    public void Epoch(int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        lock (gate) Write($"epoch {ProgressText.Of(epoch, epochs)} done: {ProgressText.Metrics(metrics)}");
    }

    /// <summary>Writes the line, control characters (escape codes) replaced by spaces.</summary>
    public void Message(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (gate) Write(line);
    }

    /// <summary>Writes "finished after hh:mm:ss" once after <see cref="Start"/>; idempotent.</summary>
    public void Stop()
    {
        lock (gate)
        {
            if (!running) return;
            running = false;
            Write($"finished after {ProgressText.Duration(estimate.Elapsed)}");
        }
    }

    /// <summary>Same as <see cref="Stop"/>.</summary>
    public void Dispose() => Stop();

    private void Write(string line)
    {
        if (broken) return;
        try
        {
            output.Write(ProgressText.Plain(line));
            output.Write('\n');
            output.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            broken = true;
        }
    }
}
