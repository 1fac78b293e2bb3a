using System.Globalization;
using System.Xml.Linq;

namespace RnnTorch.Plots.Tests;

/// <summary>Test-side reading of chart SVG: parsing, finding elements by class, reading path coordinates and axis ticks.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>Parses the SVG (failing the test when it is not well-formed) and checks the root's basics.</summary>
    public static XElement Parse(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Ns + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.NotNull(root.Element(Ns + "title"));
        return root;
    }

    public static bool HasClass(XElement e, string cls) =>
        ((string?)e.Attribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(cls);

    public static IEnumerable<XElement> ByClass(XElement root, string cls) => root.Descendants().Where(e => HasClass(e, cls));

    public static double D(XElement e, string attribute) =>
        double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    /// <summary>The series element named <paramref name="name"/>.</summary>
    public static XElement Series(XElement root, string name) =>
        Assert.Single(ByClass(root, "series"), e => (string?)e.Attribute("data-name") == name);

    /// <summary>A path's "M x y L x y ..." data as runs of points (each M starts a run).</summary>
    public static List<List<(double X, double Y)>> Runs(XElement path)
    {
        var runs = new List<List<(double X, double Y)>>();
        string d = (string?)path.Attribute("d") ?? "";
        var tokens = d.Replace("M", " M ").Replace("L", " L ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < tokens.Length;)
        {
            string cmd = tokens[i++];
            Assert.True(cmd is "M" or "L", $"unexpected path command '{cmd}'");
            var p = (double.Parse(tokens[i], CultureInfo.InvariantCulture), double.Parse(tokens[i + 1], CultureInfo.InvariantCulture));
            i += 2;
            if (cmd == "M") runs.Add([]);
            runs[^1].Add(p);
        }
        return runs;
    }

    /// <summary>The ticks of an axis ("x-axis" or "y-axis"): value and pixel position, read from the grid lines.</summary>
    public static List<(double Value, double Pixel)> Ticks(XElement root, string axis)
    {
        var group = Assert.Single(ByClass(root, axis));
        return group.Elements(Ns + "g").Where(g => HasClass(g, "tick")).Select(g =>
        {
            var grid = g.Elements(Ns + "line").First(l => HasClass(l, "grid"));
            double pixel = axis == "x-axis" ? D(grid, "x1") : D(grid, "y1");
            return (D(g, "data-value"), pixel);
        }).ToList();
    }

    /// <summary>The texts of all text elements with class <paramref name="cls"/>.</summary>
    public static List<string> Texts(XElement root, string cls) => ByClass(root, cls).Select(e => e.Value).ToList();
}
