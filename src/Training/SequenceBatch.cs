namespace RnnTorch.Training;

/// <summary>
/// A padded batch: inputs (N, L) token ids or (N, L, F) features, targets (shape per task: (N) classes, (N, L) tags or
/// next tokens, (N, outputs) values), and each sequence's length (null: all full length). Owns nothing: whoever made
/// the tensors disposes them.
/// </summary>
/// <param name="Inputs">The inputs.</param>
/// <param name="Targets">The targets.</param>
/// <param name="Lengths">The lengths (int64, N), or null.</param>
public sealed record SequenceBatch(Tensor Inputs, Tensor Targets, Tensor? Lengths = null);
