namespace RnnTorch.Training.Recipes;

/// <summary>A language model's sample continuing a prompt.</summary>
/// <param name="Prompt">The prompt.</param>
/// <param name="Sample">The continuation (without the prompt).</param>
public sealed record SampleView(string Prompt, string Sample) : PredictionView;
