using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace RnnTorch.Plots;

public sealed partial class HtmlReport
{
    private const string Css =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1000px;padding:0 1em;color:#222;background:#fff}" +
        "h1{font-size:1.6em;border-bottom:2px solid #0072B2;padding-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em}" +
        "table{border-collapse:collapse;margin:1em 0;font-size:.92em}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}" +
        "th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}tbody tr:nth-child(even){background:#fafafa}" +
        "figure{margin:1em 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.9em;color:#555;margin-top:.3em}" +
        "pre{background:#f6f6f6;border:1px solid #ddd;padding:.8em;overflow-x:auto;font-size:.85em}";

    /// <summary>Adds an inline SVG chart (e.g. from <see cref="LineChart.ToSvg"/>) with an optional caption.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="svg"/> is null.</exception>
    /// <exception cref="ArgumentException">The markup is not a well-formed <c>&lt;svg&gt;</c> element, or holds scripts, event handlers or external links.</exception>
    public HtmlReport Svg(string svg, string? caption = null)
    {
        Guard.NotNull(svg, nameof(svg));
        CheckSvg(svg);
        _body.Append("<figure>").Append(svg.Trim());
        if (caption is not null) _body.Append("<figcaption>").Append(Xml.Escape(caption)).Append("</figcaption>");
        _body.Append("</figure>\n");
        return this;
    }

    /// <summary>The whole page: an HTML5 doctype, then XHTML-compatible markup.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
          .Append("<title>").Append(Xml.Escape(Title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n")
          .Append("<h1>").Append(Xml.Escape(Title)).Append("</h1>\n")
          .Append(_body)
          .Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Writes the page as UTF-8 (no BOM) atomically: a temporary file in the same folder, then a rename over <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public void Save(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"path '{path}' is null or empty.", nameof(path));
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(temp, ToHtml(), new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static void CheckSvg(string svg)
    {
        XElement root;
        try
        {
            root = XElement.Parse(svg);
        }
        catch (XmlException e)
        {
            throw new ArgumentException($"svg is not well-formed XML: {e.Message}", nameof(svg), e);
        }
        if (root.Name.LocalName != "svg") throw new ArgumentException($"svg's root element is <{root.Name.LocalName}>, not <svg>.", nameof(svg));
        foreach (var element in root.DescendantsAndSelf())
        {
            string name = element.Name.LocalName;
            if (name is "script" or "foreignObject")
            {
                throw new ArgumentException($"svg holds a <{name}> element; the report allows no scripts.", nameof(svg));
            }
            foreach (var attribute in element.Attributes())
            {
                string a = attribute.Name.LocalName;
                if (a.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"svg has an event handler attribute '{a}'; the report allows no scripts.", nameof(svg));
                }
                if ((a is "href" or "src") && !attribute.Value.StartsWith('#'))
                {
                    throw new ArgumentException($"svg links to '{attribute.Value}'; the report allows no external URLs.", nameof(svg));
                }
            }
        }
    }
}
