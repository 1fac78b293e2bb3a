using System.Diagnostics;

namespace RnnTorch.Cli;

/// <summary>Median wall-clock milliseconds of an action, after two warm-up calls.</summary>
internal static class Timing
{
    public static double MedianMs(Action action, int repeats)
    {
        var times = new List<double>();
        for (int i = 0; i < repeats + 2; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            clock.Stop();
            if (i >= 2) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        int n = times.Count;
        return n % 2 == 1 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
    }
}
