namespace RnnTorch.Data;

/// <summary>
/// Variable-length sequences padded into one batch (batch first), with each sequence's length and a mask of the
/// real (non-padding) positions. Disposing the batch disposes its three tensors.
/// </summary>
/// <param name="Data">The padded sequences: (N, L) int64 for tokens, (N, L, F) float32 for feature frames; L is the longest length.</param>
/// <param name="Lengths">(N) int64: each sequence's length (what <c>pack_padded_sequence</c> takes).</param>
/// <param name="Mask">(N, L) bool: true at the positions that hold a real element, false at padding.</param>
public sealed record PaddedBatch(Tensor Data, Tensor Lengths, Tensor Mask) : IDisposable
{
    /// <summary>Disposes <see cref="Data"/>, <see cref="Lengths"/> and <see cref="Mask"/>.</summary>
    public void Dispose()
    {
        Data.Dispose();
        Lengths.Dispose();
        Mask.Dispose();
    }
}
