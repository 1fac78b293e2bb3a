using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// One-to-many from a vector (captioning-style): the input vector sets the decoder's initial hidden state,
/// h0 = tanh(W_init v + b_init) reshaped to (layers, N, H) (an LSTM's c0 is zero), and a token decoder (embedding →
/// unidirectional recurrent layer → <c>output</c>) produces the sequence from BOS, with teacher forcing in training and
/// greedily in <see cref="Generate"/>. Returns logits; softmax belongs in the loss.
/// </summary>
/// <remarks>
/// Shapes (N batch, F vector size, T sequence length, V vocabulary size, H hidden size, layers): vector (N, F) floating;
/// decoder input ids (N, T) int64, BOS followed by the target without its last token. Returns logits (N, T, V).
/// Parameters: <c>initial.weight</c> (layers·H, F), <c>initial.bias</c> (layers·H), <c>embedding.weight</c> (V, E),
/// <c>decoder.rnn.*</c>, <c>output.weight</c> (V, H), <c>output.bias</c> (V).
/// </remarks>
public sealed class ConditionedGenerator : Module<Tensor, Tensor, Tensor>
{
    private readonly TokenDecoder decoder;
    private readonly Random teacherForcingRandom = new(0);

    /// <summary>Creates the model.</summary>
    /// <param name="kind">The decoder's recurrent core.</param>
    /// <param name="vectorSize">F, the size of the conditioning vector.</param>
    /// <param name="vocabSize">V, including the padding token 0 and the BOS (and EOS) tokens.</param>
    /// <param name="embeddingSize">E.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="numLayers">Stacked recurrent layers (each gets its own slice of the initial state).</param>
    /// <param name="dropout">Dropout probability on the embeddings, between recurrent layers and before the output layer (training only).</param>
    /// <param name="device">Where the parameters live.</param>
    /// <param name="dtype">The parameters' dtype.</param>
    public ConditionedGenerator(CoreKind kind, long vectorSize, long vocabSize, long embeddingSize, long hiddenSize, long numLayers = 1,
        double dropout = 0, Device? device = null, ScalarType? dtype = null) : base(nameof(ConditionedGenerator))
    {
        Checks.Positive(vectorSize, nameof(vectorSize));
        Checks.Positive(hiddenSize, nameof(hiddenSize));
        Checks.Positive(numLayers, nameof(numLayers));
        Initial = Linear(vectorSize, numLayers * hiddenSize, device: device, dtype: dtype);
        register_module("initial", Initial);
        decoder = new TokenDecoder(this, "embedding", kind, vocabSize, embeddingSize, hiddenSize, numLayers, dropout, device, dtype);
    }

    /// <summary>The layer from the vector to the initial state, W_init (registered as <c>initial</c>).</summary>
    public Linear Initial { get; }

    /// <summary>The decoder's recurrent layer (registered as <c>decoder</c>).</summary>
    public RecurrentLayer Decoder => decoder.Recurrent;

    /// <summary>The output layer W_hy (registered as <c>output</c>).</summary>
    public Linear Output => decoder.Output;

    /// <summary>F.</summary>
    public long VectorSize => Initial.in_features;

    /// <summary>V.</summary>
    public long VocabSize => decoder.Vocab;

    /// <summary>
    /// The initial state for vectors (N, F): h0 = tanh(W_init v + b_init) as (layers, N, H), and for an LSTM c0 = zeros.
    /// </summary>
    public RecurrentState InitialState(Tensor vector)
    {
        Checks.Features(name, vector, VectorSize, nameof(vector), dims: 2);
        using var scope = NewDisposeScope();
        long batch = vector.size(0), layers = Decoder.NumLayers, hidden = Decoder.HiddenSize;
        var h = Initial.forward(vector).tanh().reshape(batch, layers, hidden).transpose(0, 1).contiguous();
        var c = Decoder.Kind == CoreKind.Lstm ? zeros(h.shape, h.dtype, h.device) : null;
        h.MoveToOuterDisposeScope();
        c?.MoveToOuterDisposeScope();
        return new RecurrentState(h, c);
    }

    /// <summary>Logits (N, T, V) with full teacher forcing (one pass over the decoder input).</summary>
    public override Tensor forward(Tensor vector, Tensor decoderInput) => forward(vector, decoderInput, 1.0, null);

    /// <summary>
    /// Logits (N, T, V). With <paramref name="teacherForcingRatio"/> 1 the decoder reads the whole decoder input in one pass;
    /// below 1 it runs step by step, reading at each later step (for the whole batch) the given token with that probability
    /// and otherwise its own previous argmax over the real tokens 1..V − 1, drawn from <paramref name="random"/> (or the
    /// model's own generator, seeded 0).
    /// </summary>
    public Tensor forward(Tensor vector, Tensor decoderInput, double teacherForcingRatio, Random? random = null)
    {
        Checks.Probability(teacherForcingRatio, nameof(teacherForcingRatio));
        Checks.Features(name, vector, VectorSize, nameof(vector), dims: 2);
        Checks.TokenIds(name, decoderInput, VocabSize, nameof(decoderInput));
        if (decoderInput.size(1) == 0)
            throw new ArgumentException($"{name}: decoderInput must have at least one step (BOS), but has shape {Checks.Shape(decoderInput)}.", nameof(decoderInput));
        if (decoderInput.size(0) != vector.size(0))
            throw new ArgumentException($"{name}: vector and decoderInput must have the same batch size N, but have shapes {Checks.Shape(vector)} and {Checks.Shape(decoderInput)}.", nameof(decoderInput));
        using var scope = NewDisposeScope();
        var state = InitialState(vector);
        return decoder.TeacherForced(decoderInput, state, teacherForcingRatio, random ?? teacherForcingRandom).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Greedy generation from one vector (F): starts at <paramref name="bos"/> and feeds back each argmax (over the real
    /// tokens 1..V − 1: never the padding token), for <paramref name="length"/> tokens at most, stopping at
    /// <paramref name="eos"/> (not included) when given. Runs under no_grad in eval mode and restores the training flag.
    /// </summary>
    public long[] Generate(Tensor vector, int length, long bos, long? eos = null)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.dim() != 1)
            throw new ArgumentException($"{name}: expected one vector of shape ({VectorSize}), but got {Checks.Describe(vector)}.", nameof(vector));
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), length, "length must be ≥ 0.");
        Checks.Token(name, bos, VocabSize, nameof(bos));
        if (eos is { } e) Checks.Token(name, e, VocabSize, nameof(eos));
        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var state = InitialState(vector.unsqueeze(0));
            return decoder.Greedy(state, 1, bos, eos, length)[0];
        }
        finally
        {
            train(wasTraining);
        }
    }
}
