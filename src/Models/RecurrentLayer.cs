using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// One interface over every recurrent core (<see cref="CoreKind"/>): the hand-rolled <see cref="ElmanRnn"/>, or libtorch's
/// <c>nn.RNN</c>, <c>nn.LSTM</c>, <c>nn.GRU</c>, always batch-first, with variable-length batches and an explicit state.
/// The core is registered as the submodule <c>rnn</c>, so the parameters are <c>rnn.weight_ih_l0</c>, <c>rnn.weight_hh_l0</c>, …
/// exactly as PyTorch names them, and a state dict saved with an <see cref="CoreKind.Elman"/> core loads into a
/// <see cref="CoreKind.Rnn"/> core and back (same weights, same numbers).
/// </summary>
/// <remarks>
/// Shapes (N batch, L padded length, F input size, H hidden size, D = 2 if bidirectional else 1, layers = num_layers):
/// input (N, L, F) floating; state h (layers·D, N, H) (and c, same shape, for an LSTM; zeros when null); lengths (N)
/// integers in 1..L, or null when every sequence has the full length. Returns output (N, L, D·H): every step's top-layer
/// output, zero past a sequence's length; and the final state, each sequence's state at its own last step (for the
/// reverse direction, at its first step). Built-in cores run variable lengths packed
/// (<c>pack_padded_sequence(enforce_sorted: false)</c>, then <c>pad_packed_sequence(total_length: L)</c>); the Elman core
/// masks its steps. Dropout (training only) acts between stacked layers.
/// </remarks>
public sealed class RecurrentLayer : Module<Tensor, RecurrentState?, Tensor?, (Tensor output, RecurrentState state)>
{
    /// <summary>Creates the core: <paramref name="kind"/> with the given sizes (Elman and Rnn use tanh; every core has biases).</summary>
    /// <param name="kind">Which network runs.</param>
    /// <param name="inputSize">F, the size of each input step.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="numLayers">How many layers are stacked.</param>
    /// <param name="bidirectional">Whether each layer also runs backwards in time (D = 2).</param>
    /// <param name="dropout">Dropout probability on each layer's output but the last, in training.</param>
    /// <param name="device">Where the parameters live (the default device when null).</param>
    /// <param name="dtype">The parameters' dtype (the default dtype when null).</param>
    public RecurrentLayer(CoreKind kind, long inputSize, long hiddenSize, long numLayers = 1, bool bidirectional = false, double dropout = 0,
        Device? device = null, ScalarType? dtype = null) : base(nameof(RecurrentLayer))
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a core kind.");
        Checks.Positive(inputSize, nameof(inputSize));
        Checks.Positive(hiddenSize, nameof(hiddenSize));
        Checks.Positive(numLayers, nameof(numLayers));
        Checks.Probability(dropout, nameof(dropout));
        Kind = kind;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        Bidirectional = bidirectional;
        Dropout = dropout;
        Core = kind switch
        {
            CoreKind.Elman => new ElmanRnn(inputSize, hiddenSize, numLayers, NonLinearities.Tanh, bias: true, batchFirst: true, dropout, bidirectional, device, dtype),
            CoreKind.Rnn => RNN(inputSize, hiddenSize, numLayers, NonLinearities.Tanh, bias: true, batchFirst: true, dropout, bidirectional, device, dtype),
            CoreKind.Lstm => LSTM(inputSize, hiddenSize, numLayers, bias: true, batchFirst: true, dropout, bidirectional, device, dtype),
            _ => GRU(inputSize, hiddenSize, numLayers, bias: true, batchFirst: true, dropout, bidirectional, device, dtype),
        };
        register_module("rnn", Core);
    }

    /// <summary>Which network runs.</summary>
    public CoreKind Kind { get; }

    /// <summary>The wrapped network (an <see cref="ElmanRnn"/>, <see cref="Modules.RNN"/>, <see cref="Modules.LSTM"/> or <see cref="Modules.GRU"/>), batch-first.</summary>
    public Module Core { get; }

    /// <summary>F, the size of each input step.</summary>
    public long InputSize { get; }

    /// <summary>H.</summary>
    public long HiddenSize { get; }

    /// <summary>The number of stacked layers.</summary>
    public long NumLayers { get; }

    /// <summary>Whether each layer also runs backwards in time.</summary>
    public bool Bidirectional { get; }

    /// <summary>D: 2 if bidirectional, else 1.</summary>
    public int Directions => Bidirectional ? 2 : 1;

    /// <summary>D·H, the size of each output step (and of <see cref="TopLayerState"/>).</summary>
    public long OutputSize => Directions * HiddenSize;

    /// <summary>Dropout probability between stacked layers (training only).</summary>
    public double Dropout { get; }

    /// <summary>The shape of the state for <paramref name="batch"/> sequences: (layers·D, N, H).</summary>
    public long[] StateShape(long batch) => new[] { NumLayers * Directions, batch, HiddenSize };

    /// <summary>Runs from a zero state on sequences that all have the full length.</summary>
    public (Tensor output, RecurrentState state) forward(Tensor input) => forward(input, null, null);

    /// <summary>Runs from <paramref name="state"/> (zeros when null) on sequences that all have the full length.</summary>
    public (Tensor output, RecurrentState state) forward(Tensor input, RecurrentState? state) => forward(input, state, null);

    /// <summary>
    /// Runs on input (N, L, F) from <paramref name="state"/> (zeros when null; for an LSTM a null c means zeros) on
    /// sequences of the given <paramref name="lengths"/> (null: all L). Returns output (N, L, D·H) and the final state.
    /// </summary>
    public override (Tensor output, RecurrentState state) forward(Tensor input, RecurrentState? state, Tensor? lengths)
    {
        const string Owner = nameof(RecurrentLayer);
        Checks.Features(Owner, input, InputSize, nameof(input));
        long batch = input.size(0), steps = input.size(1);
        var dtype = Core.parameters().First().dtype;
        if (input.dtype != dtype)
            throw new ArgumentException($"{Owner}: input has dtype {input.dtype}, but the parameters have dtype {dtype}.", nameof(input));
        var expected = StateShape(batch);
        if (state is not null)
        {
            if (!state.H.shape.SequenceEqual(expected))
                throw new ArgumentException($"{Owner}: expected state.H of shape ({string.Join(", ", expected)}) (layers·D, N, H), but got {Checks.Shape(state.H)}.", nameof(state));
            if (state.C is not null && Kind != CoreKind.Lstm)
                throw new ArgumentException($"{Owner}: state.C (a cell state) is only for an LSTM core, but this core is {Kind}.", nameof(state));
            if (state.C is not null && !state.C.shape.SequenceEqual(expected))
                throw new ArgumentException($"{Owner}: expected state.C of shape ({string.Join(", ", expected)}) (layers·D, N, H), but got {Checks.Shape(state.C)}.", nameof(state));
        }
        Checks.Lengths(Owner, lengths, batch, steps);

        using var scope = NewDisposeScope();
        var h0 = state?.H;
        var c0 = Kind == CoreKind.Lstm && state is not null ? state.C ?? zeros(expected, dtype, input.device) : null;
        Tensor output, h;
        Tensor? c = null;
        if (Core is ElmanRnn elman)
        {
            (output, h) = elman.forward(input, h0, lengths);
        }
        else if (lengths is null)
        {
            (output, h, c) = Run(input, h0, c0);
        }
        else
        {
            using var packed = utils.rnn.pack_padded_sequence(input, lengths, batch_first: true, enforce_sorted: false);
            PackedSequence packedOutput;
            (packedOutput, h, c) = RunPacked(packed, h0, c0);
            using (packedOutput)
            {
                (output, _) = utils.rnn.pad_packed_sequence(packedOutput, batch_first: true, total_length: steps);
            }
        }
        output.MoveToOuterDisposeScope();
        h.MoveToOuterDisposeScope();
        c?.MoveToOuterDisposeScope();
        return (output, new RecurrentState(h, c));
    }

    private (Tensor output, Tensor h, Tensor? c) Run(Tensor input, Tensor? h0, Tensor? c0)
    {
        switch (Core)
        {
            case LSTM lstm:
                var (o, h, c) = lstm.forward(input, h0 is null ? null : (h0, c0!));
                return (o, h, c);
            case GRU gru:
                var (go, gh) = gru.forward(input, h0);
                return (go, gh, null);
            default:
                var (ro, rh) = ((RNN)Core).forward(input, h0);
                return (ro, rh, null);
        }
    }

    private (PackedSequence output, Tensor h, Tensor? c) RunPacked(PackedSequence input, Tensor? h0, Tensor? c0)
    {
        switch (Core)
        {
            case LSTM lstm:
                var (o, h, c) = lstm.forward(input, h0 is null ? null : (h0, c0!));
                return (o, h, c);
            case GRU gru:
                var (go, gh) = gru.forward(input, h0);
                return (go, gh, null);
            default:
                var (ro, rh) = ((RNN)Core).forward(input, h0);
                return (ro, rh, null);
        }
    }

    /// <summary>
    /// The top layer's final hidden state of each sequence, both directions concatenated (forward, then reverse):
    /// (N, D·H), from a final <paramref name="state"/> this layer returned. What a many-to-one head reads.
    /// </summary>
    public Tensor TopLayerState(RecurrentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        long rows = NumLayers * Directions;
        if (state.H.dim() != 3 || state.H.size(0) != rows || state.H.size(2) != HiddenSize)
            throw new ArgumentException($"{nameof(RecurrentLayer)}: expected state.H of shape ({rows}, N, {HiddenSize}), but got {Checks.Shape(state.H)}.", nameof(state));
        if (Directions == 1) return state.H.select(0, rows - 1);
        using var scope = NewDisposeScope();
        var top = state.H.narrow(0, rows - 2, 2);                  // (2, N, H): forward, reverse
        return top.transpose(0, 1).reshape(state.H.size(1), 2 * HiddenSize).MoveToOuterDisposeScope();
    }
}
