namespace RnnTorch.Data;

public static partial class DatasetRegistry
{
    /// <summary>Registers <c>sentiment</c>, <c>word-language</c> and <c>moby-dick</c> with their default settings.</summary>
    static partial void RegisterText()
    {
        Register(SentimentDataset.Info, () => SentimentDataset.Load());
        Register(WordLanguageDataset.Info, () => WordLanguageDataset.Load());
        Register(MobyDickDataset.Info, () => MobyDickDataset.Load());
    }
}
