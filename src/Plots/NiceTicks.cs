namespace RnnTorch.Plots;

/// <summary>"Nice" tick steps: 1, 2 or 5 times a power of ten.</summary>
internal static class NiceTicks
{
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

    /// <summary>Multiples of <paramref name="step"/> from at or below <paramref name="min"/> to at or above <paramref name="max"/>.</summary>
    public static double[] Cover(double min, double max, double step)
    {
        double first = Math.Floor(min / step + 1e-9);
        double last = Math.Ceiling(max / step - 1e-9);
        if (last <= first) last = first + 1;
        int count = (int)(last - first) + 1;
        var ticks = new double[count];
        for (int k = 0; k < count; k++)
        {
            double t = (first + k) * step;
            // Snap values like 0.30000000000000004 and -1e-17 to the decimal they stand for.
            ticks[k] = Math.Abs(t) < step * 1e-9 ? 0 : double.Parse(t.ToString("G12", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        }
        return ticks;
    }
}
