namespace RnnTorch.Data.Tests;

/// <summary>The test classes that share one npm fetch of vega-datasets.</summary>
[CollectionDefinition(Name)]
public sealed class VegaDatasetsCollection : ICollectionFixture<VegaDatasetsFixture>
{
    public const string Name = "vega-datasets";
}
