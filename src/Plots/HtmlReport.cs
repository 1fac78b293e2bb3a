using System.Globalization;
using System.Text;

namespace RnnTorch.Plots;

/// <summary>
/// A self-contained HTML5 page (inline CSS, no scripts, no external URLs) built from headings, paragraphs, tables,
/// inline SVG charts and preformatted text. The markup is XHTML-compatible: it parses as XML after the doctype.
/// </summary>
public sealed partial class HtmlReport
{
    private readonly StringBuilder _body = new();

    /// <summary>Creates an empty report; <paramref name="title"/> is the page title and its first heading.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is null.</exception>
    public HtmlReport(string title)
    {
        Title = Guard.NotNull(title, nameof(title));
    }

    /// <summary>The page title.</summary>
    public string Title { get; }

    /// <summary>Adds a section heading (h2).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public HtmlReport Heading(string text)
    {
        _body.Append("<h2>").Append(Xml.Escape(Guard.NotNull(text, nameof(text)))).Append("</h2>\n");
        return this;
    }

    /// <summary>Adds a paragraph of plain text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public HtmlReport Paragraph(string text)
    {
        _body.Append("<p>").Append(Xml.Escape(Guard.NotNull(text, nameof(text)))).Append("</p>\n");
        return this;
    }

    /// <summary>Adds preformatted text (logs, summaries) in a monospace block.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public HtmlReport Pre(string text)
    {
        _body.Append("<pre>").Append(Xml.Escape(Guard.NotNull(text, nameof(text)))).Append("</pre>\n");
        return this;
    }

    /// <summary>Adds a table; cells that read as numbers (InvariantCulture, optionally with a trailing % or unit-free sign) are right-aligned.</summary>
    /// <exception cref="ArgumentNullException">An argument, a row or a cell is null.</exception>
    /// <exception cref="ArgumentException">A row's length differs from the header's.</exception>
    public HtmlReport Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Guard.NotNull(header, nameof(header));
        Guard.NotNull(rows, nameof(rows));
        var sb = new StringBuilder("<table>\n<thead><tr>");
        for (int j = 0; j < header.Count; j++)
        {
            string cell = header[j] ?? throw new ArgumentNullException(nameof(header), $"header[{j}] is null.");
            sb.Append("<th>").Append(Xml.Escape(cell)).Append("</th>");
        }
        sb.Append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentNullException(nameof(rows), $"rows[{i}] is null.");
            if (row.Count != header.Count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"rows[{i}] has {row.Count} cells but the header has {header.Count}."), nameof(rows));
            }
            sb.Append("<tr>");
            for (int j = 0; j < row.Count; j++)
            {
                string cell = row[j] ?? throw new ArgumentNullException(nameof(rows), $"rows[{i}][{j}] is null.");
                sb.Append(IsNumber(cell) ? "<td class=\"num\">" : "<td>").Append(Xml.Escape(cell)).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        _body.Append(sb);
        return this;
    }

    /// <summary>Whether a table cell reads as a number: "12", "-3.5", "1e-4", "85.2%", "NaN", "∞".</summary>
    internal static bool IsNumber(string cell)
    {
        string s = cell.Trim();
        if (s.EndsWith('%')) s = s[..^1].TrimEnd();
        if (s.Length == 0) return false;
        if (s is "NaN" or "∞" or "-∞" or "+∞") return true;
        return double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
    }
}
