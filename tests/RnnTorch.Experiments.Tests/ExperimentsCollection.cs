namespace RnnTorch.Experiments.Tests;

/// <summary>The experiment scripts run one at a time: each trains a model and would compete for the same cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExperimentsCollection
{
    public const string Name = "experiments";
}
