namespace RnnTorch.Models;

/// <summary>
/// Describes a head's input layer: token ids through an <c>Embedding</c> (registered as <c>embedding</c>, padding_idx 0),
/// or features, fed to the recurrent core directly or through a <c>Linear</c> projection (registered as <c>projection</c>).
/// </summary>
public sealed record SequenceInput
{
    private SequenceInput(InputKind kind, long size, long? layerSize)
    {
        Kind = kind;
        Size = size;
        LayerSize = layerSize;
    }

    /// <summary>Token ids or features.</summary>
    public InputKind Kind { get; }

    /// <summary>The vocabulary size (tokens, including the padding token 0) or F, the number of features per step.</summary>
    public long Size { get; }

    /// <summary>The embedding size (tokens), or the projection's output size (features; null: no projection).</summary>
    public long? LayerSize { get; }

    /// <summary>The size of each step the recurrent core sees: <see cref="LayerSize"/>, or <see cref="Size"/> without a layer.</summary>
    public long RecurrentInputSize => LayerSize ?? Size;

    /// <summary>Token ids in 0..<paramref name="vocabSize"/> − 1 (0 = padding), embedded in <paramref name="embeddingSize"/> dimensions.</summary>
    public static SequenceInput Tokens(long vocabSize, long embeddingSize)
    {
        if (vocabSize < 2) throw new ArgumentOutOfRangeException(nameof(vocabSize), vocabSize, "vocabSize must be at least 2 (the padding token 0 and one more).");
        Checks.Positive(embeddingSize, nameof(embeddingSize));
        return new SequenceInput(InputKind.Tokens, vocabSize, embeddingSize);
    }

    /// <summary><paramref name="features"/> values per step, projected to <paramref name="projectionSize"/> by a Linear layer (null: none).</summary>
    public static SequenceInput Features(long features, long? projectionSize = null)
    {
        Checks.Positive(features, nameof(features));
        if (projectionSize is { } p) Checks.Positive(p, nameof(projectionSize));
        return new SequenceInput(InputKind.Features, features, projectionSize);
    }

    /// <summary>"Tokens(vocab 20, embedding 8)" or "Features(3 → 8)".</summary>
    public override string ToString() => Kind == InputKind.Tokens
        ? $"Tokens(vocab {Size}, embedding {LayerSize})"
        : LayerSize is { } p ? $"Features({Size} → {p})" : $"Features({Size})";
}
