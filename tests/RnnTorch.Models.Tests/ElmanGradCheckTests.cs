using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>Finite differences in float64 against the hand-rolled cell and layer (both backward modes).</summary>
public sealed class ElmanGradCheckTests
{
    [Theory]
    [InlineData(NonLinearities.Tanh)]
    [InlineData(NonLinearities.ReLU)]
    public void CellGradientsMatchFiniteDifferences(NonLinearities act)
    {
        manual_seed(4);
        using var cell = new ElmanCell(3, 4, act, dtype: ScalarType.Float64);
        var w = randn(new long[] { 2, 4 }, ScalarType.Float64);
        ModuleGradCheck.Check(cell, v => (cell.forward(v[0], v[1]) * w).sum(), new[] { randn(2, 3), randn(2, 4) });
    }

    [Theory]
    [InlineData(ElmanBackward.Manual, false)]
    [InlineData(ElmanBackward.Manual, true)]
    [InlineData(ElmanBackward.Autograd, true)]
    public void LayerGradientsMatchFiniteDifferences(ElmanBackward mode, bool variable)
    {
        manual_seed(9);
        using var rnn = new ElmanRnn(2, 3, numLayers: 2, bidirectional: true, dtype: ScalarType.Float64, backward: mode);
        var lengths = variable ? tensor(new long[] { 4, 2 }) : null;
        var w = randn(new long[] { 4, 2, 6 }, ScalarType.Float64);
        var wh = randn(new long[] { 4, 2, 3 }, ScalarType.Float64);
        ModuleGradCheck.Check(rnn, v =>
        {
            var (output, h) = rnn.forward(v[0], v[1], lengths);
            return (output * w).sum() + (h * wh).sum();
        }, new[] { randn(4, 2, 2), randn(4, 2, 3) }.Select(t => t * 0.5).ToArray());
    }
}
