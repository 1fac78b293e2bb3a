using static RnnTorch.torch;

namespace RnnTorch.Models;

/// <summary>Argument checks shared by the recurrent layer and the heads, with messages naming expected and actual shapes and dtypes.</summary>
internal static class Checks
{
    /// <summary>"[2, 3]".</summary>
    public static string Shape(Tensor t) => $"[{string.Join(", ", t.shape)}]";

    /// <summary>"shape [2, 3] and dtype Int64".</summary>
    public static string Describe(Tensor t) => $"shape {Shape(t)} and dtype {t.dtype}";

    public static bool IsInteger(ScalarType t) => t is ScalarType.Int64 or ScalarType.Int32 or ScalarType.Int16 or ScalarType.Int8 or ScalarType.Byte;

    public static void Positive(long value, string name)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
    }

    public static void Probability(double value, string name)
    {
        if (!(value >= 0 && value <= 1)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a probability in [0, 1].");
    }

    /// <summary>Token ids: int64 of <paramref name="dims"/> dimensions with every value in [0, <paramref name="vocab"/>).</summary>
    public static void TokenIds(string owner, Tensor ids, long vocab, string name, int dims = 2, string shape = "(N, L)")
    {
        ArgumentNullException.ThrowIfNull(ids, name);
        if (ids.dim() != dims || ids.dtype != ScalarType.Int64)
            throw new ArgumentException($"{owner}: expected {name} to be token ids of shape {shape} and dtype Int64, but got {Describe(ids)}.", name);
        if (ids.numel() == 0) return;
        using var min = ids.min();
        using var max = ids.max();
        long lo = min.item<long>(), hi = max.item<long>();
        if (lo < 0 || hi >= vocab)
            throw new ArgumentException($"{owner}: {name} must hold token ids in 0..{vocab - 1} (the vocabulary size is {vocab}), but holds values from {lo} to {hi}.", name);
    }

    /// <summary>A single token id in [0, <paramref name="vocab"/>).</summary>
    public static void Token(string owner, long token, long vocab, string name)
    {
        if (token < 0 || token >= vocab)
            throw new ArgumentOutOfRangeException(name, token, $"{owner}: {name} must be a token id in 0..{vocab - 1} (the vocabulary size is {vocab}).");
    }

    /// <summary>
    /// Sequence lengths: 1-D with <paramref name="batch"/> integer entries, each in 1..<paramref name="steps"/>; null passes.
    /// </summary>
    public static void Lengths(string owner, Tensor? lengths, long batch, long steps, string name = "lengths")
    {
        if (lengths is null) return;
        if (lengths.dim() != 1 || lengths.size(0) != batch || !IsInteger(lengths.dtype))
            throw new ArgumentException($"{owner}: expected {name} of shape ({batch}) (one length per sequence) and an integer dtype, but got {Describe(lengths)}.", name);
        using var lens = lengths.to(ScalarType.Int64, CPU);
        var values = lens.data<long>().ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] < 1 || values[i] > steps)
                throw new ArgumentException($"{owner}: {name}[{i}] is {values[i]}, but every length must be in 1..{steps} (the padded sequence length).", name);
        }
    }

    /// <summary>Features: floating point (N, L, F) or, with <paramref name="dims"/> = 2, (N, F).</summary>
    public static void Features(string owner, Tensor input, long features, string name, int dims = 3)
    {
        ArgumentNullException.ThrowIfNull(input, name);
        string expected = dims == 3 ? $"(N, L, {features})" : $"(N, {features})";
        if (input.dim() != dims || input.size(-1) != features || !input.is_floating_point())
            throw new ArgumentException($"{owner}: expected {name} to be features of shape {expected} and a floating dtype, but got {Describe(input)}.", name);
    }
}
