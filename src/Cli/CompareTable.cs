using System.Text;

namespace RnnTorch.Cli;

/// <summary>The <c>compare</c> table as aligned plain text (for the console) and as Markdown (for <c>summary.md</c>).</summary>
internal static class CompareTable
{
    /// <summary>The column headers.</summary>
    public const string Metric = "metric", HandRolled = "ElmanRnn (hand-rolled)", BuiltIn = "nn.RNN (built-in)";

    /// <summary>The rows as an aligned text table: labels left-aligned, figures right-aligned.</summary>
    public static string Text(IReadOnlyList<CompareRow> rows)
    {
        int w0 = Math.Max(Metric.Length, rows.Max(r => r.Label.Length));
        int w1 = Math.Max(HandRolled.Length, rows.Max(r => r.HandRolled.Length));
        int w2 = Math.Max(BuiltIn.Length, rows.Max(r => r.BuiltIn.Length));
        var text = new StringBuilder();
        text.AppendLine($"{Metric.PadRight(w0)}  {HandRolled.PadLeft(w1)}  {BuiltIn.PadLeft(w2)}");
        text.AppendLine($"{new string('-', w0)}  {new string('-', w1)}  {new string('-', w2)}");
        foreach (var r in rows) text.AppendLine($"{r.Label.PadRight(w0)}  {r.HandRolled.PadLeft(w1)}  {r.BuiltIn.PadLeft(w2)}");
        return text.ToString();
    }

    /// <summary>A Markdown document: a title, a paragraph of notes and the rows as a table.</summary>
    public static string Markdown(string title, string notes, IReadOnlyList<CompareRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {title}").AppendLine().AppendLine(notes).AppendLine();
        text.AppendLine($"| {Metric} | {HandRolled} | {BuiltIn} |");
        text.AppendLine("|---|---:|---:|");
        foreach (var r in rows) text.AppendLine($"| {Escape(r.Label)} | {Escape(r.HandRolled)} | {Escape(r.BuiltIn)} |");
        return text.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
