using System.Text;

namespace RnnTorch.Plots;

/// <summary>Writes SVG markup; every text and attribute value goes through <see cref="Xml.Escape"/>.</summary>
internal sealed class SvgBuilder
{
    private readonly StringBuilder _sb = new();

    /// <summary>Opens the root element (with <c>role="img"</c>), its <c>&lt;title&gt;</c> and the shared style.</summary>
    public SvgBuilder(int width, int height, string title, string cssClass)
    {
        _sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(width)
           .Append("\" height=\"").Append(height)
           .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
           .Append("\" role=\"img\" class=\"").Append(Xml.Escape(cssClass))
           .Append("\" font-family=\"sans-serif\" font-size=\"11\">");
        _sb.Append("<title>").Append(Xml.Escape(title)).Append("</title>");
        _sb.Append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").Append(width)
           .Append("\" height=\"").Append(height).Append("\" fill=\"#ffffff\"/>");
    }

    /// <summary>Appends raw, already escaped markup.</summary>
    public SvgBuilder Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    /// <summary>Opens a group with a class and optional extra attributes (name, value pairs; values are escaped).</summary>
    public SvgBuilder OpenGroup(string cssClass, params (string Name, string Value)[] attributes)
    {
        _sb.Append("<g class=\"").Append(Xml.Escape(cssClass)).Append('"');
        AppendAttributes(attributes);
        _sb.Append('>');
        return this;
    }

    /// <summary>Closes the innermost group.</summary>
    public SvgBuilder CloseGroup()
    {
        _sb.Append("</g>");
        return this;
    }

    /// <summary>A text element; <paramref name="anchor"/> is start, middle or end; <paramref name="rotate"/> in degrees about (x, y).</summary>
    public SvgBuilder Text(double x, double y, string text, string anchor = "start", string? cssClass = null,
        double fontSize = 11, double rotate = 0, string fill = "#222222", string weight = "normal")
    {
        _sb.Append("<text x=\"").Append(Xml.Px(x)).Append("\" y=\"").Append(Xml.Px(y))
           .Append("\" text-anchor=\"").Append(anchor).Append("\" fill=\"").Append(fill).Append('"');
        if (fontSize != 11) _sb.Append(" font-size=\"").Append(Xml.Px(fontSize)).Append('"');
        if (weight != "normal") _sb.Append(" font-weight=\"").Append(weight).Append('"');
        if (cssClass is not null) _sb.Append(" class=\"").Append(Xml.Escape(cssClass)).Append('"');
        if (rotate != 0)
        {
            _sb.Append(" transform=\"rotate(").Append(Xml.Px(rotate)).Append(' ').Append(Xml.Px(x)).Append(' ')
               .Append(Xml.Px(y)).Append(")\"");
        }
        _sb.Append('>').Append(Xml.Escape(text)).Append("</text>");
        return this;
    }

    /// <summary>A straight line.</summary>
    public SvgBuilder Line(double x1, double y1, double x2, double y2, string stroke, double width = 1,
        string? cssClass = null, string dash = "", params (string Name, string Value)[] attributes)
    {
        _sb.Append("<line x1=\"").Append(Xml.Px(x1)).Append("\" y1=\"").Append(Xml.Px(y1))
           .Append("\" x2=\"").Append(Xml.Px(x2)).Append("\" y2=\"").Append(Xml.Px(y2))
           .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Xml.Px(width)).Append('"');
        if (dash.Length > 0) _sb.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        if (cssClass is not null) _sb.Append(" class=\"").Append(Xml.Escape(cssClass)).Append('"');
        AppendAttributes(attributes);
        _sb.Append("/>");
        return this;
    }

    /// <summary>A rectangle, optionally with a tooltip <c>&lt;title&gt;</c> and extra attributes.</summary>
    public SvgBuilder Rect(double x, double y, double width, double height, string fill, string? cssClass = null,
        string? tooltip = null, string? stroke = null, params (string Name, string Value)[] attributes)
    {
        _sb.Append("<rect x=\"").Append(Xml.Px(x)).Append("\" y=\"").Append(Xml.Px(y))
           .Append("\" width=\"").Append(Xml.Px(Math.Max(0, width))).Append("\" height=\"")
           .Append(Xml.Px(Math.Max(0, height))).Append("\" fill=\"").Append(fill).Append('"');
        if (stroke is not null) _sb.Append(" stroke=\"").Append(stroke).Append('"');
        if (cssClass is not null) _sb.Append(" class=\"").Append(Xml.Escape(cssClass)).Append('"');
        AppendAttributes(attributes);
        if (tooltip is null)
        {
            _sb.Append("/>");
        }
        else
        {
            _sb.Append("><title>").Append(Xml.Escape(tooltip)).Append("</title></rect>");
        }
        return this;
    }

    /// <summary>Closes the root element and returns the document.</summary>
    public string Finish() => _sb.Append("</svg>").ToString();

    private void AppendAttributes((string Name, string Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            _sb.Append(' ').Append(name).Append("=\"").Append(Xml.Escape(value)).Append('"');
        }
    }
}
