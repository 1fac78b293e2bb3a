using System.Globalization;

namespace RnnTorch.Plots;

/// <summary>Compact number labels: at most four significant digits, InvariantCulture, exponent form outside [1e-3, 1e5).</summary>
public static class NumberFormat
{
    /// <summary>Formats <paramref name="value"/> for an axis or a cell: "0", "0.25", "1234", "1.5e6", "NaN", "∞", "-∞".</summary>
    public static string Compact(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "∞";
        if (double.IsNegativeInfinity(value)) return "-∞";
        if (value == 0) return "0";
        double a = Math.Abs(value);
        if (a >= 1e-3 && a < 1e5)
        {
            int digits = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(a)));
            double rounded = Math.Round(value, Math.Min(digits, 15), MidpointRounding.AwayFromZero);
            if (rounded == 0) return "0";
            return rounded.ToString("0.######", CultureInfo.InvariantCulture);
        }
        int exponent = (int)Math.Floor(Math.Log10(a));
        double mantissa = value / Math.Pow(10, exponent);
        mantissa = Math.Round(mantissa, 3, MidpointRounding.AwayFromZero);
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }
        return mantissa.ToString("0.###", CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }
}
