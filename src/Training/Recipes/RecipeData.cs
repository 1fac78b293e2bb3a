namespace RnnTorch.Training.Recipes;

/// <summary>A recipe's batches, made once: tensors on the CPU, owned (and disposed) by the recipe.</summary>
/// <param name="Train">Training batches, in a fixed order (the trainer shuffles their order per epoch).</param>
/// <param name="Validation">Validation batches.</param>
/// <param name="Test">Test batches.</param>
public sealed record RecipeData(IReadOnlyList<SequenceBatch> Train, IReadOnlyList<SequenceBatch> Validation, IReadOnlyList<SequenceBatch> Test);
