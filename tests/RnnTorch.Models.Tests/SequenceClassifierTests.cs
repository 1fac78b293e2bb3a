using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>The many-to-one classifier: gradients against finite differences, state-dict portability between cores, shapes and checks.</summary>
public sealed class SequenceClassifierTests
{
    /// <summary>Token ids with padding (0) only past each length: [3 1 4 2 | 2 4 0 0].</summary>
    private static Tensor Ids() => tensor(new long[] { 3, 1, 4, 2, 2, 4, 0, 0 }, new long[] { 2, 4 });

    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Lstm)]
    public void TokenGradientsMatchFiniteDifferences(CoreKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(10);
        using var model = new SequenceClassifier(kind, SequenceInput.Tokens(5, 3), hiddenSize: 3, classes: 3, numLayers: 2, bidirectional: true,
            dtype: ScalarType.Float64);
        var ids = Ids();
        var lengths = tensor(new long[] { 4, 2 });
        var targets = tensor(new long[] { 2, 0 });
        ModuleGradCheck.Check(model, _ => functional.cross_entropy(model.forward(ids, lengths), targets), Array.Empty<Tensor>());
    }

    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Rnn)]
    [InlineData(CoreKind.Gru)]
    public void FeatureGradientsMatchFiniteDifferences(CoreKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        using var model = new SequenceClassifier(kind, SequenceInput.Features(2, projectionSize: 3), hiddenSize: 3, classes: 2,
            dtype: ScalarType.Float64);
        var lengths = tensor(new long[] { 3, 4 });
        var targets = tensor(new long[] { 1, 0 });
        ModuleGradCheck.Check(model, v => functional.cross_entropy(model.forward(v[0], lengths), targets), new[] { randn(2, 4, 2) });
    }

    [Fact]
    public void StateDictMovesBetweenElmanAndRnnCores()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        using var elman = new SequenceClassifier(CoreKind.Elman, SequenceInput.Tokens(6, 4), 5, 3, numLayers: 2, bidirectional: true);
        using var rnn = new SequenceClassifier(CoreKind.Rnn, SequenceInput.Tokens(6, 4), 5, 3, numLayers: 2, bidirectional: true);
        using var elman2 = new SequenceClassifier(CoreKind.Elman, SequenceInput.Tokens(6, 4), 5, 3, numLayers: 2, bidirectional: true);
        var ids = Ids();
        var lengths = tensor(new long[] { 4, 2 });
        rnn.load_state_dict(elman.state_dict());
        TestTensors.Close(elman.forward(ids, lengths), rnn.forward(ids, lengths), 1e-6, "Elman → Rnn");
        elman2.load_state_dict(rnn.state_dict());
        TestTensors.Close(rnn.forward(ids, lengths), elman2.forward(ids, lengths), 1e-6, "Rnn → Elman");
        Assert.Equal(new[] { "embedding.weight", "recurrent.rnn.weight_ih_l0" }, elman.state_dict().Keys.Take(2));
        Assert.Equal(new[] { "output.weight", "output.bias" }, elman.state_dict().Keys.TakeLast(2));
    }

    [Fact]
    public void LogitsHaveOneRowPerSequenceAndIgnorePadding()
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        using var model = new SequenceClassifier(CoreKind.Gru, SequenceInput.Tokens(6, 4), 5, 3, bidirectional: true);
        var logits = model.forward(Ids(), tensor(new long[] { 4, 2 }));
        Assert.Equal(new long[] { 2, 3 }, logits.shape);
        // The second sequence alone, unpadded, gives the same logits.
        var alone = model.forward(tensor(new long[] { 2, 4 }, new long[] { 1, 2 }));
        TestTensors.Close(alone, logits.narrow(0, 1, 1), 1e-6, "second sequence");
        Assert.Equal(3, model.Classes);
    }

    [Fact]
    public void BadInputsThrowNamingExpectedAndActual()
    {
        using var scope = NewDisposeScope();
        using var tokens = new SequenceClassifier(CoreKind.Elman, SequenceInput.Tokens(6, 4), 5, 3);
        using var features = new SequenceClassifier(CoreKind.Rnn, SequenceInput.Features(2), 5, 3);
        var e1 = Assert.Throws<ArgumentException>(() => tokens.forward(randn(2, 4, 2)));
        Assert.Contains("(N, L)", e1.Message);
        Assert.Contains("Float32", e1.Message);
        Assert.Contains("0..5", Assert.Throws<ArgumentException>(() => tokens.forward(tensor(new long[] { 1, 6 }, new long[] { 1, 2 }))).Message);
        Assert.Contains("(N, L, 2)", Assert.Throws<ArgumentException>(() => features.forward(randn(2, 4, 3))).Message);
        Assert.Contains("(N, L, 2)", Assert.Throws<ArgumentException>(() => features.forward(Ids())).Message);
        Assert.Contains("1..4", Assert.Throws<ArgumentException>(() => tokens.forward(Ids(), tensor(new long[] { 5, 2 }))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SequenceClassifier(CoreKind.Elman, SequenceInput.Tokens(6, 4), 5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceInput.Tokens(1, 4));
    }
}
