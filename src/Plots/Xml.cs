using System.Globalization;
using System.Text;

namespace RnnTorch.Plots;

/// <summary>XML text escaping and coordinate formatting shared by the charts and the report.</summary>
internal static class Xml
{
    /// <summary>Escapes <c>&lt;&amp;&gt;"'</c> and replaces characters XML 1.0 forbids (controls, lone surrogates) by U+FFFD.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF')
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A pixel coordinate with at most two decimals, InvariantCulture.</summary>
    public static string Px(double value) =>
        Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A data value written into a <c>data-*</c> attribute so it round-trips (R format).</summary>
    public static string Value(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
