namespace RnnTorch.Training.Recipes;

/// <summary>Classification (or tagging) on validation data: the confusion matrix, rows actual, columns predicted.</summary>
/// <param name="Labels">The class names.</param>
/// <param name="Confusion">Labels.Count × Labels.Count counts.</param>
public sealed record ClassificationView(IReadOnlyList<string> Labels, long[,] Confusion) : PredictionView;
