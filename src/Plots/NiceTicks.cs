namespace RnnTorch.Plots;

/// <summary>"Nice" tick steps: 1, 2 or 5 times a power of ten.</summary>
internal static class NiceTicks
{
    private const int MaxTicks = 1000;

    /// <summary>The 1-2-5 step that splits <paramref name="range"/> into about <paramref name="target"/> intervals.</summary>
    public static double Step(double range, int target)
    {
        if (!(range > 0) || !double.IsFinite(range)) return 1;
        double raw = range / Math.Max(1, target);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double normalised = raw / magnitude;
        double nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>
    /// Multiples of <paramref name="step"/> from at or below <paramref name="min"/> to at or above <paramref name="max"/>;
    /// where doubles cannot resolve the step at that magnitude (or overflow), just [min, max].
    /// </summary>
    public static double[] Cover(double min, double max, double step)
    {
        double first = Math.Floor(min / step + 1e-9);
        double last = Math.Ceiling(max / step - 1e-9);
        if (last <= first) last = first + 1;
        double count = last - first + 1;
        if (!double.IsFinite(count) || count > MaxTicks) return Fallback(min, max);
        // Snap values like 0.30000000000000004 to the decimal they stand for.
        int decimals = step >= 1 ? 0 : Math.Min(15, (int)Math.Ceiling(-Math.Log10(step)) + 1);
        var ticks = new double[(int)count];
        for (int k = 0; k < ticks.Length; k++)
        {
            double t = (first + k) * step;
            ticks[k] = Math.Abs(t) < step * 1e-9 ? 0 : decimals > 0 ? Math.Round(t, decimals) : t;
            if (!double.IsFinite(ticks[k]) || (k > 0 && ticks[k] <= ticks[k - 1])) return Fallback(min, max);
        }
        return ticks;
    }

    private static double[] Fallback(double min, double max) =>
        max > min ? [min, max] : [min - 1, min + 1];
}
