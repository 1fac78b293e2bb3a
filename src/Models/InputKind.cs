namespace RnnTorch.Models;

/// <summary>What a head's input sequences hold (see <see cref="SequenceInput"/>).</summary>
public enum InputKind
{
    /// <summary>Token ids (N, L), int64, in 0..vocab − 1 with 0 the padding token; read through an <c>Embedding</c>.</summary>
    Tokens = 0,

    /// <summary>Feature vectors (N, L, F), floating; optionally projected by a <c>Linear</c> layer.</summary>
    Features = 1,
}
