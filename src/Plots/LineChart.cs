using System.Globalization;

namespace RnnTorch.Plots;

/// <summary>
/// A line chart of one or more named series with a legend and axes with 1-2-5 ticks, rendered as standalone SVG.
/// NaN and infinite points are skipped (the line has a gap); a chart without any finite point shows "no data".
/// </summary>
public sealed partial class LineChart
{
    private readonly List<LineSeries> _series = [];

    /// <summary>Creates an empty chart titled <paramref name="title"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is null.</exception>
    public LineChart(string title)
    {
        Title = Guard.NotNull(title, nameof(title));
    }

    /// <summary>The chart title (also the SVG's <c>&lt;title&gt;</c>).</summary>
    public string Title { get; }

    /// <summary>The x axis label.</summary>
    public string XLabel { get; init => field = Guard.NotNull(value, nameof(XLabel)); } = "";

    /// <summary>The y axis label.</summary>
    public string YLabel { get; init => field = Guard.NotNull(value, nameof(YLabel)); } = "";

    /// <summary>Width in pixels (64 to 20000).</summary>
    public int Width { get; init => field = Guard.Size(value, nameof(Width)); } = 640;

    /// <summary>Height in pixels (64 to 20000).</summary>
    public int Height { get; init => field = Guard.Size(value, nameof(Height)); } = 360;

    /// <summary>Log10 y axis (loss curves); non-positive values are dropped and a note says how many.</summary>
    public bool LogY { get; init; }

    /// <summary>The series names in the order they were added.</summary>
    public IReadOnlyList<string> SeriesNames => _series.Select(s => s.Name).ToArray();

    /// <summary>Polylines with more points than this are downsampled, keeping each bucket's minimum and maximum.</summary>
    public const int DownsampleThreshold = 2000;

    /// <summary>Adds a series plotted against x = 0, 1, 2, ...; the values are copied.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="y"/> is null.</exception>
    public LineChart Add(string name, IReadOnlyList<double> y)
    {
        Guard.NotNull(name, nameof(name));
        Guard.NotNull(y, nameof(y));
        _series.Add(new LineSeries(name, null, y.ToArray()));
        return this;
    }

    /// <summary>Adds a series of (x, y) points joined in the given order; the values are copied.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> and <paramref name="y"/> differ in length.</exception>
    public LineChart Add(string name, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Guard.NotNull(name, nameof(name));
        Guard.NotNull(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        if (x.Count != y.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"x has {x.Count} values but y has {y.Count} (series '{name}'); they must match."), nameof(y));
        }
        _series.Add(new LineSeries(name, x.ToArray(), y.ToArray()));
        return this;
    }
}
