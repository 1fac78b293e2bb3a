using System.Globalization;
using System.Text;

namespace RnnTorch.Training;

/// <summary>
/// Counts of (target, predicted) class pairs: row <c>t</c>, column <c>p</c> holds how many counted items of true class
/// <c>t</c> were predicted as class <c>p</c> (scikit-learn's layout: rows are targets, columns are predictions).
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[] counts;

    /// <summary>Creates an all-zero matrix for <paramref name="classes"/> classes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    public ConfusionMatrix(int classes)
    {
        if (classes <= 0) throw new ArgumentOutOfRangeException(nameof(classes), classes, $"{nameof(classes)} must be positive, but was {classes}.");
        Classes = classes;
        counts = new long[checked((long)classes * classes)];
    }

    private ConfusionMatrix(int classes, long[] counts)
    {
        Classes = classes;
        this.counts = counts;
    }

    /// <summary>The number of classes (rows and columns).</summary>
    public int Classes { get; }

    /// <summary>How many items of true class <paramref name="target"/> were predicted as <paramref name="predicted"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A class id is outside <c>[0, Classes)</c>.</exception>
    public long this[int target, int predicted]
    {
        get
        {
            CheckClass(target, nameof(target));
            CheckClass(predicted, nameof(predicted));
            return counts[(long)target * Classes + predicted];
        }
    }

    /// <summary>The number of counted items (the sum of all cells).</summary>
    public long Total
    {
        get
        {
            long total = 0;
            foreach (long c in counts) total += c;
            return total;
        }
    }

    /// <summary>Items of class <paramref name="k"/> predicted as <paramref name="k"/> (the diagonal cell).</summary>
    public long TruePositives(int k) => this[k, k];

    /// <summary>Items of another class predicted as <paramref name="k"/> (column sum minus the diagonal).</summary>
    public long FalsePositives(int k)
    {
        CheckClass(k, nameof(k));
        long sum = 0;
        for (int t = 0; t < Classes; t++) sum += counts[(long)t * Classes + k];
        return sum - counts[(long)k * Classes + k];
    }

    /// <summary>Items of class <paramref name="k"/> predicted as another class (row sum minus the diagonal).</summary>
    public long FalseNegatives(int k)
    {
        CheckClass(k, nameof(k));
        long sum = 0;
        for (int p = 0; p < Classes; p++) sum += counts[(long)k * Classes + p];
        return sum - counts[(long)k * Classes + k];
    }

    /// <summary>A copy of the counts as a <c>[target, predicted]</c> array.</summary>
    public long[,] ToArray()
    {
        var result = new long[Classes, Classes];
        for (int t = 0; t < Classes; t++)
        {
            for (int p = 0; p < Classes; p++) result[t, p] = counts[(long)t * Classes + p];
        }
        return result;
    }

    /// <summary>
    /// A markdown table: one row per target class, one column per predicted class; the header cell reads
    /// "target \ predicted". <paramref name="labels"/> (one per class) replace the class ids when given.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="labels"/> does not hold exactly <see cref="Classes"/> entries.</exception>
    public string ToMarkdown(IReadOnlyList<string>? labels = null)
    {
        var names = Names(labels);
        var sb = new StringBuilder();
        sb.Append("| target \\ predicted |");
        foreach (var n in names) sb.Append(' ').Append(EscapeMarkdown(n)).Append(" |");
        sb.Append('\n').Append("|---|");
        for (int p = 0; p < Classes; p++) sb.Append("---:|");
        sb.Append('\n');
        for (int t = 0; t < Classes; t++)
        {
            sb.Append("| ").Append(EscapeMarkdown(names[t])).Append(" |");
            for (int p = 0; p < Classes; p++)
                sb.Append(' ').Append(counts[(long)t * Classes + p].ToString(CultureInfo.InvariantCulture)).Append(" |");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A plain-text grid (rows: targets, columns: predictions), right-aligned, invariant culture.</summary>
    public override string ToString()
    {
        var names = Names(null);
        const string corner = "t\\p";
        int first = corner.Length, width = 1;
        foreach (var n in names)
        {
            first = Math.Max(first, n.Length);
            width = Math.Max(width, n.Length);
        }
        foreach (long c in counts) width = Math.Max(width, c.ToString(CultureInfo.InvariantCulture).Length);
        var sb = new StringBuilder();
        sb.Append(corner.PadLeft(first));
        foreach (var n in names) sb.Append(' ').Append(n.PadLeft(width));
        for (int t = 0; t < Classes; t++)
        {
            sb.Append('\n').Append(names[t].PadLeft(first));
            for (int p = 0; p < Classes; p++)
                sb.Append(' ').Append(counts[(long)t * Classes + p].ToString(CultureInfo.InvariantCulture).PadLeft(width));
        }
        return sb.ToString();
    }

    /// <summary>Adds one item of true class <paramref name="target"/> predicted as <paramref name="predicted"/> (ids checked by the caller).</summary>
    internal void Add(long target, long predicted) => counts[target * Classes + predicted]++;

    /// <summary>An independent copy.</summary>
    internal ConfusionMatrix Clone() => new(Classes, (long[])counts.Clone());

    /// <summary>Resets every cell to zero.</summary>
    internal void Clear() => Array.Clear(counts);

    internal static string EscapeMarkdown(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private string[] Names(IReadOnlyList<string>? labels)
    {
        if (labels is not null && labels.Count != Classes)
            throw new ArgumentException($"{nameof(labels)} must hold one label per class ({Classes}), but holds {labels.Count}.", nameof(labels));
        var names = new string[Classes];
        for (int k = 0; k < Classes; k++) names[k] = labels?[k] ?? k.ToString(CultureInfo.InvariantCulture);
        return names;
    }

    private void CheckClass(int k, string name)
    {
        if ((uint)k >= (uint)Classes)
            throw new ArgumentOutOfRangeException(name, k, $"{name} must be a class id in [0, {Classes}), but was {k}.");
    }
}
