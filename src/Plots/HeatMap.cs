using System.Globalization;

namespace RnnTorch.Plots;

/// <summary>
/// A heat map of a matrix, e.g. hidden units (rows) over time steps (columns), rendered as standalone SVG.
/// Sequential colours run from the minimum to the maximum; <see cref="Diverging"/> colours are blue–white–red,
/// symmetric around 0. NaN cells are grey.
/// </summary>
public sealed partial class HeatMap
{
    private readonly double[,] _values;

    /// <summary>Creates a heat map of <paramref name="values"/> (copied); rows run top to bottom, columns left to right.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public HeatMap(string title, double[,] values)
    {
        Title = Guard.NotNull(title, nameof(title));
        _values = (double[,])Guard.NotNull(values, nameof(values)).Clone();
    }

    /// <summary>The chart title (also the SVG's <c>&lt;title&gt;</c>).</summary>
    public string Title { get; }

    /// <summary>The x (column) axis label.</summary>
    public string XLabel { get; init => field = Guard.NotNull(value, nameof(XLabel)); } = "";

    /// <summary>The y (row) axis label.</summary>
    public string YLabel { get; init => field = Guard.NotNull(value, nameof(YLabel)); } = "";

    /// <summary>One label per row, or null for row numbers.</summary>
    /// <exception cref="ArgumentException">The count differs from the number of rows.</exception>
    public IReadOnlyList<string>? RowLabels { get; init => field = CheckLabels(value, _values.GetLength(0), nameof(RowLabels)); }

    /// <summary>One label per column, or null for column numbers.</summary>
    /// <exception cref="ArgumentException">The count differs from the number of columns.</exception>
    public IReadOnlyList<string>? ColumnLabels { get; init => field = CheckLabels(value, _values.GetLength(1), nameof(ColumnLabels)); }

    /// <summary>Width in pixels (64 to 20000).</summary>
    public int Width { get; init => field = Guard.Size(value, nameof(Width)); } = 640;

    /// <summary>Height in pixels (64 to 20000).</summary>
    public int Height { get; init => field = Guard.Size(value, nameof(Height)); } = 360;

    /// <summary>Symmetric blue–white–red scale around 0 (tanh states); otherwise a sequential scale from min to max.</summary>
    public bool Diverging { get; init; }

    private static IReadOnlyList<string>? CheckLabels(IReadOnlyList<string>? labels, int expected, string name)
    {
        if (labels is null) return null;
        if (labels.Count != expected)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name} has {labels.Count} labels but the matrix has {expected}."), name);
        }
        var copy = labels.ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] is null."), name);
        }
        return copy;
    }
}
