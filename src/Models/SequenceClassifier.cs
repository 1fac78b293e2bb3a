using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// Many-to-one classification: input layer → recurrent layer → the top layer's final state of each sequence (both
/// directions concatenated) → <c>output</c>, y = W_hy h + b: logits, one per class. Softmax belongs in the loss
/// (<c>cross_entropy</c>).
/// </summary>
/// <remarks>
/// Shapes (N batch, L padded length, F features, D·H the recurrent output size, C classes): input token ids (N, L) int64
/// or features (N, L, F) as <see cref="SequenceInput"/> says; lengths (N) in 1..L, or null for full-length sequences.
/// Returns logits (N, C). Parameters: <c>embedding.weight</c> or <c>projection.*</c> (if any), <c>recurrent.rnn.*</c>,
/// <c>output.weight</c> (C, D·H), <c>output.bias</c> (C).
/// </remarks>
public sealed class SequenceClassifier : Module<Tensor, Tensor?, Tensor>
{
    private readonly SequenceEncoder encoder;

    /// <summary>Creates the head.</summary>
    /// <param name="kind">The recurrent core.</param>
    /// <param name="input">Token ids or features, and the input layer.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="classes">C, the number of classes.</param>
    /// <param name="numLayers">Stacked recurrent layers.</param>
    /// <param name="bidirectional">Whether the recurrent layer also runs backwards (D = 2).</param>
    /// <param name="dropout">Dropout probability on the embedded input, between recurrent layers and before the output layer (training only).</param>
    /// <param name="device">Where the parameters live.</param>
    /// <param name="dtype">The parameters' dtype.</param>
    public SequenceClassifier(CoreKind kind, SequenceInput input, long hiddenSize, long classes, long numLayers = 1, bool bidirectional = false,
        double dropout = 0, Device? device = null, ScalarType? dtype = null) : base(nameof(SequenceClassifier))
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

    /// <summary>Logits (N, C) for full-length sequences.</summary>
    public Tensor forward(Tensor input) => forward(input, null);

    /// <summary>Logits (N, C) for sequences of the given <paramref name="lengths"/> (null: all L).</summary>
    public override Tensor forward(Tensor input, Tensor? lengths)
    {
        using var scope = NewDisposeScope();
        var (_, state) = encoder.Encode(input, null, lengths);
        var last = Recurrent.TopLayerState(state);
        return Output.forward(encoder.Drop(last)).MoveToOuterDisposeScope();
    }
}
