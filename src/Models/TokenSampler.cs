namespace RnnTorch.Models;

/// <summary>
/// Picks the next token from a step's logits on the CPU: greedy (argmax, first of equals), or a draw from
/// softmax(logits / temperature) restricted to the top-k tokens, with <see cref="System.Random"/> so that generation is
/// reproducible from a seed and leaves libtorch's global generator alone.
/// </summary>
internal static class TokenSampler
{
    public static void CheckOptions(double temperature, int topK)
    {
        if (!(temperature >= 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be finite and ≥ 0 (0 = greedy).");
        if (topK < 0) throw new ArgumentOutOfRangeException(nameof(topK), topK, "topK must be ≥ 0 (0 = all tokens, 1 = greedy).");
    }

    public static long Argmax(ReadOnlySpan<double> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best]) best = i;
        }
        return best;
    }

    public static long Pick(double[] logits, double temperature, int topK, Random random)
    {
        if (logits.Any(double.IsNaN)) throw new InvalidOperationException("the model produced NaN logits; cannot sample a token.");
        if (temperature == 0 || topK == 1) return Argmax(logits);
        var order = Enumerable.Range(0, logits.Length).OrderByDescending(i => logits[i]).ThenBy(i => i).ToArray();
        if (topK > 0 && topK < order.Length) order = order[..topK];
        double max = logits[order[0]];
        var weights = order.Select(i => Math.Exp((logits[i] - max) / temperature)).ToArray();
        double u = random.NextDouble() * weights.Sum();
        for (int j = 0; j < order.Length; j++)
        {
            u -= weights[j];
            if (u < 0) return order[j];
        }
        return order[^1];
    }
}
