namespace RnnTorch.Models;

/// <summary>How <see cref="ElmanRnn"/> computes its gradients.</summary>
public enum ElmanBackward
{
    /// <summary>
    /// Backpropagation through time written out by hand (<see cref="ElmanRecurrence"/>), plugged into autograd as one
    /// custom function per layer and direction; weight gradients come from one matrix product over all steps. The default.
    /// </summary>
    Manual = 0,

    /// <summary>libtorch's autograd records every step of the unrolled cell (the textbook way; slower).</summary>
    Autograd = 1,
}
