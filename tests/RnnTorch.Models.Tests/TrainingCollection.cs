namespace RnnTorch.Models.Tests;

/// <summary>
/// Tests that train models from a fixed seed, or that rely on libtorch's global generator staying untouched, run alone
/// and one at a time: no other test draws from the generator meanwhile, and CPU time is not shared.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Training";
}
