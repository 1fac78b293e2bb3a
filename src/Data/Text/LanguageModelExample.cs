namespace RnnTorch.Data;

/// <summary>
/// One window of a language-modelling corpus (many-to-many): the input ids and, at each position, the id that
/// follows (the input shifted by one).
/// </summary>
/// <param name="Input">The ids at positions start … start + length − 1.</param>
/// <param name="Target">The ids at positions start + 1 … start + length.</param>
public sealed record LanguageModelExample(long[] Input, long[] Target);
