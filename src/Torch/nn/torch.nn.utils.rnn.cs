using RnnTorch.Modules;
using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Utilities: gradient clipping and recurrent-sequence packing.</summary>
        public static partial class utils
        {
            /// <summary>Packing and padding of variable-length sequences (PyTorch's <c>torch.nn.utils.rnn</c>).</summary>
            public static class rnn
            {
                /// <summary>
                /// Packs a padded batch, (L, N, *) or (N, L, *) when <paramref name="batch_first"/>, given each sequence's
                /// length. With <paramref name="enforce_sorted"/> the lengths must already be non-increasing; otherwise the
                /// batch is sorted and the permutation kept so that results come back in the caller's order.
                /// </summary>
                public static unsafe PackedSequence pack_padded_sequence(Tensor input, Tensor lengths, bool batch_first = false, bool enforce_sorted = true)
                {
                    ThrowHelper.ThrowIfNull(input);
                    ThrowHelper.ThrowIfNull(lengths);
                    if (input.dim() < 2)
                        throw new ArgumentException($"input must be (L, N, *) or (N, L, *), but has shape [{string.Join(", ", input.shape)}].", nameof(input));
                    using var scope = NewDisposeScope();
                    var lens = lengths.to(ScalarType.Int64, CPU);
                    var values = lens.data<long>().ToArray();
                    long batch = input.size(batch_first ? 0 : 1), time = input.size(batch_first ? 1 : 0);
                    if (lens.dim() != 1 || values.Length != batch)
                        throw new ArgumentException($"lengths must be 1-D with one length per sequence ({batch}), but has shape [{string.Join(", ", lens.shape)}].", nameof(lengths));
                    for (int i = 0; i < values.Length; i++)
                    {
                        if (values[i] <= 0 || values[i] > time)
                            throw new ArgumentException($"lengths[{i}] is {values[i]}, but lengths must be in 1..{time} (the padded sequence length of input [{string.Join(", ", input.shape)}]).", nameof(lengths));
                    }
                    Tensor? sorted = null, unsorted = null;
                    var source = input;
                    if (enforce_sorted)
                    {
                        for (int i = 1; i < values.Length; i++)
                        {
                            if (values[i] > values[i - 1])
                                throw new ArgumentException($"lengths must be sorted in decreasing order when enforce_sorted is true, but lengths[{i - 1}] = {values[i - 1]} < lengths[{i}] = {values[i]}; pass enforce_sorted: false to sort them.", nameof(lengths));
                        }
                    }
                    else
                    {
                        var (sortedLengths, order) = lens.sort(0, descending: true, stable: true);
                        lens = sortedLengths;
                        sorted = order;
                        unsorted = zeros_like(order).scatter(0, order, arange(order.numel()));
                        source = input.index_select(batch_first ? 0 : 1, order);
                    }
                    IntPtr data, sizes;
                    int rc = rt_pack_padded_sequence(source.Handle, lens.Handle, batch_first ? 1 : 0, &data, &sizes);
                    GC.KeepAlive(source);
                    GC.KeepAlive(lens);
                    Native.NativeMethods.Check(rc);
                    var packed = new PackedSequence(new Tensor(data).DetachFromDisposeScope(), new Tensor(sizes).DetachFromDisposeScope(),
                        sorted?.DetachFromDisposeScope(), unsorted?.DetachFromDisposeScope());
                    return packed;
                }

                /// <summary>
                /// Unpacks into a padded batch (L, N, *) or (N, L, *), padded with <paramref name="padding_value"/> up to
                /// <paramref name="total_length"/> steps when given, and the lengths (int64), in the caller's original order.
                /// </summary>
                public static unsafe (Tensor output, Tensor lengths) pad_packed_sequence(PackedSequence sequence, bool batch_first = false, double padding_value = 0.0, long? total_length = null)
                {
                    ThrowHelper.ThrowIfNull(sequence);
                    IntPtr padded, lens;
                    int rc = rt_pad_packed_sequence(sequence.data.Handle, sequence.batch_sizes.Handle, batch_first ? 1 : 0, padding_value, total_length ?? -1, &padded, &lens);
                    GC.KeepAlive(sequence);
                    Native.NativeMethods.Check(rc);
                    var output = new Tensor(padded);
                    var lengths = new Tensor(lens);
                    if (sequence.unsorted_indices is null) return (output, lengths);
                    using (output)
                    using (lengths)
                    {
                        return (output.index_select(batch_first ? 0 : 1, sequence.unsorted_indices), lengths.index_select(0, sequence.unsorted_indices));
                    }
                }

                /// <summary>Stacks sequences of different lengths (each (Lᵢ, *)) into one padded batch (L_max, N, *) or (N, L_max, *).</summary>
                public static unsafe Tensor pad_sequence(IList<Tensor> sequences, bool batch_first = false, double padding_value = 0.0)
                {
                    ThrowHelper.ThrowIfNull(sequences);
                    if (sequences.Count == 0) throw new ArgumentException("sequences must hold at least one tensor.", nameof(sequences));
                    var handles = new IntPtr[sequences.Count];
                    for (int i = 0; i < handles.Length; i++)
                    {
                        if (sequences[i] is null) throw new ArgumentNullException(nameof(sequences), $"sequences[{i}] is null.");
                        handles[i] = sequences[i].Handle;
                    }
                    IntPtr r;
                    int rc;
                    fixed (IntPtr* p = handles) rc = rt_pad_sequence(p, handles.Length, batch_first ? 1 : 0, padding_value, &r);
                    return Tensor.Wrap(rc, r, sequences);
                }

                /// <summary>Packs a list of sequences of different lengths (each (Lᵢ, *)).</summary>
                public static PackedSequence pack_sequence(IList<Tensor> sequences, bool enforce_sorted = true)
                {
                    using var scope = NewDisposeScope();
                    var padded = pad_sequence(sequences);
                    var lengths = tensor(sequences.Select(s => s.size(0)).ToArray());
                    return pack_padded_sequence(padded, lengths, false, enforce_sorted);
                }
            }
        }
    }
}
