namespace RnnTorch.Training.Recipes;

/// <summary>Regression on validation data: actual and predicted values in data units, in time order.</summary>
/// <param name="Quantity">What is predicted, e.g. "next-day temp_max".</param>
/// <param name="Unit">Its unit, e.g. "°C".</param>
/// <param name="Actual">The actual values.</param>
/// <param name="Predicted">The model's predictions, as many as <paramref name="Actual"/>.</param>
public sealed record RegressionView(string Quantity, string Unit, IReadOnlyList<double> Actual, IReadOnlyList<double> Predicted) : PredictionView;
