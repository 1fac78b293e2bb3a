using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// What nn.RNN, nn.LSTM and nn.GRU share: PyTorch's parameters (<c>weight_ih_l{k}[_reverse]</c> (G·H, H_in or D·H),
/// <c>weight_hh_l{k}</c> (G·H, H), <c>bias_ih_l{k}</c>, <c>bias_hh_l{k}</c> (G·H), G = 1, 4 or 3 gates, initialised
/// U(−1/√H, 1/√H)), the shape checks, and the call into libtorch's fused kernel.
/// </summary>
internal sealed class RecurrentCore
{
    private readonly Module owner;
    private readonly List<Parameter> flat = new();

    public RecurrentCore(Module owner, RecurrentMode mode, long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst,
        double dropout, bool bidirectional, Device? device, ScalarType? dtype)
    {
        ThrowHelper.ThrowIfNotPositive(inputSize);
        ThrowHelper.ThrowIfNotPositive(hiddenSize);
        ThrowHelper.ThrowIfNotPositive(numLayers);
        if (!(dropout >= 0 && dropout <= 1)) ThrowHelper.ThrowOutOfRange(nameof(dropout), dropout, "must be a probability in [0, 1].");
        this.owner = owner;
        Mode = mode;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        Bias = bias;
        BatchFirst = batchFirst;
        Dropout = dropout;
        Directions = bidirectional ? 2 : 1;
        long gates = mode switch { RecurrentMode.Lstm => 4, RecurrentMode.Gru => 3, _ => 1 };
        double k = 1 / Math.Sqrt(hiddenSize);
        using var scope = NewDisposeScope();
        for (long layer = 0; layer < numLayers; layer++)
        {
            for (int dir = 0; dir < Directions; dir++)
            {
                string suffix = $"l{layer}{(dir == 1 ? "_reverse" : "")}";
                long layerInput = layer == 0 ? inputSize : hiddenSize * Directions;
                Add($"weight_ih_{suffix}", new[] { gates * hiddenSize, layerInput });
                Add($"weight_hh_{suffix}", new[] { gates * hiddenSize, hiddenSize });
                if (bias)
                {
                    Add($"bias_ih_{suffix}", new[] { gates * hiddenSize });
                    Add($"bias_hh_{suffix}", new[] { gates * hiddenSize });
                }
            }
        }

        void Add(string name, long[] shape)
        {
            var p = new Parameter(empty(shape, dtype, device).uniform_(-k, k));
            owner.register_parameter(name, p);
            flat.Add(p);
        }
    }

    public RecurrentMode Mode { get; }
    public long InputSize { get; }
    public long HiddenSize { get; }
    public long NumLayers { get; }
    public bool Bias { get; }
    public bool BatchFirst { get; }
    public double Dropout { get; }
    public int Directions { get; }

    /// <summary>The parameters in the order libtorch's kernels take them.</summary>
    public IReadOnlyList<Parameter> FlatWeights => flat;

    private string Name => owner.GetName();

    /// <summary>The shape the initial state must have for <paramref name="batch"/> sequences (null: unbatched).</summary>
    public long[] StateShape(long? batch) => batch is { } n ? new[] { Directions * NumLayers, n, HiddenSize } : new[] { Directions * NumLayers, HiddenSize };

    /// <summary>Checks a padded input: (L, H_in) unbatched, or (L, N, H_in) / (N, L, H_in) batched.</summary>
    public void CheckInput(Tensor input)
    {
        ThrowHelper.ThrowIfNull(input);
        long dim = input.dim();
        if (dim is not (2 or 3))
            throw new ArgumentException($"{Name}: expected input of 2 dimensions (L, H_in) or 3 dimensions ({(BatchFirst ? "N, L" : "L, N")}, H_in), but got {dim} dimensions, shape [{string.Join(", ", input.shape)}].", nameof(input));
        long last = input.size(-1);
        if (last != InputSize)
            throw new ArgumentException($"{Name}: input.size(-1) must equal input_size = {InputSize}, but input has shape [{string.Join(", ", input.shape)}].", nameof(input));
    }

    /// <summary>Checks a packed input's feature size.</summary>
    public void CheckPacked(PackedSequence input)
    {
        ThrowHelper.ThrowIfNull(input);
        if (input.data.dim() != 2 || input.data.size(-1) != InputSize)
            throw new ArgumentException($"{Name}: packed data must have shape (sum of lengths, input_size = {InputSize}), but has [{string.Join(", ", input.data.shape)}].", nameof(input));
    }

