using System.Text;

namespace RnnTorch.Cli;

/// <summary>The <c>compare</c> table, one column per model, as aligned plain text (console) and as Markdown (<c>summary.md</c>).</summary>
internal static class CompareTable
{
    /// <summary>The first column's header.</summary>
    public const string Metric = "metric";

    /// <summary>The rows as an aligned text table: labels left-aligned, figures right-aligned.</summary>
    public static string Text(IReadOnlyList<string> models, IReadOnlyList<CompareRow> rows)
    {
        int w0 = Math.Max(Metric.Length, rows.Max(r => r.Label.Length));
        var widths = models.Select((m, i) => Math.Max(m.Length, rows.Max(r => r.Values[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Join("  ", [Metric.PadRight(w0), .. models.Select((m, i) => m.PadLeft(widths[i]))]));
        text.AppendLine(string.Join("  ", [new string('-', w0), .. widths.Select(w => new string('-', w))]));
        foreach (var r in rows) text.AppendLine(string.Join("  ", [r.Label.PadRight(w0), .. r.Values.Select((v, i) => v.PadLeft(widths[i]))]));
        return text.ToString();
    }

    /// <summary>A Markdown document: a title, a paragraph of notes and the rows as a table.</summary>
    public static string Markdown(string title, string notes, IReadOnlyList<string> models, IReadOnlyList<CompareRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {title}").AppendLine().AppendLine(notes).AppendLine();
        text.AppendLine($"| {Metric} | {string.Join(" | ", models.Select(Escape))} |");
        text.AppendLine($"|---|{string.Concat(models.Select(_ => "---:|"))}");
        foreach (var r in rows) text.AppendLine($"| {Escape(r.Label)} | {string.Join(" | ", r.Values.Select(Escape))} |");
        return text.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
