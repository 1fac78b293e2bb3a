namespace RnnTorch.Training.Recipes;

/// <summary>A part of a recipe's data.</summary>
public enum DataSplit
{
    /// <summary>The training part.</summary>
    Train,

    /// <summary>The validation part (model selection, the curves).</summary>
    Validation,

    /// <summary>The test part (held out).</summary>
    Test,
}
