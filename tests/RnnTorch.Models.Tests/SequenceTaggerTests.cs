using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>The per-step tagger: gradients against finite differences, state-dict portability between cores, shapes.</summary>
public sealed class SequenceTaggerTests
{
    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Gru)]
    public void GradientsMatchFiniteDifferences(CoreKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(30);
        using var model = new SequenceTagger(kind, SequenceInput.Tokens(4, 2), hiddenSize: 3, classes: 3, bidirectional: true, dtype: ScalarType.Float64);
        var ids = tensor(new long[] { 1, 3, 2, 2, 1, 0 }, new long[] { 2, 3 });
        var lengths = tensor(new long[] { 3, 2 });
        var targets = tensor(new long[] { 0, 2, 1, 1, 0, -100 }, new long[] { 2, 3 });
        ModuleGradCheck.Check(model, _ => functional.cross_entropy(model.forward(ids, lengths).permute(0, 2, 1), targets), Array.Empty<Tensor>());
    }

    [Fact]
    public void FeatureGradientsMatchFiniteDifferences()
    {
        using var scope = NewDisposeScope();
        manual_seed(31);
        using var model = new SequenceTagger(CoreKind.Elman, SequenceInput.Features(2), hiddenSize: 3, classes: 2, numLayers: 2, dtype: ScalarType.Float64);
        var w = randn(new long[] { 2, 4, 2 }, ScalarType.Float64);
        ModuleGradCheck.Check(model, v => (model.forward(v[0]) * w).sum(), new[] { randn(2, 4, 2) });
    }

    [Fact]
    public void StateDictMovesBetweenElmanAndRnnCores()
    {
        using var scope = NewDisposeScope();
        manual_seed(32);
        using var elman = new SequenceTagger(CoreKind.Elman, SequenceInput.Tokens(5, 3), 4, 3, numLayers: 2, bidirectional: true);
        using var rnn = new SequenceTagger(CoreKind.Rnn, SequenceInput.Tokens(5, 3), 4, 3, numLayers: 2, bidirectional: true);
        using var elman2 = new SequenceTagger(CoreKind.Elman, SequenceInput.Tokens(5, 3), 4, 3, numLayers: 2, bidirectional: true);
        var ids = tensor(new long[] { 1, 3, 2, 4, 4, 1, 0, 0 }, new long[] { 2, 4 });
        var lengths = tensor(new long[] { 4, 2 });
        rnn.load_state_dict(elman.state_dict());
        TestTensors.Close(elman.forward(ids, lengths), rnn.forward(ids, lengths), 1e-6, "Elman → Rnn");
        elman2.load_state_dict(rnn.state_dict());
        TestTensors.Close(rnn.forward(ids, lengths), elman2.forward(ids, lengths), 1e-6, "Rnn → Elman");
    }

    [Fact]
    public void LogitsHaveOneRowPerStep()
    {
        using var scope = NewDisposeScope();
        using var model = new SequenceTagger(CoreKind.Lstm, SequenceInput.Features(3, 4), 5, 2);
        Assert.Equal(new long[] { 4, 6, 2 }, model.forward(randn(4, 6, 3)).shape);
        Assert.Equal(2, model.Classes);
    }
}
