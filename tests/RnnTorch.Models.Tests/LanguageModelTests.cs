using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>
/// The language model: gradients (parameters and the carried-in state) against finite differences, state carried across
/// chunks, state-dict portability between cores, and generation (greedy against a plain re-run of every prefix, seeded
/// sampling, the training flag).
/// </summary>
public sealed class LanguageModelTests
{
    [Fact]
    public void ElmanGradientsMatchFiniteDifferencesIncludingTheInitialState()
    {
        using var scope = NewDisposeScope();
        manual_seed(40);
        using var model = new LanguageModel(CoreKind.Elman, vocabSize: 5, embeddingSize: 2, hiddenSize: 3, numLayers: 2, dtype: ScalarType.Float64);
        var ids = tensor(new long[] { 1, 4, 2, 3, 3, 1 }, new long[] { 2, 3 });
        var targets = tensor(new long[] { 4, 2, 1, 3, 1, 2 }, new long[] { 2, 3 });
        var w = randn(new long[] { 2, 2, 3 }, ScalarType.Float64);
        ModuleGradCheck.Check(model, v =>
        {
            var (logits, state) = model.forward(ids, new RecurrentState(v[0], null));
            return functional.cross_entropy(logits.permute(0, 2, 1), targets) + (state.H * w).sum();
        }, new[] { randn(2, 2, 3) * 0.5 });
    }

    [Fact]
    public void LstmGradientsMatchFiniteDifferencesIncludingTheInitialState()
    {
        using var scope = NewDisposeScope();
        manual_seed(41);
        using var model = new LanguageModel(CoreKind.Lstm, vocabSize: 4, embeddingSize: 2, hiddenSize: 2, dtype: ScalarType.Float64);
        var ids = tensor(new long[] { 1, 3, 2, 2, 1, 3 }, new long[] { 2, 3 });
        var targets = tensor(new long[] { 3, 2, 1, 1, 3, 2 }, new long[] { 2, 3 });
        var w = randn(new long[] { 1, 2, 2 }, ScalarType.Float64);
        ModuleGradCheck.Check(model, v =>
        {
            var (logits, state) = model.forward(ids, new RecurrentState(v[0], v[1]));
            return functional.cross_entropy(logits.permute(0, 2, 1), targets) + (state.C! * w).sum();
        }, new[] { randn(1, 2, 2) * 0.5, randn(1, 2, 2) * 0.5 });
    }

    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Lstm)]
    public void StateCarriedAcrossChunksEqualsOneRun(CoreKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(42);
        using var model = new LanguageModel(kind, 7, 3, 4, numLayers: 2, dtype: ScalarType.Float64);
        var ids = tensor(new long[] { 1, 2, 3, 4, 5, 6, 1, 6, 5, 4, 3, 2 }, new long[] { 2, 6 });
        var (whole, final) = model.forward(ids);
        var (first, middle) = model.forward(ids.narrow(1, 0, 2));
        var (second, end) = model.forward(ids.narrow(1, 2, 4), middle.Detach());
        Assert.Equal(new long[] { 2, 6, 7 }, whole.shape);
        TestTensors.Close(whole, cat(new[] { first, second }, 1), 1e-12, "logits");
        TestTensors.Close(final.H, end.H, 1e-12, "h");
    }

    [Fact]
    public void StateDictMovesBetweenElmanAndRnnCores()
    {
        using var scope = NewDisposeScope();
        manual_seed(43);
        using var elman = new LanguageModel(CoreKind.Elman, 8, 4, 6, numLayers: 2);
        using var rnn = new LanguageModel(CoreKind.Rnn, 8, 4, 6, numLayers: 2);
        using var elman2 = new LanguageModel(CoreKind.Elman, 8, 4, 6, numLayers: 2);
        var ids = tensor(new long[] { 1, 2, 7, 4, 5, 6, 3, 3 }, new long[] { 2, 4 });
        rnn.load_state_dict(elman.state_dict());
        var (le, se) = elman.forward(ids);
        var (lr, sr) = rnn.forward(ids);
        TestTensors.Close(le, lr, 1e-6, "Elman → Rnn logits");
        TestTensors.Close(se.H, sr.H, 1e-6, "Elman → Rnn state");
        Assert.Equal(elman.Generate(new long[] { 3 }, 10, temperature: 0), rnn.Generate(new long[] { 3 }, 10, temperature: 0));
        elman2.load_state_dict(rnn.state_dict());
        TestTensors.Close(lr, elman2.forward(ids).logits, 1e-6, "Rnn → Elman logits");
    }

    /// <summary>Greedy generation against re-running the whole prefix each step and taking the argmax of its last logits (padding excluded).</summary>
    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Gru)]
    public void GreedyGenerationFollowsTheArgmaxOfEveryPrefix(CoreKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(44);
        using var model = new LanguageModel(kind, 6, 3, 8, numLayers: 2, dropout: 0.3);
        var prompt = new long[] { 2, 5, 1 };
        var generated = model.Generate(prompt, 8, temperature: 0);
        Assert.True(model.training, "Generate must restore training mode");
        model.eval();
        var sequence = prompt.ToList();
        var expected = new List<long>();
        for (int i = 0; i < 8; i++)
        {
            var (logits, _) = model.forward(tensor(sequence.ToArray(), new long[] { 1, sequence.Count }));
            var last = TestTensors.Values(logits.select(1, -1));
            int best = 1;                                      // the padding token 0 is never generated
            for (int j = 2; j < last.Length; j++) if (last[j] > last[best]) best = j;
            expected.Add(best);
            sequence.Add(best);
        }
        Assert.Equal(expected, generated);
        model.train();
        Assert.Equal(generated, model.Generate(prompt, 8, temperature: 1.5, topK: 1));
        Assert.Empty(model.Generate(prompt, 0));
    }

    [Fact]
    public void SamplingDependsOnTheSeedAlone()
    {
        using var scope = NewDisposeScope();
        manual_seed(45);
        using var model = new LanguageModel(CoreKind.Rnn, 10, 3, 5);
        var a = model.Generate(new long[] { 1 }, 30, temperature: 2.0, seed: 7);
        var b = model.Generate(new long[] { 1 }, 30, temperature: 2.0, seed: 7);
        var c = model.Generate(new long[] { 1 }, 30, temperature: 2.0, seed: 8);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, t => Assert.InRange(t, 1, 9));
        var topTwo = model.Generate(new long[] { 1 }, 30, temperature: 5.0, topK: 2, seed: 3);
        Assert.True(topTwo.Distinct().Count() > 1, "top-2 sampling at a high temperature should not be greedy");
    }

    [Fact]
    public void BadArgumentsThrow()
    {
        using var scope = NewDisposeScope();
        using var model = new LanguageModel(CoreKind.Elman, 5, 3, 4);
        Assert.Throws<ArgumentException>(() => model.Generate(Array.Empty<long>(), 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Generate(new long[] { 5 }, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Generate(new long[] { 1 }, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Generate(new long[] { 1 }, 3, temperature: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Generate(new long[] { 1 }, 3, topK: -1));
        var e = Assert.Throws<ArgumentException>(() => model.forward(tensor(new long[] { 1, 2 }, new long[] { 1, 2 }), new RecurrentState(zeros(1, 3, 4), null)));
        Assert.Contains("(1, 1, 4)", e.Message);
        Assert.Contains("[1, 3, 4]", e.Message);
    }
}
