namespace RnnTorch.Training;

/// <summary>
/// A batch for encoder–decoder training: source ids (N, S) with lengths, decoder input (N, T) = BOS followed by the
/// target without its last token, targets (N, T) ending in EOS, and the target lengths (null: all full length).
/// </summary>
/// <param name="Source">Source token ids (N, S).</param>
/// <param name="SourceLengths">Source lengths (N), or null.</param>
/// <param name="DecoderInput">BOS + target[:-1], (N, T).</param>
/// <param name="Targets">Target token ids (N, T).</param>
/// <param name="TargetLengths">Target lengths (N), or null.</param>
public sealed record Seq2SeqBatch(Tensor Source, Tensor? SourceLengths, Tensor DecoderInput, Tensor Targets, Tensor? TargetLengths = null);
