using System.Net;
using System.Text;

namespace RnnTorch.Cli;

/// <summary>
/// PLACEHOLDER until the lead's report lands: writes <c>report.html</c> of <c>rnn-torch compare</c> as a plain page
/// with the title, the notes and the table (no charts).
/// </summary>
internal static class CompareReport
{
    /// <summary>The report's file name.</summary>
    public const string FileName = "report.html";

    /// <summary>Writes <c>report.html</c> into <paramref name="runDir"/> and returns its path.</summary>
    public static string Write(string runDir, CompareReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var html = new StringBuilder();
        html.Append("<!doctype html><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(data.Title)).Append("</title>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(data.Title)).Append("</h1><p>").Append(WebUtility.HtmlEncode(data.Notes)).Append("</p><table><tr><th>metric</th>");
        foreach (var m in data.Models) html.Append("<th>").Append(WebUtility.HtmlEncode(m)).Append("</th>");
        html.Append("</tr>");
        foreach (var row in data.Rows)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(row.Metric)).Append("</td>");
            foreach (var v in row.Values) html.Append("<td>").Append(WebUtility.HtmlEncode(v)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</table>\n");
        string path = Path.Combine(runDir, FileName);
        File.WriteAllText(path, html.ToString());
        return path;
    }
}
