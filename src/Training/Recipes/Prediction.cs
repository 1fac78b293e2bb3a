namespace RnnTorch.Training.Recipes;

/// <summary>What a model says about one input (<c>rnn-torch predict</c>).</summary>
/// <param name="Summary">One line for people: the label, the value in data units, or the tags.</param>
/// <param name="Values">The figures behind it: class probabilities by label, or "value" for regression.</param>
public sealed record Prediction(string Summary, IReadOnlyDictionary<string, double> Values);
