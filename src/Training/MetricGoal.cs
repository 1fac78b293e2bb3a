namespace RnnTorch.Training;

/// <summary>Whether a monitored metric improves by going down (a loss) or up (an accuracy).</summary>
public enum MetricGoal
{
    /// <summary>Lower is better.</summary>
    Minimize = 0,
    /// <summary>Higher is better.</summary>
    Maximize = 1,
}
