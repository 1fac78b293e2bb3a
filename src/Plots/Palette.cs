namespace RnnTorch.Plots;

/// <summary>The fixed colour-blind friendly palette (Okabe and Ito) the charts draw series with.</summary>
public static class Palette
{
    /// <summary>Series colours in order: blue, vermillion, bluish green, orange, reddish purple, sky blue, black, yellow.</summary>
    public static IReadOnlyList<string> Colors { get; } =
        ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"];

    /// <summary>Dash patterns used once the colours repeat (series 9 and on), so every series stays distinguishable.</summary>
    public static IReadOnlyList<string> Dashes { get; } = ["", "6 3", "2 3", "8 3 2 3"];

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public static string Color(int index) => Colors[index % Colors.Count];

    /// <summary>The dash pattern of series <paramref name="index"/> ("" for solid).</summary>
    public static string Dash(int index) => Dashes[(index / Colors.Count) % Dashes.Count];
}
