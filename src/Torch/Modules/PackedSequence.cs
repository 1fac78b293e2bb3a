namespace RnnTorch.Modules;

/// <summary>
/// A batch of variable-length sequences packed time-step-major (PyTorch's <c>PackedSequence</c>): <see cref="data"/>
/// holds, for each step t, the inputs of the batch_sizes[t] sequences still running, longest first.
/// </summary>
/// <remarks>Made by <c>torch.nn.utils.rnn.pack_padded_sequence</c>; owns its tensors (dispose it when done).</remarks>
public sealed class PackedSequence : IDisposable
{
    /// <summary>Wraps packed data and its batch sizes (int64, on the CPU), with the sort permutation if any.</summary>
    public PackedSequence(Tensor data, Tensor batch_sizes, Tensor? sorted_indices = null, Tensor? unsorted_indices = null)
    {
        ThrowHelper.ThrowIfNull(data);
        ThrowHelper.ThrowIfNull(batch_sizes);
        if (batch_sizes.dim() != 1 || batch_sizes.dtype != ScalarType.Int64)
            throw new ArgumentException($"batch_sizes must be a 1-D int64 tensor, but has shape [{string.Join(", ", batch_sizes.shape)}] and dtype {batch_sizes.dtype}.", nameof(batch_sizes));
        if ((sorted_indices is null) != (unsorted_indices is null))
            throw new ArgumentException("sorted_indices and unsorted_indices must be given together.", nameof(sorted_indices));
        this.data = data;
        this.batch_sizes = batch_sizes;
        this.sorted_indices = sorted_indices;
        this.unsorted_indices = unsorted_indices;
    }

    /// <summary>The packed steps: (Σ batch_sizes, *).</summary>
    public Tensor data { get; }

    /// <summary>How many sequences are still running at each time step (int64, CPU, non-increasing).</summary>
    public Tensor batch_sizes { get; }

    /// <summary>The permutation that sorted the batch by decreasing length, or null when it was sorted already.</summary>
    public Tensor? sorted_indices { get; }

    /// <summary>The inverse permutation, restoring the caller's order, or null.</summary>
    public Tensor? unsorted_indices { get; }

    /// <summary>The number of sequences in the batch.</summary>
    public long BatchSize => batch_sizes[0].item<long>();

    /// <summary>Disposes the packed data, batch sizes and permutations.</summary>
    public void Dispose()
    {
        data.Dispose();
        batch_sizes.Dispose();
        sorted_indices?.Dispose();
        unsorted_indices?.Dispose();
    }
}
