namespace RnnTorch.Models;

/// <summary>What <see cref="ElmanBptt.Backward"/> computes: the forward results and the gradient of every parameter.</summary>
/// <param name="Output">The network's output (as its forward returns it).</param>
/// <param name="HN">The final hidden states.</param>
/// <param name="InputGrad">dL/d input.</param>
/// <param name="H0Grad">dL/d h0.</param>
/// <param name="ParameterGrads">dL/d each parameter, by its state-dict name.</param>
public sealed record ElmanGradients(Tensor Output, Tensor HN, Tensor InputGrad, Tensor H0Grad, IReadOnlyDictionary<string, Tensor> ParameterGrads)
    : IDisposable
{
    internal void DetachFromScope()
    {
        foreach (var t in All()) t.DetachFromDisposeScope();
    }

    private IEnumerable<Tensor> All() => new[] { Output, HN, InputGrad, H0Grad }.Concat(ParameterGrads.Values);

    /// <summary>Disposes every tensor.</summary>
    public void Dispose()
    {
        foreach (var t in All()) t.Dispose();
    }
}
