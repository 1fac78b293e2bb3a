using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>The many-to-one regressor: gradients against finite differences, state-dict portability between cores, shapes.</summary>
public sealed class SequenceRegressorTests
{
    [Theory]
    [InlineData(CoreKind.Elman, false)]
    [InlineData(CoreKind.Elman, true)]
    [InlineData(CoreKind.Lstm, true)]
    public void GradientsMatchFiniteDifferences(CoreKind kind, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        manual_seed(20);
        using var model = new SequenceRegressor(kind, SequenceInput.Features(2), hiddenSize: 3, outputs: 2, numLayers: 2, bidirectional: bidirectional,
            dtype: ScalarType.Float64);
        var lengths = tensor(new long[] { 2, 4, 3 });
        var target = randn(new long[] { 3, 2 }, ScalarType.Float64);
        ModuleGradCheck.Check(model, v => functional.mse_loss(model.forward(v[0], lengths), target), new[] { randn(3, 4, 2) });
    }

    [Fact]
    public void StateDictMovesBetweenElmanAndRnnCores()
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        using var elman = new SequenceRegressor(CoreKind.Elman, SequenceInput.Features(3, projectionSize: 4), 5, 2, numLayers: 2);
        using var rnn = new SequenceRegressor(CoreKind.Rnn, SequenceInput.Features(3, projectionSize: 4), 5, 2, numLayers: 2);
        using var elman2 = new SequenceRegressor(CoreKind.Elman, SequenceInput.Features(3, projectionSize: 4), 5, 2, numLayers: 2);
        var x = randn(3, 6, 3);
        var lengths = tensor(new long[] { 6, 1, 4 });
        rnn.load_state_dict(elman.state_dict());
        TestTensors.Close(elman.forward(x, lengths), rnn.forward(x, lengths), 1e-6, "Elman → Rnn");
        elman2.load_state_dict(rnn.state_dict());
        TestTensors.Close(rnn.forward(x, lengths), elman2.forward(x, lengths), 1e-6, "Rnn → Elman");
        Assert.Equal("projection.weight", elman.state_dict().Keys.First());
    }

    [Fact]
    public void PredictionsHaveOneRowPerSequence()
    {
        using var scope = NewDisposeScope();
        using var model = new SequenceRegressor(CoreKind.Gru, SequenceInput.Features(3), 5, 2);
        Assert.Equal(new long[] { 4, 2 }, model.forward(randn(4, 6, 3)).shape);
        Assert.Equal(2, model.Outputs);
        Assert.Contains("(N, L, 3)", Assert.Throws<ArgumentException>(() => model.forward(randn(4, 3))).Message);
    }
}
