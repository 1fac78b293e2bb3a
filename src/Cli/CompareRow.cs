namespace RnnTorch.Cli;

/// <summary>One row of the <c>compare</c> table.</summary>
/// <param name="Label">What the row measures.</param>
/// <param name="Values">One figure per compared model, in the models' order.</param>
internal sealed record CompareRow(string Label, IReadOnlyList<string> Values);
