namespace RnnTorch.Plots;

/// <summary>
/// A numeric axis: a domain [Min, Max] that the ticks cover, the tick values, and the mapping onto pixels.
/// A log axis holds log10 of the data in its domain and ticks.
/// </summary>
internal sealed class Axis
{
    private Axis(double min, double max, IReadOnlyList<double> ticks, bool log)
    {
        Min = min;
        Max = max;
        Ticks = ticks;
        Log = log;
    }

    /// <summary>Lower end of the domain (log10 units for a log axis).</summary>
    public double Min { get; }

    /// <summary>Upper end of the domain (log10 units for a log axis).</summary>
    public double Max { get; }

    /// <summary>Tick positions in domain units.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>Whether the axis is log10.</summary>
    public bool Log { get; }

    /// <summary>A linear axis with 1-2-5 ticks covering [min, max]; a constant or empty range is widened; integerOnly keeps steps at 1 or more.</summary>
    public static Axis Linear(double min, double max, int targetTicks = 5, bool includeZero = false, bool integerOnly = false)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) (min, max) = (0, 1);
        if (includeZero)
        {
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
        }
        if (max < min) (min, max) = (max, min);
        if (max == min)
        {
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
            if (includeZero && min < 0 && max - pad >= 0) min = 0;
            if (includeZero && max > 0 && min + pad <= 0) max = 0;
        }
        double step = NiceTicks.Step(max - min, targetTicks);
        if (integerOnly) step = Math.Max(1, step);
        var ticks = NiceTicks.Cover(min, max, step);
        return new Axis(ticks[0], ticks[^1], ticks, false);
    }

    /// <summary>A log10 axis over positive data [min, max]: ticks at decades (and 2, 5 within a short span).</summary>
    public static Axis Log10(double min, double max)
    {
        if (!(min > 0) || !(max > 0) || !double.IsFinite(min) || !double.IsFinite(max)) (min, max) = (1, 10);
        double lo = Math.Floor(Math.Log10(min));
        double hi = Math.Ceiling(Math.Log10(max));
        if (hi <= lo) hi = lo + 1;
        var ticks = new List<double>();
        if (hi - lo <= 2)
        {
            for (double d = lo; d < hi; d++)
            {
                foreach (double m in new[] { 1.0, 2.0, 5.0 }) ticks.Add(d + Math.Log10(m));
            }
            ticks.Add(hi);
        }
        else
        {
            double step = Math.Max(1, NiceTicks.Step(hi - lo, 6));
            step = Math.Ceiling(step);
            lo = Math.Floor(lo / step) * step;
            hi = Math.Ceiling(hi / step) * step;
            for (double d = lo; d <= hi + 1e-9; d += step) ticks.Add(d);
        }
        return new Axis(lo, hi, ticks, true);
    }

    /// <summary>Domain units of a data value (log10 for a log axis).</summary>
    public double ToDomain(double value) => Log ? Math.Log10(value) : value;

    /// <summary>The data value a tick stands for (10^tick on a log axis).</summary>
    public double TickValue(double tick) => Log ? Math.Pow(10, tick) : tick;

    /// <summary>Maps a domain value onto [pixelAtMin, pixelAtMax] linearly.</summary>
    public double Map(double domainValue, double pixelAtMin, double pixelAtMax) =>
        pixelAtMin + (domainValue - Min) / (Max - Min) * (pixelAtMax - pixelAtMin);

    /// <summary>The label of a tick.</summary>
    public string Label(double tick) => NumberFormat.Compact(TickValue(tick));
}
