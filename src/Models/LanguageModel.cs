using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// A recurrent language model (many-to-many, same length): embedding → unidirectional recurrent layer → <c>output</c> at
/// every step, y_t = W_hy h_t + b, the logits of the token that follows step t. Train with <c>cross_entropy</c> against the
/// input shifted left by one; carry the returned state into the next chunk of a long text (detached, for truncated
/// backpropagation through time). <see cref="Generate"/> is the one-to-many use: a prompt in, a continuation out.
/// </summary>
/// <remarks>
/// Shapes (N batch, L length, V vocabulary size, H hidden size, layers): input token ids (N, L) int64 in 0..V − 1 (0 is
/// the padding token, whose embedding stays zero); state h (layers, N, H) (and c for an LSTM) or null for zeros.
/// Returns logits (N, L, V) and the state after the last step. Parameters: <c>embedding.weight</c> (V, E),
/// <c>recurrent.rnn.*</c>, <c>output.weight</c> (V, H), <c>output.bias</c> (V).
/// </remarks>
public sealed class LanguageModel : Module<Tensor, RecurrentState?, (Tensor logits, RecurrentState state)>
{
    private readonly SequenceEncoder encoder;

    /// <summary>Creates the model.</summary>
    /// <param name="kind">The recurrent core.</param>
    /// <param name="vocabSize">V, including the padding token 0.</param>
    /// <param name="embeddingSize">E.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="numLayers">Stacked recurrent layers.</param>
    /// <param name="dropout">Dropout probability on the embeddings, between recurrent layers and before the output layer (training only).</param>
    /// <param name="device">Where the parameters live.</param>
    /// <param name="dtype">The parameters' dtype.</param>
    public LanguageModel(CoreKind kind, long vocabSize, long embeddingSize, long hiddenSize, long numLayers = 1, double dropout = 0,
        Device? device = null, ScalarType? dtype = null) : base(nameof(LanguageModel))
    {
        encoder = new SequenceEncoder(this, kind, SequenceInput.Tokens(vocabSize, embeddingSize), hiddenSize, numLayers, bidirectional: false,
            dropout, device, dtype);
        Output = Linear(hiddenSize, vocabSize, device: device, dtype: dtype);
        register_module("output", Output);
    }

    /// <summary>The recurrent layer (registered as <c>recurrent</c>).</summary>
    public RecurrentLayer Recurrent => encoder.Recurrent;

    /// <summary>The output layer W_hy (registered as <c>output</c>).</summary>
    public Linear Output { get; }

    /// <summary>V, including the padding token 0.</summary>
    public long VocabSize => encoder.Spec.Size;

    /// <summary>Logits (N, L, V) and the final state, from a zero state.</summary>
    public (Tensor logits, RecurrentState state) forward(Tensor input) => forward(input, null);

    /// <summary>Logits (N, L, V) and the final state, from <paramref name="state"/> (zeros when null): the state returned by the previous chunk.</summary>
    public override (Tensor logits, RecurrentState state) forward(Tensor input, RecurrentState? state)
    {
        using var scope = NewDisposeScope();
        var (output, final) = encoder.Encode(input, state, null);
        var logits = Output.forward(encoder.Drop(output));
        logits.MoveToOuterDisposeScope();
        final.H.MoveToOuterDisposeScope();
        final.C?.MoveToOuterDisposeScope();
        return (logits, final);
    }

    /// <summary>
    /// Continues <paramref name="prompt"/> by <paramref name="length"/> tokens, each drawn from softmax(logits /
    /// <paramref name="temperature"/>) over the <paramref name="topK"/> most likely tokens (0: all) with
    /// <c>System.Random(<paramref name="seed"/>)</c> on the CPU, so the result depends on the seed alone and libtorch's
    /// global generator is left untouched. <paramref name="temperature"/> 0 or <paramref name="topK"/> 1 is greedy
    /// (argmax). The padding token 0 is never produced (the choice is among 1..V − 1). Runs under no_grad in eval mode
    /// (no dropout) and restores the training flag. Returns the continuation only (without the prompt).
    /// </summary>
    public long[] Generate(long[] prompt, int length, double temperature = 1.0, int topK = 0, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Length == 0) throw new ArgumentException($"{nameof(LanguageModel)}: the prompt must hold at least one token.", nameof(prompt));
        for (int i = 0; i < prompt.Length; i++) Checks.Token(nameof(LanguageModel), prompt[i], VocabSize, $"{nameof(prompt)}[{i}]");
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), length, "length must be ≥ 0.");
        TokenSampler.CheckOptions(temperature, topK);
        var random = new Random(seed);
        var result = new long[length];
        if (length == 0) return result;
        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var device = Output.weight.device;
            var input = tensor(prompt, new long[] { 1, prompt.Length }, ScalarType.Int64, device);
            RecurrentState? state = null;
            for (int step = 0; step < length; step++)
            {
                using var stepScope = NewDisposeScope();
                var (logits, next) = forward(input, state);
                using var last = logits.select(1, -1).select(0, 0).to(ScalarType.Float64, CPU);
                // Token 0 is padding, never a real continuation: choose among 1..V − 1.
                long token = 1 + TokenSampler.Pick(last.data<double>().ToArray()[1..], temperature, topK, random);
                result[step] = token;
                input.Dispose();
                state?.Dispose();
                input = tensor(new[] { token }, new long[] { 1, 1 }, ScalarType.Int64, device).MoveToOuterDisposeScope();
                next.H.MoveToOuterDisposeScope();
                next.C?.MoveToOuterDisposeScope();
                state = next;
            }
        }
        finally
        {
            train(wasTraining);
        }
        return result;
    }
}
