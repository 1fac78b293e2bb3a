using System.Globalization;

namespace RnnTorch.Plots.Tests;

public sealed class NumberFormatTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(1234.5678, "1235")]
    [InlineData(-0.012345, "-0.01235")]
    [InlineData(12345.0, "1.235e4")]
    [InlineData(9999.9, "1e4")]
    [InlineData(-20000.0, "-2e4")]
    [InlineData(2.5e6, "2.5e6")]
    [InlineData(1.23456e-7, "1.235e-7")]
    [InlineData(9.9999e9, "1e10")]
    [InlineData(double.NaN, "NaN")]
    public void Compact_keeps_at_most_four_significant_digits(double value, string expected)
    {
        Assert.Equal(expected, NumberFormat.Compact(value));
    }

    [Fact]
    public void Compact_round_trips_within_four_digits_for_random_values()
    {
        var rng = new Random(7);
        for (int k = 0; k < 1000; k++)
        {
            double v = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-9, 12));
            string s = NumberFormat.Compact(v);
            double back = double.Parse(s, CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(back - v) <= Math.Abs(v) * 5e-4 + 1e-300, $"{v} -> {s}");
            string significant = s.TrimStart('-').Split('e')[0].Replace(".", "").TrimStart('0').TrimEnd('0');
            Assert.True(significant.Length <= 4, $"{v} -> {s} has more than 4 significant digits");
        }
    }
}