    /// <summary>Checks an initial state against the shape it must have.</summary>
    public void CheckState(Tensor state, long[] expected, string name)
    {
        var actual = state.shape;
        if (!actual.SequenceEqual(expected))
            throw new ArgumentException($"{Name}: expected {name} of shape ({string.Join(", ", expected)}), but got ({string.Join(", ", actual)}).", name);
    }

    /// <summary>Runs the fused kernel. <paramref name="batchSizes"/> non-null means <paramref name="input"/> is packed data.</summary>
    public unsafe (Tensor output, Tensor h, Tensor? c) Run(Tensor input, Tensor? batchSizes, Tensor hx, Tensor? cx, bool training)
    {
        var handles = new IntPtr[flat.Count];
        for (int i = 0; i < handles.Length; i++) handles[i] = flat[i].Handle;
        IntPtr output, h, c;
        int rc;
        fixed (IntPtr* p = handles)
        {
            rc = Native.NativeMethods.rt_rnn((int)Mode, input.Handle, batchSizes?.Handle ?? IntPtr.Zero, hx.Handle, cx?.Handle ?? IntPtr.Zero,
                p, handles.Length, Bias ? 1 : 0, NumLayers, Dropout, training ? 1 : 0, Directions == 2 ? 1 : 0, BatchFirst ? 1 : 0,
                &output, &h, &c);
        }
        GC.KeepAlive(input);
        GC.KeepAlive(batchSizes);
        GC.KeepAlive(hx);
        GC.KeepAlive(cx);
        GC.KeepAlive(flat);
        Native.NativeMethods.Check(rc);
        return (new Tensor(output), new Tensor(h), c == IntPtr.Zero ? null : new Tensor(c));
    }

    /// <summary>
    /// The padded-input path for all three modules: unbatched inputs get a batch dimension, a missing state becomes zeros,
    /// the given state is checked; results come back without the batch dimension for unbatched inputs.
    /// </summary>
    public (Tensor output, Tensor h, Tensor? c) Forward(Tensor input, Tensor? h0, Tensor? c0, bool training)
    {
        CheckInput(input);
        bool unbatched = input.dim() == 2;
        using var scope = NewDisposeScope();
        var x = unbatched ? input.unsqueeze(BatchFirst ? 0 : 1) : input;
        long batch = x.size(BatchFirst ? 0 : 1);
        var expected = StateShape(unbatched ? null : batch);
        var hx = State(h0, expected, "h0", x, unbatched, batch);
        var cx = Mode == RecurrentMode.Lstm ? State(c0, expected, "c0", x, unbatched, batch) : null;
        var (output, h, c) = Run(x, null, hx, cx, training);
        if (unbatched)
        {
            output = output.squeeze(BatchFirst ? 0 : 1);
            h = h.squeeze(1);
            c = c?.squeeze(1);
        }
        output.MoveToOuterDisposeScope();
        h.MoveToOuterDisposeScope();
        c?.MoveToOuterDisposeScope();
        return (output, h, c);
    }

    /// <summary>The packed-input path: the state is permuted into sorted order and the final state back.</summary>
    public (PackedSequence output, Tensor h, Tensor? c) Forward(PackedSequence input, Tensor? h0, Tensor? c0, bool training)
    {
        CheckPacked(input);
        using var scope = NewDisposeScope();
        long batch = input.BatchSize;
        var expected = StateShape(batch);
        var hx = State(h0, expected, "h0", input.data, false, batch);
        var cx = Mode == RecurrentMode.Lstm ? State(c0, expected, "c0", input.data, false, batch) : null;
        if (input.sorted_indices is { } order)
        {
            hx = hx.index_select(1, order);
            cx = cx?.index_select(1, order);
        }
        var (output, h, c) = Run(input.data, input.batch_sizes, hx, cx, training);
        if (input.unsorted_indices is { } back)
        {
            h = h.index_select(1, back);
            c = c?.index_select(1, back);
        }
        var packed = new PackedSequence(output.DetachFromDisposeScope(), input.batch_sizes.alias().DetachFromDisposeScope(),
            input.sorted_indices?.alias().DetachFromDisposeScope(), input.unsorted_indices?.alias().DetachFromDisposeScope());
        h.MoveToOuterDisposeScope();
        c?.MoveToOuterDisposeScope();
        return (packed, h, c);
    }

    private Tensor State(Tensor? given, long[] expected, string name, Tensor like, bool unbatched, long batch)
    {
        if (given is null) return zeros(StateShape(batch), like.dtype, like.device);
        CheckState(given, expected, name);
        return unbatched ? given.unsqueeze(1) : given.alias();
    }
}
