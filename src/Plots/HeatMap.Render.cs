namespace RnnTorch.Plots;

public sealed partial class HeatMap
{
    /// <summary>Renders the heat map as a standalone, well-formed <c>&lt;svg&gt;</c> element.</summary>
    public string ToSvg()
    {
        var svg = new SvgBuilder(Width, Height, Title, "chart heat-map");
        return svg.Finish();
    }
}
