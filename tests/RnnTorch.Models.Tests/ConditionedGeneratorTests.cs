using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>
/// The vector-conditioned generator: gradients (parameters and the vector) against finite differences, the initial state
/// worked from its formula, greedy generation against re-running every prefix, state-dict portability, checks.
/// </summary>
public sealed class ConditionedGeneratorTests
{
    private const long Bos = 1, Eos = 2;

    [Theory]
    [InlineData(CoreKind.Elman, 1.0)]
    [InlineData(CoreKind.Elman, 0.5)]
    [InlineData(CoreKind.Lstm, 1.0)]
    public void GradientsMatchFiniteDifferences(CoreKind kind, double ratio)
    {
        using var scope = NewDisposeScope();
        manual_seed(60);
        using var model = new ConditionedGenerator(kind, vectorSize: 3, vocabSize: 5, embeddingSize: 2, hiddenSize: 3, numLayers: 2,
            dtype: ScalarType.Float64);
        var input = tensor(new long[] { 1, 3, 4, 1, 4, 4 }, new long[] { 2, 3 });
        var targets = tensor(new long[] { 3, 4, 2, 4, 4, 2 }, new long[] { 2, 3 });
        ModuleGradCheck.Check(model, v =>
            functional.cross_entropy(model.forward(v[0], input, ratio, new Random(5)).permute(0, 2, 1), targets), new[] { randn(2, 3) });
    }

    /// <summary>h0 = tanh(W v + b), layer l taking rows l·H … (l + 1)·H − 1 of the product; c0 = 0.</summary>
    [Fact]
    public void InitialStateIsTanhOfTheLinearMapSplitByLayer()
    {
        using var scope = NewDisposeScope();
        manual_seed(61);
        using var model = new ConditionedGenerator(CoreKind.Lstm, 2, 5, 2, 3, numLayers: 2, dtype: ScalarType.Float64);
        var v = new[] { 0.5, -1.0, 2.0, 0.25 };
        var state = model.InitialState(tensor(v, new long[] { 2, 2 }));
        var w = TestTensors.Values(model.Initial.weight);
        var b = TestTensors.Values(model.Initial.bias!);
        var expected = new double[2 * 2 * 3];
        for (int layer = 0; layer < 2; layer++)
        for (int n = 0; n < 2; n++)
        for (int j = 0; j < 3; j++)
        {
            int row = layer * 3 + j;
            expected[(layer * 2 + n) * 3 + j] = Math.Tanh(w[row * 2] * v[n * 2] + w[row * 2 + 1] * v[n * 2 + 1] + b[row]);
        }
        Assert.Equal(new long[] { 2, 2, 3 }, state.H.shape);
        TestTensors.Close(tensor(expected, new long[] { 2, 2, 3 }, ScalarType.Float64), state.H, 1e-12, "h0");
        Assert.All(TestTensors.Values(state.C!), c => Assert.Equal(0.0, c));
    }

    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Gru)]
    public void GenerateIsGreedyUntilEos(CoreKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(62);
        using var model = new ConditionedGenerator(kind, 3, 6, 3, 5, dropout: 0.2);
        var vector = tensor(new float[] { 1, 0, -1 });
        var generated = model.Generate(vector, 7, Bos, Eos);
        Assert.True(model.training, "Generate must restore training mode");
        model.eval();
        var sequence = new List<long> { Bos };
        var expected = new List<long>();
        for (int step = 0; step < 7; step++)
        {
            var logits = model.forward(vector.unsqueeze(0), tensor(sequence.ToArray(), new long[] { 1, sequence.Count })).select(1, -1);
            var values = TestTensors.Values(logits);
            long next = 1 + Array.IndexOf(values[1..], values[1..].Max());   // never the padding token 0
            if (next == Eos) break;
            expected.Add(next);
            sequence.Add(next);
        }
        Assert.Equal(expected, generated);
        Assert.Equal(7, model.Generate(vector, 7, Bos).Length);
    }

    [Fact]
    public void StateDictMovesBetweenElmanAndRnnCores()
    {
        using var scope = NewDisposeScope();
        manual_seed(63);
        using var elman = new ConditionedGenerator(CoreKind.Elman, 3, 6, 3, 5, numLayers: 2);
        using var rnn = new ConditionedGenerator(CoreKind.Rnn, 3, 6, 3, 5, numLayers: 2);
        using var elman2 = new ConditionedGenerator(CoreKind.Elman, 3, 6, 3, 5, numLayers: 2);
        var vectors = randn(2, 3);
        var input = tensor(new long[] { 1, 3, 4, 1, 5, 5 }, new long[] { 2, 3 });
        rnn.load_state_dict(elman.state_dict());
        TestTensors.Close(elman.forward(vectors, input), rnn.forward(vectors, input), 1e-6, "Elman → Rnn");
        elman2.load_state_dict(rnn.state_dict());
        TestTensors.Close(rnn.forward(vectors, input), elman2.forward(vectors, input), 1e-6, "Rnn → Elman");
        Assert.Equal(new[] { "initial.weight", "initial.bias", "embedding.weight" }, elman.state_dict().Keys.Take(3));
    }

    [Fact]
    public void BadArgumentsThrowNamingExpectedAndActual()
    {
        using var scope = NewDisposeScope();
        using var model = new ConditionedGenerator(CoreKind.Rnn, 3, 6, 3, 5);
        var input = tensor(new long[] { 1, 3 }, new long[] { 1, 2 });
        Assert.Contains("(N, 3)", Assert.Throws<ArgumentException>(() => model.forward(randn(1, 4), input)).Message);
        Assert.Contains("[2, 3]", Assert.Throws<ArgumentException>(() => model.forward(randn(2, 3), input)).Message);
        Assert.Contains("(3)", Assert.Throws<ArgumentException>(() => model.Generate(randn(1, 3), 4, Bos)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Generate(randn(3), 4, 6));
    }
}
