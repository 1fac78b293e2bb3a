using System.Globalization;
using System.Text;

namespace RnnTorch.Training;

/// <summary>Invariant-culture formatting shared by the progress reporters.</summary>
internal static class ProgressText
{
    /// <summary>A duration as <c>hh:mm:ss</c>, with a day count in front from 24 hours on (<c>2d 03:04:05</c>).</summary>
    public static string Duration(TimeSpan t)
    {
        if (t < TimeSpan.Zero) t = TimeSpan.Zero;
        string clock = t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        return t.TotalDays >= 1 ? ((int)t.TotalDays).ToString(CultureInfo.InvariantCulture) + "d " + clock : clock;
    }

    /// <summary>A value with six significant digits (losses, metrics).</summary>
    public static string Value(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A learning rate with four significant digits.</summary>
    public static string Rate(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A throughput with one decimal.</summary>
    public static string Throughput(double v) => v.ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>An integer.</summary>
    public static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>"n/total" one-based from a zero-based index, or "n" when the total is unknown (0).</summary>
    public static string Of(int zeroBased, int total) => total > 0 ? Int(zeroBased + 1L) + "/" + Int(total) : Int(zeroBased + 1L);

    /// <summary>The metrics as <c>key=value</c> pairs separated by spaces, in enumeration order.</summary>
    public static string Metrics(IReadOnlyDictionary<string, double> metrics)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in metrics)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(key).Append('=').Append(Value(value));
        }
        return sb.ToString();
    }

    /// <summary>The text with control characters (ESC included) other than tab replaced by spaces: one plain line.</summary>
    public static string Plain(string text)
    {
        bool clean = true;
        foreach (char c in text)
        {
            if (char.IsControl(c) && c != '\t') { clean = false; break; }
        }
        if (clean) return text;
        var sb = new StringBuilder(text.Length);
        foreach (char c in text) sb.Append(char.IsControl(c) && c != '\t' ? ' ' : c);
        return sb.ToString();
    }
}
