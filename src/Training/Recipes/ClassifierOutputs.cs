using static RnnTorch.torch;

namespace RnnTorch.Training.Recipes;

/// <summary>Shared pieces of the classification and tagging recipes: confusion matrices and probabilities.</summary>
internal static class ClassifierOutputs
{
    /// <summary>Counts (actual, predicted) pairs of logits (…, C) against targets (…), skipping positions past each length when given.</summary>
    public static void Count(long[,] confusion, Tensor logits, Tensor targets, Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var predicted = logits.argmax(-1).to(ScalarType.Int64, CPU).flatten().data<long>().ToArray();
        var actual = targets.to(ScalarType.Int64, CPU).flatten().data<long>().ToArray();
        var keep = mask?.to(ScalarType.Bool, CPU).flatten().data<bool>().ToArray();
        for (int i = 0; i < actual.Length; i++)
            if (keep is null || keep[i]) confusion[actual[i], predicted[i]]++;
    }

    /// <summary>The softmax of one row of logits as doubles.</summary>
    public static double[] Probabilities(Tensor logits)
    {
        using var scope = NewDisposeScope();
        return softmax(logits.to(ScalarType.Float64, CPU).flatten(), 0).data<double>().ToArray();
    }

    /// <summary>A prediction: the most likely label and every label's probability.</summary>
    public static Prediction Describe(IReadOnlyList<string> labels, double[] probabilities, string what)
    {
        int best = Array.IndexOf(probabilities, probabilities.Max());
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int k = 0; k < labels.Count; k++) values[labels[k]] = probabilities[k];
        string top = string.Join(", ", values.OrderByDescending(p => p.Value).Take(5)
            .Select(p => $"{p.Key} {p.Value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}"));
        return new Prediction($"{what}: {labels[best]} ({top})", values);
    }
}
