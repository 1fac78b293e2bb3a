namespace RnnTorch.Cli;

/// <summary>One row of the <c>compare</c> table.</summary>
/// <param name="Label">What the row measures.</param>
/// <param name="HandRolled">The figure of the hand-rolled ElmanRnn.</param>
/// <param name="BuiltIn">The figure of the built-in nn.RNN.</param>
internal sealed record CompareRow(string Label, string HandRolled, string BuiltIn);
