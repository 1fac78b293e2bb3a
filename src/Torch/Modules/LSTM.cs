using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// A multi-layer long short-term memory on libtorch's fused kernel, gates in PyTorch's order (input, forget, cell, output):
/// i = σ(…), f = σ(…), g = tanh(…), o = σ(…), c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c').
/// </summary>
/// <remarks>Shapes as <see cref="RNN"/>, plus the cell state c0/c_n (D·num_layers, N, H_out); weights (4·H_out, …).</remarks>
public sealed class LSTM : Module<Tensor, (Tensor h0, Tensor c0)?, (Tensor output, Tensor h_n, Tensor c_n)>
{
    private readonly RecurrentCore core;

    internal LSTM(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional,
        Device? device, ScalarType? dtype) : base(nameof(LSTM))
    {
        core = new RecurrentCore(this, RecurrentMode.Lstm, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);
    }

    /// <summary>H_in.</summary>
    public long input_size => core.InputSize;
    /// <summary>H_out.</summary>
    public long hidden_size => core.HiddenSize;
    /// <summary>The number of stacked layers.</summary>
    public long num_layers => core.NumLayers;
    /// <summary>Whether inputs and outputs are (N, L, …).</summary>
    public bool batch_first => core.BatchFirst;
    /// <summary>Whether each layer also runs backwards in time.</summary>
    public bool bidirectional => core.Directions == 2;
    /// <summary>The parameters in libtorch's order.</summary>
    public IReadOnlyList<Parameter> flat_weights => core.FlatWeights;

    /// <summary>Runs on a padded (or unbatched) input from (h0, c0) (zeros when null).</summary>
    public override (Tensor output, Tensor h_n, Tensor c_n) forward(Tensor input, (Tensor h0, Tensor c0)? state)
    {
        var (output, h, c) = core.Forward(input, state?.h0, state?.c0, training);
        return (output, h, c!);
    }

    /// <summary>Runs from a zero state.</summary>
    public (Tensor output, Tensor h_n, Tensor c_n) forward(Tensor input) => forward(input, null);

    /// <summary>Runs from a zero state.</summary>
    public (Tensor output, Tensor h_n, Tensor c_n) call(Tensor input) => forward(input, null);

    /// <summary>Runs on packed variable-length sequences.</summary>
    public (PackedSequence output, Tensor h_n, Tensor c_n) forward(PackedSequence input, (Tensor h0, Tensor c0)? state = null)
    {
        var (output, h, c) = core.Forward(input, state?.h0, state?.c0, training);
        return (output, h, c!);
    }

    /// <summary>Runs on packed variable-length sequences.</summary>
    public (PackedSequence output, Tensor h_n, Tensor c_n) call(PackedSequence input, (Tensor h0, Tensor c0)? state = null) => forward(input, state);
}
