namespace RnnTorch.Data;

/// <summary>One sliding window of a <see cref="WindowDataset"/>.</summary>
/// <param name="Start">The step of the series where the window's inputs start.</param>
/// <param name="Inputs">The inputs, <c>[InputLength][input columns]</c>.</param>
/// <param name="Targets">The targets, <c>[1][target columns]</c> for many-to-one or <c>[InputLength][target columns]</c> for many-to-many.</param>
/// <param name="Kind">Which of the two the targets are.</param>
public sealed record WindowSample(int Start, float[][] Inputs, float[][] Targets, WindowTarget Kind);
