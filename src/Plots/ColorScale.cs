using System.Globalization;

namespace RnnTorch.Plots;

/// <summary>The continuous colour scales of <see cref="HeatMap"/> and <see cref="ConfusionMatrixChart"/>, interpolated in sRGB.</summary>
public static class ColorScale
{
    /// <summary>Sequential scale stops, low to high (viridis): readable with colour-vision deficiencies and in greyscale.</summary>
    public static IReadOnlyList<string> Sequential { get; } = ["#440154", "#3B528B", "#21918C", "#5EC962", "#FDE725"];

    /// <summary>Diverging scale stops: blue (most negative), white (zero), red (most positive).</summary>
    public static IReadOnlyList<string> Diverging { get; } = ["#2166AC", "#FFFFFF", "#B2182B"];

    /// <summary>Single-hue scale stops (white to blue), used for shares such as a confusion matrix row.</summary>
    public static IReadOnlyList<string> Share { get; } = ["#FFFFFF", "#0072B2"];

    /// <summary>The colour of cells that hold NaN.</summary>
    public const string Missing = "#BBBBBB";

    /// <summary>The colour at <paramref name="t"/> in [0, 1] (clamped) along <paramref name="stops"/>.</summary>
    /// <exception cref="ArgumentException">There are no stops.</exception>
    public static string At(IReadOnlyList<string> stops, double t)
    {
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Count == 0) throw new ArgumentException("stops is empty.", nameof(stops));
        if (double.IsNaN(t)) return Missing;
        t = Math.Clamp(t, 0, 1);
        if (stops.Count == 1) return stops[0];
        double pos = t * (stops.Count - 1);
        int i = Math.Min((int)Math.Floor(pos), stops.Count - 2);
        double f = pos - i;
        var (r0, g0, b0) = Parse(stops[i]);
        var (r1, g1, b1) = Parse(stops[i + 1]);
        return Hex(r0 + (r1 - r0) * f, g0 + (g1 - g0) * f, b0 + (b1 - b0) * f);
    }

    /// <summary>Parses "#RRGGBB" into its channels.</summary>
    /// <exception cref="FormatException">The text is not "#RRGGBB".</exception>
    public static (int R, int G, int B) Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#' ||
            !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int v))
        {
            throw new FormatException($"'{hex}' is not a #RRGGBB colour.");
        }
        return ((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    }

    /// <summary>"#RRGGBB" of channels in [0, 255] (rounded, clamped).</summary>
    public static string Hex(double r, double g, double b) =>
        string.Create(CultureInfo.InvariantCulture, $"#{Channel(r):X2}{Channel(g):X2}{Channel(b):X2}");

    /// <summary>Black or white, whichever reads better on <paramref name="background"/>.</summary>
    public static string TextOn(string background)
    {
        var (r, g, b) = Parse(background);
        double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return luminance < 140 ? "#FFFFFF" : "#222222";
    }

    private static int Channel(double c) => (int)Math.Clamp(Math.Round(c, MidpointRounding.AwayFromZero), 0, 255);
}
