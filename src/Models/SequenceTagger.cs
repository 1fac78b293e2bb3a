using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// Many-to-many of the same length (sequence labelling): input layer → recurrent layer → <c>output</c> at every step,
/// y_t = W_hy h_t + b: logits (one per class) for each step. Softmax belongs in the loss (<c>cross_entropy</c> over
/// logits permuted to (N, C, L), or flattened to (N·L, C)), with padding steps' targets set to the loss's ignore index.
/// </summary>
/// <remarks>
/// Shapes (N batch, L padded length, F features, D·H the recurrent output size, C classes): input token ids (N, L) int64
/// or features (N, L, F) as <see cref="SequenceInput"/> says; lengths (N) in 1..L, or null for full-length sequences.
/// Returns logits (N, L, C); past a sequence's length they are the output layer's bias alone (the recurrent output is
/// zero there) and carry no meaning. With a bidirectional core every step sees the whole sequence.
/// </remarks>
public sealed class SequenceTagger : Module<Tensor, Tensor?, Tensor>
{
    private readonly SequenceEncoder encoder;

    /// <summary>Creates the head.</summary>
    /// <param name="kind">The recurrent core.</param>
    /// <param name="input">Token ids or features, and the input layer.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="classes">C, the number of tags.</param>
    /// <param name="numLayers">Stacked recurrent layers.</param>
    /// <param name="bidirectional">Whether the recurrent layer also runs backwards (D = 2).</param>
    /// <param name="dropout">Dropout probability on the embedded input, between recurrent layers and before the output layer (training only).</param>
    /// <param name="device">Where the parameters live.</param>
    /// <param name="dtype">The parameters' dtype.</param>
    public SequenceTagger(CoreKind kind, SequenceInput input, long hiddenSize, long classes, long numLayers = 1, bool bidirectional = false,
        double dropout = 0, Device? device = null, ScalarType? dtype = null) : base(nameof(SequenceTagger))
    {
        Checks.Positive(classes, nameof(classes));
        encoder = new SequenceEncoder(this, kind, input, hiddenSize, numLayers, bidirectional, dropout, device, dtype);
        Output = Linear(Recurrent.OutputSize, classes, device: device, dtype: dtype);
        register_module("output", Output);
    }

    /// <summary>The recurrent layer (registered as <c>recurrent</c>).</summary>
    public RecurrentLayer Recurrent => encoder.Recurrent;

    /// <summary>The output layer W_hy (registered as <c>output</c>).</summary>
    public Linear Output { get; }

    /// <summary>The input the head takes.</summary>
    public SequenceInput Input => encoder.Spec;

    /// <summary>C.</summary>
    public long Classes => Output.out_features;

    /// <summary>Logits (N, L, C) for full-length sequences.</summary>
    public Tensor forward(Tensor input) => forward(input, null);

    /// <summary>Logits (N, L, C) for sequences of the given <paramref name="lengths"/> (null: all L).</summary>
    public override Tensor forward(Tensor input, Tensor? lengths)
    {
        using var scope = NewDisposeScope();
        var (output, _) = encoder.Encode(input, null, lengths);
        return Output.forward(encoder.Drop(output)).MoveToOuterDisposeScope();
    }
}
