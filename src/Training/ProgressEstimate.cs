using System.Diagnostics;

namespace RnnTorch.Training;

/// <summary>
/// Elapsed time and time left of a run, from the batches done since the first reported step (so that a resumed run,
/// which starts mid-way, is not credited with batches it did not time).
/// </summary>
internal sealed class ProgressEstimate
{
    private readonly Stopwatch clock = new();
    private long totalBatches;
    private int batchesPerEpoch;
    private long firstDone = -1;
    private TimeSpan firstTime;

    /// <summary>Starts the clock for a run of <paramref name="epochs"/> × <paramref name="batchesPerEpoch"/> batches.</summary>
    public void Start(int epochs, int batchesPerEpoch)
    {
        this.batchesPerEpoch = Math.Max(0, batchesPerEpoch);
        totalBatches = (long)Math.Max(0, epochs) * this.batchesPerEpoch;
        firstDone = -1;
        clock.Restart();
    }

    /// <summary>Time since <see cref="Start"/> (zero before it).</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>The fraction of all batches done after batch <paramref name="batch"/> of epoch <paramref name="epoch"/> (NaN: unknown).</summary>
    public double Fraction(int epoch, int batch) =>
        totalBatches > 0 ? Math.Clamp((double)Done(epoch, batch) / totalBatches, 0, 1) : double.NaN;

    /// <summary>Records a step and estimates the time left (null until two steps are known or when the total is unknown).</summary>
    public TimeSpan? Observe(int epoch, int batch)
    {
        if (!clock.IsRunning || totalBatches <= 0) return null;
        long done = Done(epoch, batch);
        var now = clock.Elapsed;
        if (firstDone < 0)
        {
            firstDone = done;
            firstTime = now;
            return null;
        }
        long progressed = done - firstDone;
        if (progressed <= 0) return null;
        double secondsPerBatch = (now - firstTime).TotalSeconds / progressed;
        double left = Math.Max(0, totalBatches - done) * secondsPerBatch;
        return double.IsFinite(left) && left < TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(left) : null;
    }

    private long Done(int epoch, int batch) => (long)epoch * batchesPerEpoch + batch + 1;
}
