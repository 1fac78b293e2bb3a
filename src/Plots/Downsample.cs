namespace RnnTorch.Plots;

/// <summary>Thins long polylines while keeping their visual envelope.</summary>
internal static class Downsample
{
    /// <summary>
    /// Splits <paramref name="points"/> into buckets of <paramref name="bucket"/> points and keeps, per bucket, the points
    /// with the smallest and the largest y in their original order; the first and last points are always kept.
    /// </summary>
    public static (double X, double Y)[] MinMax((double X, double Y)[] points, int bucket)
    {
        if (bucket <= 2 || points.Length <= 2) return points;
        var kept = new List<(double X, double Y)>(points.Length / bucket * 2 + 2) { points[0] };
        for (int start = 0; start < points.Length; start += bucket)
        {
            int end = Math.Min(points.Length, start + bucket);
            int lo = start, hi = start;
            for (int i = start + 1; i < end; i++)
            {
                if (points[i].Y < points[lo].Y) lo = i;
                if (points[i].Y > points[hi].Y) hi = i;
            }
            int first = Math.Min(lo, hi), second = Math.Max(lo, hi);
            if (first != 0) kept.Add(points[first]);
            if (second != first && second != 0) kept.Add(points[second]);
        }
        if (kept[^1] != points[^1]) kept.Add(points[^1]);
        return kept.ToArray();
    }
}
