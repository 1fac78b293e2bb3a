namespace RnnTorch.Plots;

/// <summary>One named series of a <see cref="LineChart"/>; <see cref="X"/> is null for x = 0, 1, 2, ...</summary>
internal sealed record LineSeries(string Name, double[]? X, double[] Y)
{
    /// <summary>The x value of point <paramref name="i"/>.</summary>
    public double XAt(int i) => X is null ? i : X[i];
}
