using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// A multi-layer gated recurrent unit on libtorch's fused kernel, gates in PyTorch's order (reset, update, new):
/// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz), n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),
/// h' = (1 − z) ⊙ n + z ⊙ h.
/// </summary>
/// <remarks>Shapes as <see cref="RNN"/>; weights (3·H_out, …).</remarks>
public sealed class GRU : Module<Tensor, Tensor?, (Tensor output, Tensor h_n)>
{
    private readonly RecurrentCore core;

    internal GRU(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional,
        Device? device, ScalarType? dtype) : base(nameof(GRU))
    {
        core = new RecurrentCore(this, RecurrentMode.Gru, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);
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

    /// <summary>Runs on a padded (or unbatched) input from <paramref name="h0"/> (zeros when null).</summary>
    public override (Tensor output, Tensor h_n) forward(Tensor input, Tensor? h0)
    {
        var (output, h, _) = core.Forward(input, h0, null, training);
        return (output, h);
    }

    /// <summary>Runs from a zero state.</summary>
    public (Tensor output, Tensor h_n) forward(Tensor input) => forward(input, null);

    /// <summary>Runs from a zero state.</summary>
    public (Tensor output, Tensor h_n) call(Tensor input) => forward(input, null);

    /// <summary>Runs on packed variable-length sequences.</summary>
    public (PackedSequence output, Tensor h_n) forward(PackedSequence input, Tensor? h0 = null)
    {
        var (output, h, _) = core.Forward(input, h0, null, training);
        return (output, h);
    }

    /// <summary>Runs on packed variable-length sequences.</summary>
    public (PackedSequence output, Tensor h_n) call(PackedSequence input, Tensor? h0 = null) => forward(input, h0);
}
