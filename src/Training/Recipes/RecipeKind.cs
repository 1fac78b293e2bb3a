namespace RnnTorch.Training.Recipes;

/// <summary>What a <see cref="Recipe"/> trains its model to do.</summary>
public enum RecipeKind
{
    /// <summary>Many-to-one regression of a value (e.g. next-day temperature), reported in data units.</summary>
    Regression,

    /// <summary>Many-to-one classification of a sequence.</summary>
    Classification,

    /// <summary>Many-to-many tagging: one class per time step.</summary>
    Tagging,

    /// <summary>Next-token language modelling with generation.</summary>
    LanguageModel,
}
