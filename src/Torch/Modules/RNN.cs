using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// A multi-layer Elman RNN on libtorch's fused kernel: h_t = tanh(x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh) (or relu),
/// each layer's outputs feeding the next (with dropout between layers in training).
/// </summary>
/// <remarks>
/// Shapes (N batch, L length, D = 2 if bidirectional else 1, H_in input size, H_out hidden size): input (L, N, H_in),
/// or (N, L, H_in) with batchFirst, or (L, H_in) unbatched, or a <see cref="PackedSequence"/>; h0 (D·num_layers, N, H_out)
/// (zeros when null). Returns output (L, N, D·H_out) (batch-first likewise) and h_n (D·num_layers, N, H_out).
/// The equivalent plain loop for one layer and direction: <c>for t: h = tanh(x[t] @ W_ihᵀ + b_ih + h @ W_hhᵀ + b_hh); out[t] = h</c>.
/// </remarks>
public sealed class RNN : Module<Tensor, Tensor?, (Tensor output, Tensor h_n)>
{
    private readonly RecurrentCore core;

    internal RNN(long inputSize, long hiddenSize, long numLayers, NonLinearities nonLinearity, bool bias, bool batchFirst, double dropout,
        bool bidirectional, Device? device, ScalarType? dtype) : base(nameof(RNN))
    {
        if (!Enum.IsDefined(nonLinearity)) ThrowHelper.ThrowOutOfRange(nameof(nonLinearity), nonLinearity, "is not a non-linearity.");
        NonLinearity = nonLinearity;
        core = new RecurrentCore(this, nonLinearity == NonLinearities.Tanh ? RecurrentMode.RnnTanh : RecurrentMode.RnnRelu,
            inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);
    }

    /// <summary>H_in.</summary>
    public long input_size => core.InputSize;
    /// <summary>H_out.</summary>
    public long hidden_size => core.HiddenSize;
    /// <summary>The number of stacked layers.</summary>
    public long num_layers => core.NumLayers;
    /// <summary>Whether the layers have biases.</summary>
    public bool bias => core.Bias;
    /// <summary>Whether inputs and outputs are (N, L, …).</summary>
    public bool batch_first => core.BatchFirst;
    /// <summary>Dropout probability between layers (training only).</summary>
    public double dropout => core.Dropout;
    /// <summary>Whether each layer also runs backwards in time.</summary>
    public bool bidirectional => core.Directions == 2;
    /// <summary>tanh or relu.</summary>
    public NonLinearities NonLinearity { get; }
    /// <summary>The parameters in libtorch's order: per layer and direction w_ih, w_hh[, b_ih, b_hh].</summary>
    public IReadOnlyList<Parameter> flat_weights => core.FlatWeights;

    /// <summary>Runs the layer stack on a padded (or unbatched) input from the initial state <paramref name="h0"/> (zeros when null).</summary>
    public override (Tensor output, Tensor h_n) forward(Tensor input, Tensor? h0)
    {
        var (output, h, _) = core.Forward(input, h0, null, training);
        return (output, h);
    }

    /// <summary>Runs from a zero state.</summary>
    public (Tensor output, Tensor h_n) forward(Tensor input) => forward(input, null);

    /// <summary>Runs from a zero state.</summary>
    public (Tensor output, Tensor h_n) call(Tensor input) => forward(input, null);

    /// <summary>Runs on packed variable-length sequences; h_n holds each sequence's state at its own last step.</summary>
    public (PackedSequence output, Tensor h_n) forward(PackedSequence input, Tensor? h0 = null)
    {
        var (output, h, _) = core.Forward(input, h0, null, training);
        return (output, h);
    }

    /// <summary>Runs on packed variable-length sequences.</summary>
    public (PackedSequence output, Tensor h_n) call(PackedSequence input, Tensor? h0 = null) => forward(input, h0);
}
