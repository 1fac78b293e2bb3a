namespace RnnTorch.Models;

/// <summary>
/// The state a <see cref="RecurrentLayer"/> starts from or ends in: <paramref name="H"/> the hidden state
/// (layers·D, N, H) and, for an LSTM core only, <paramref name="C"/> the cell state of the same shape (null otherwise).
/// Index layer·D + direction, as <c>nn.RNN</c>'s h_n. Owns its tensors: dispose it when done (or let a dispose scope
/// that holds them do so).
/// </summary>
/// <param name="H">The hidden state (layers·D, N, H).</param>
/// <param name="C">The LSTM cell state (layers·D, N, H), or null for the other cores.</param>
public sealed record RecurrentState(Tensor H, Tensor? C) : IDisposable
{
    /// <summary>The same state cut from the autograd graph (for truncated backpropagation across chunks); new tensors.</summary>
    public RecurrentState Detach() => new(H.detach(), C?.detach());

    /// <summary>Disposes <see cref="H"/> and <see cref="C"/>.</summary>
    public void Dispose()
    {
        H.Dispose();
        C?.Dispose();
    }
}
