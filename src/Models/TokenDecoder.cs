using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// The token decoder of the encoder–decoder heads: an embedding, a unidirectional recurrent layer (<c>decoder</c>), a
/// parameterless <c>dropout</c> (unless the head shares its own) and the output layer (<c>output</c>), registered on the
/// head in that order; run with
/// teacher forcing (all at once, or step by step feeding back the model's own argmax) or greedily.
/// </summary>
internal sealed class TokenDecoder
{
    private readonly Embedding embedding;
    private readonly Dropout dropout;

    public TokenDecoder(Module head, string embeddingName, CoreKind kind, long vocab, long embeddingSize, long hiddenSize, long numLayers,
        double dropoutP, Device? device, ScalarType? dtype, Dropout? sharedDropout = null)
    {
        if (vocab < 2) throw new ArgumentOutOfRangeException(nameof(vocab), vocab, "the vocabulary must hold at least 2 tokens (the padding token 0 and one more).");
        Checks.Positive(embeddingSize, nameof(embeddingSize));
        Checks.Probability(dropoutP, "dropout");
        Vocab = vocab;
        embedding = Embedding(vocab, embeddingSize, padding_idx: 0, device: device, dtype: dtype);
        head.register_module(embeddingName, embedding);
        Recurrent = new RecurrentLayer(kind, embeddingSize, hiddenSize, numLayers, bidirectional: false, dropoutP, device, dtype);
        head.register_module("decoder", Recurrent);
        if (sharedDropout is not null)
        {
            dropout = sharedDropout;
        }
        else
        {
            dropout = Dropout(dropoutP);
            head.register_module("dropout", dropout);
        }
        Output = Linear(hiddenSize, vocab, device: device, dtype: dtype);
        head.register_module("output", Output);
    }

    public long Vocab { get; }

    public RecurrentLayer Recurrent { get; }

    public Linear Output { get; }

    public Tensor Drop(Tensor x) => dropout.forward(x);

    /// <summary>Logits (N, T, V) and the final state for decoder input ids (N, T), from <paramref name="state"/>.</summary>
    public (Tensor logits, RecurrentState state) Run(Tensor tokens, RecurrentState? state)
    {
        using var scope = NewDisposeScope();
        var (output, final) = Recurrent.forward(dropout.forward(embedding.forward(tokens)), state, null);
        var logits = Output.forward(dropout.forward(output));
        logits.MoveToOuterDisposeScope();
        final.H.MoveToOuterDisposeScope();
        final.C?.MoveToOuterDisposeScope();
        return (logits, final);
    }

    /// <summary>
    /// Logits (N, T, V) for decoder input ids (N, T) (BOS, then the target shifted right). With <paramref name="ratio"/> ≥ 1,
    /// one pass over the whole input (teacher forcing). Otherwise step by step: step 0 reads the first column; each later
    /// step reads, for the whole batch, the given token with probability <paramref name="ratio"/> and else the argmax of the
    /// previous step's logits over the real tokens 1..V − 1 (one <paramref name="random"/> draw per step).
    /// </summary>
    public Tensor TeacherForced(Tensor decoderInput, RecurrentState state, double ratio, Random random)
    {
        if (ratio >= 1) return Run(decoderInput, state).logits;
        using var scope = NewDisposeScope();
        long steps = decoderInput.size(1);
        var outputs = new List<Tensor>();
        var current = state;
        Tensor? previous = null;
        for (long t = 0; t < steps; t++)
        {
            bool teacher = t == 0 || random.NextDouble() < ratio;
            var tokens = teacher ? decoderInput.narrow(1, t, 1) : ArgmaxToken(previous!);   // (N, 1)
            var (logits, next) = Run(tokens, current);
            outputs.Add(logits);
            previous = logits.detach();
            current = next;
        }
        return cat(outputs, 1).MoveToOuterDisposeScope();
    }

    /// <summary>The most likely token of each step (…, V) other than the padding token 0: (…) int64 in 1..V − 1.</summary>
    public static Tensor ArgmaxToken(Tensor logits)
    {
        using var real = logits.narrow(-1, 1, logits.size(-1) - 1);
        using var index = real.argmax(-1);
        return index + 1;
    }

    /// <summary>
    /// Greedy decoding from <paramref name="state"/> for <paramref name="batch"/> sequences starting at <paramref name="bos"/>:
    /// at most <paramref name="maxLength"/> tokens each (argmax over the real tokens 1..V − 1, never the padding token 0),
    /// stopping a sequence at <paramref name="eos"/> (not included).
    /// Call under no_grad.
    /// </summary>
    public long[][] Greedy(RecurrentState state, long batch, long bos, long? eos, int maxLength)
    {
        var results = Enumerable.Range(0, (int)batch).Select(_ => new List<long>()).ToArray();
        var done = new bool[batch];
        using var scope = NewDisposeScope();
        var tokens = full(new[] { batch, 1L }, bos, ScalarType.Int64, Output.weight.device);
        var current = state;
        for (int step = 0; step < maxLength && done.Contains(false); step++)
        {
            var (logits, next) = Run(tokens, current);
            tokens = ArgmaxToken(logits);                                  // (N, 1)
            var picked = tokens.data<long>().ToArray();
            for (int i = 0; i < batch; i++)
            {
                if (done[i]) continue;
                if (eos == picked[i]) done[i] = true;
                else results[i].Add(picked[i]);
            }
            current = next;
        }
        return results.Select(r => r.ToArray()).ToArray();
    }
}
