namespace RnnTorch.Plots;

/// <summary>
/// A grouped bar chart: categories along x, one bar per series within each category (e.g. ms/step per model).
/// <see cref="Add(string, double)"/> adds to a single unnamed series; <see cref="Add(string, string, double)"/> names it.
/// </summary>
public sealed partial class BarChart
{
    private readonly List<(string Category, string Series, double Value)> _bars = [];

    /// <summary>Creates an empty bar chart titled <paramref name="title"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is null.</exception>
    public BarChart(string title)
    {
        Title = Guard.NotNull(title, nameof(title));
    }

    /// <summary>The chart title (also the SVG's <c>&lt;title&gt;</c>).</summary>
    public string Title { get; }

    /// <summary>The y axis label.</summary>
    public string YLabel { get; init => field = Guard.NotNull(value, nameof(YLabel)); } = "";

    /// <summary>The x axis label.</summary>
    public string XLabel { get; init => field = Guard.NotNull(value, nameof(XLabel)); } = "";

    /// <summary>Width in pixels (64 to 20000).</summary>
    public int Width { get; init => field = Guard.Size(value, nameof(Width)); } = 640;

    /// <summary>Height in pixels (64 to 20000).</summary>
    public int Height { get; init => field = Guard.Size(value, nameof(Height)); } = 360;

    /// <summary>Adds a bar for <paramref name="category"/> in the default (unnamed) series.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> is null.</exception>
    public BarChart Add(string category, double value) => Add(category, "", value);

    /// <summary>Adds a bar for <paramref name="category"/> in series <paramref name="series"/>; a repeated pair replaces the earlier value.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public BarChart Add(string category, string series, double value)
    {
        Guard.NotNull(category, nameof(category));
        Guard.NotNull(series, nameof(series));
        int existing = _bars.FindIndex(b => b.Category == category && b.Series == series);
        if (existing >= 0)
        {
            _bars[existing] = (category, series, value);
        }
        else
        {
            _bars.Add((category, series, value));
        }
        return this;
    }
}
