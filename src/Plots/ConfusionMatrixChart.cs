using System.Globalization;

namespace RnnTorch.Plots;

/// <summary>
/// A confusion matrix: rows are the actual classes, columns the predicted ones; each cell shows its count and is coloured
/// by its share of the row.
/// </summary>
public sealed partial class ConfusionMatrixChart
{
    private readonly long[,] _counts;
    private readonly string[] _labels;

    /// <summary>Creates the chart from a square matrix of counts and one label per class.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The matrix is not square, the label count differs, or a count is negative.</exception>
    public ConfusionMatrixChart(string title, long[,] counts, IReadOnlyList<string> labels)
    {
        Title = Guard.NotNull(title, nameof(title));
        Guard.NotNull(counts, nameof(counts));
        Guard.NotNull(labels, nameof(labels));
        int n = counts.GetLength(0);
        if (counts.GetLength(1) != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"counts must be square, got {n}x{counts.GetLength(1)}."), nameof(counts));
        }
        if (labels.Count != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"labels has {labels.Count} entries but counts has {n} classes."), nameof(labels));
        }
        for (int i = 0; i < n; i++)
        {
            if (labels[i] is null) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"labels[{i}] is null."), nameof(labels));
            for (int j = 0; j < n; j++)
            {
                if (counts[i, j] < 0)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"counts[{i}, {j}] is {counts[i, j]}; counts must not be negative."), nameof(counts));
                }
            }
        }
        _counts = (long[,])counts.Clone();
        _labels = labels.ToArray();
    }

    /// <summary>The chart title (also the SVG's <c>&lt;title&gt;</c>).</summary>
    public string Title { get; }

    /// <summary>Width in pixels (64 to 20000).</summary>
    public int Width { get; init => field = Guard.Size(value, nameof(Width)); } = 480;

    /// <summary>Height in pixels (64 to 20000).</summary>
    public int Height { get; init => field = Guard.Size(value, nameof(Height)); } = 480;
}
