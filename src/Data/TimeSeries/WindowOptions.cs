namespace RnnTorch.Data;

/// <summary>
/// How <see cref="WindowDataset"/> cuts a series into sliding windows.
/// </summary>
/// <remarks>
/// Window <c>k</c> starts at step <c>s = k · Stride</c>; its inputs are steps <c>s … s + InputLength - 1</c>. Its target
/// is step <c>s + InputLength - 1 + Horizon</c> (<see cref="WindowTarget.ManyToOne"/>) or steps
/// <c>s + i + Horizon</c> for <c>i = 0 … InputLength - 1</c> (<see cref="WindowTarget.ManyToMany"/>). Either way the
/// last step a window touches is <c>s + InputLength - 1 + Horizon</c>, so a series of <c>n</c> steps gives
/// <c>floor((n - InputLength - Horizon) / Stride) + 1</c> windows (0 when <c>n &lt; InputLength + Horizon</c>).
/// </remarks>
public sealed record WindowOptions
{
    /// <summary>The number of input steps per window (1 or more).</summary>
    public required int InputLength { get; init; }

    /// <summary>How many steps after its input step a target lies (0 or more; 1 = the next step). Defaults to 1.</summary>
    public int Horizon { get; init; } = 1;

    /// <summary>The number of steps between the starts of consecutive windows (1 or more). Defaults to 1.</summary>
    public int Stride { get; init; } = 1;

    /// <summary>Many-to-one or many-to-many targets. Defaults to <see cref="WindowTarget.ManyToOne"/>.</summary>
    public WindowTarget Target { get; init; } = WindowTarget.ManyToOne;

    /// <summary>The number of windows in a series of <paramref name="steps"/> steps (see the remarks).</summary>
    /// <param name="steps">The length of the series.</param>
    public int CountFor(int steps)
    {
        Validate();
        DataGuard.NotNegative(steps);
        long span = (long)InputLength + Horizon;
        return steps < span ? 0 : (int)((steps - span) / Stride + 1);
    }

    internal void Validate()
    {
        if (InputLength < 1) throw new ArgumentOutOfRangeException(nameof(InputLength), InputLength, $"InputLength must be positive, but was {InputLength}.");
        if (Horizon < 0) throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, $"Horizon must not be negative, but was {Horizon}.");
        if (Stride < 1) throw new ArgumentOutOfRangeException(nameof(Stride), Stride, $"Stride must be positive, but was {Stride}.");
        if (Target is not (WindowTarget.ManyToOne or WindowTarget.ManyToMany))
        {
            throw new ArgumentOutOfRangeException(nameof(Target), Target, $"Target is not a known kind: {Target}.");
        }
    }
}
