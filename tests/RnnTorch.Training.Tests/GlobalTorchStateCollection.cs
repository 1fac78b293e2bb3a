namespace RnnTorch.Training.Tests;

/// <summary>
/// Tests that seed libtorch's global generator, read or restore its state, or otherwise rely on nobody else drawing
/// random numbers meanwhile, run alone and one at a time (other test classes draw from the same generator in parallel).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalTorchStateCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "GlobalTorchState";
}
