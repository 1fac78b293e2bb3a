using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// An encoder–decoder for many-to-many of different lengths (translation, copying, reversing): the encoder (embedding →
/// unidirectional recurrent layer) reads the source; its final state, each sequence's state at its own last token, is the
/// decoder's initial state; the decoder (embedding → recurrent layer of the same kind, layers and hidden size →
/// <c>output</c>) predicts the target one token at a time from BOS and the tokens before. Returns logits; softmax
/// belongs in the loss (<c>cross_entropy</c> with ignore_index 0 for padded targets).
/// </summary>
/// <remarks>
/// Shapes (N batch, S source length, T target length, V_s / V_t vocabulary sizes, H hidden size): source ids (N, S)
/// int64 in 0..V_s − 1 (0 = padding); source lengths (N) in 1..S or null; decoder input ids (N, T) int64 in 0..V_t − 1,
/// BOS followed by the target without its last token. Returns logits (N, T, V_t), whose step t predicts target token t.
/// Parameters: <c>source_embedding.weight</c>, <c>encoder.rnn.*</c>, <c>target_embedding.weight</c>, <c>decoder.rnn.*</c>,
/// <c>output.weight</c> (V_t, H), <c>output.bias</c> (V_t).
/// </remarks>
public sealed class Seq2Seq : Module<Tensor, Tensor?, Tensor, Tensor>
{
    private readonly SequenceEncoder encoder;
    private readonly TokenDecoder decoder;
    private readonly Random teacherForcingRandom = new(0);

    /// <summary>Creates the model.</summary>
    /// <param name="kind">The recurrent core of both encoder and decoder.</param>
    /// <param name="sourceVocab">V_s, including the padding token 0.</param>
    /// <param name="targetVocab">V_t, including the padding token 0 and the BOS and EOS tokens.</param>
    /// <param name="embeddingSize">E, for both embeddings.</param>
    /// <param name="hiddenSize">H, for both recurrent layers.</param>
    /// <param name="numLayers">Stacked layers, in both recurrent layers.</param>
    /// <param name="dropout">Dropout probability on the embeddings, between recurrent layers and before the output layer (training only).</param>
    /// <param name="device">Where the parameters live.</param>
    /// <param name="dtype">The parameters' dtype.</param>
    public Seq2Seq(CoreKind kind, long sourceVocab, long targetVocab, long embeddingSize, long hiddenSize, long numLayers = 1, double dropout = 0,
        Device? device = null, ScalarType? dtype = null) : base(nameof(Seq2Seq))
    {
        encoder = new SequenceEncoder(this, kind, SequenceInput.Tokens(sourceVocab, embeddingSize), hiddenSize, numLayers, bidirectional: false,
            dropout, device, dtype, inputName: "source_embedding", recurrentName: "encoder");
        decoder = new TokenDecoder(this, "target_embedding", kind, targetVocab, embeddingSize, hiddenSize, numLayers, dropout, device, dtype,
            encoder.DropoutLayer);
    }

    /// <summary>The encoder's recurrent layer (registered as <c>encoder</c>).</summary>
    public RecurrentLayer Encoder => encoder.Recurrent;

    /// <summary>The decoder's recurrent layer (registered as <c>decoder</c>).</summary>
    public RecurrentLayer Decoder => decoder.Recurrent;

    /// <summary>The output layer W_hy (registered as <c>output</c>).</summary>
    public Linear Output => decoder.Output;

    /// <summary>V_s.</summary>
    public long SourceVocab => encoder.Spec.Size;

    /// <summary>V_t.</summary>
    public long TargetVocab => decoder.Vocab;

    /// <summary>Logits (N, T, V_t) with full teacher forcing (one pass over the decoder input).</summary>
    public override Tensor forward(Tensor source, Tensor? sourceLengths, Tensor decoderInput) =>
        forward(source, sourceLengths, decoderInput, 1.0, null);

    /// <summary>
    /// Logits (N, T, V_t). With <paramref name="teacherForcingRatio"/> 1 the decoder reads the whole decoder input in one
    /// pass. Below 1 it runs step by step: at each step after the first, for the whole batch, it reads the given token with
    /// probability <paramref name="teacherForcingRatio"/> and otherwise the argmax of its own previous logits over the real
    /// tokens 1..V_t − 1 (0: always its own). The draws come from <paramref name="random"/>, or from the model's own
    /// generator (seeded 0 at construction) when null.
    /// </summary>
    public Tensor forward(Tensor source, Tensor? sourceLengths, Tensor decoderInput, double teacherForcingRatio, Random? random = null)
    {
        Checks.Probability(teacherForcingRatio, nameof(teacherForcingRatio));
        Checks.TokenIds(name, source, SourceVocab, nameof(source));
        Checks.TokenIds(name, decoderInput, TargetVocab, nameof(decoderInput));
        if (decoderInput.size(1) == 0)
            throw new ArgumentException($"{name}: decoderInput must have at least one step (BOS), but has shape {Checks.Shape(decoderInput)}.", nameof(decoderInput));
        if (decoderInput.size(0) != source.size(0))
            throw new ArgumentException($"{name}: source and decoderInput must have the same batch size N, but have shapes {Checks.Shape(source)} and {Checks.Shape(decoderInput)}.", nameof(decoderInput));
        using var scope = NewDisposeScope();
        var (_, state) = encoder.Encode(source, null, sourceLengths);
        return decoder.TeacherForced(decoderInput, state, teacherForcingRatio, random ?? teacherForcingRandom).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Greedy decoding: encodes <paramref name="source"/> (N, S) (or one sequence (S)) and decodes from
    /// <paramref name="bos"/>, feeding back each argmax (over the real tokens 1..V_t − 1: never the padding token), for
    /// at most <paramref name="maxLength"/> tokens; a sequence stops at <paramref name="eos"/>, which is not included. Runs under no_grad in eval mode and restores the training flag.
    /// </summary>
    public long[][] Translate(Tensor source, Tensor? lengths, int maxLength, long bos, long eos)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (maxLength < 0) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength must be ≥ 0.");
        Checks.Token(name, bos, TargetVocab, nameof(bos));
        Checks.Token(name, eos, TargetVocab, nameof(eos));
        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var batched = source.dim() == 1 ? source.unsqueeze(0) : source;
            Checks.TokenIds(name, batched, SourceVocab, nameof(source), shape: "(N, S) or (S)");
            var (_, state) = encoder.Encode(batched, null, lengths);
            return decoder.Greedy(state, batched.size(0), bos, eos, maxLength);
        }
        finally
        {
            train(wasTraining);
        }
    }
}
