namespace RnnTorch.Training.Recipes;

/// <summary>What a model predicts on validation data, for a report: one of the derived records.</summary>
public abstract record PredictionView;
