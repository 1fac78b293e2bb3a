using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>
/// The encoder–decoder: gradients against finite differences (teacher forcing in one pass and step by step), the
/// step-by-step path against the one-pass path and against feeding back the argmax by hand, greedy translation against
/// re-running every prefix, state-dict portability between cores, and argument checks.
/// </summary>
public sealed class Seq2SeqTests
{
    private const long Bos = 1, Eos = 2;

    /// <summary>Source ids (N = 2, S = 4), padded with 0 past the lengths (4, 2).</summary>
    private static Tensor Source() => tensor(new long[] { 3, 4, 5, 3, 5, 4, 0, 0 }, new long[] { 2, 4 });

    private static Tensor SourceLengths() => tensor(new long[] { 4, 2 });

    /// <summary>Decoder input ids (N = 2, T = 3): BOS then the target shifted right.</summary>
    private static Tensor DecoderInput() => tensor(new long[] { 1, 3, 5, 1, 4, 0 }, new long[] { 2, 3 });

    private static Tensor Targets() => tensor(new long[] { 3, 5, 2, 4, 2, 0 }, new long[] { 2, 3 });

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }

    [Theory]
    [InlineData(CoreKind.Elman, 1.0)]
    [InlineData(CoreKind.Elman, 0.5)]
    [InlineData(CoreKind.Gru, 1.0)]
    [InlineData(CoreKind.Lstm, 0.5)]
    public void GradientsMatchFiniteDifferences(CoreKind kind, double ratio)
    {
        using var scope = NewDisposeScope();
        manual_seed(50);
        using var model = new Seq2Seq(kind, sourceVocab: 6, targetVocab: 6, embeddingSize: 2, hiddenSize: 3, numLayers: 2, dtype: ScalarType.Float64);
        var source = Source();
        var lengths = SourceLengths();
        var input = DecoderInput();
        var targets = Targets();
        ModuleGradCheck.Check(model, _ =>
        {
            var logits = model.forward(source, lengths, input, ratio, new Random(3));
            return functional.cross_entropy(logits.permute(0, 2, 1), targets, ignore_index: 0);
        }, Array.Empty<Tensor>());
    }

    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Lstm)]
    public void StepByStepWithAlwaysTeacherEqualsOnePass(CoreKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(51);
        using var model = new Seq2Seq(kind, 6, 6, 3, 4, numLayers: 2, dtype: ScalarType.Float64);
        var onePass = model.forward(Source(), SourceLengths(), DecoderInput());
        var stepped = model.forward(Source(), SourceLengths(), DecoderInput(), 0.5, new FixedRandom(0.0));
        Assert.Equal(new long[] { 2, 3, 6 }, onePass.shape);
        TestTensors.Close(onePass, stepped, 1e-12, "logits");
    }

    /// <summary>With ratio 0 each step t &gt; 0 reads the previous argmax (padding excluded): its logits equal a one-pass run over that greedy prefix.</summary>
    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Gru)]
    public void RatioZeroFeedsBackTheArgmax(CoreKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(52);
        using var model = new Seq2Seq(kind, 6, 6, 3, 4, dtype: ScalarType.Float64);
        var source = Source();
        var lengths = SourceLengths();
        var free = model.forward(source, lengths, DecoderInput(), 0.0);
        var prefix = new List<long[]> { new long[] { Bos, Bos } };
        for (int t = 0; t < 3; t++)
        {
            var ids = tensor(Enumerable.Range(0, 2).SelectMany(i => prefix.Select(p => p[i])).ToArray(), new long[] { 2, prefix.Count });
            var logits = model.forward(source, lengths, ids).select(1, t);
            TestTensors.Close(logits, free.select(1, t), 1e-12, $"step {t}");
            var values = TestTensors.Values(logits);
            prefix.Add(Enumerable.Range(0, 2).Select(i => (long)ArgMax(values.AsSpan(i * 6, 6))).ToArray());
        }
    }

    /// <summary>Greedy translation against re-running every prefix with teacher forcing, stopping at EOS; padded sources as if alone.</summary>
    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Lstm)]
    public void TranslateIsGreedyUntilEos(CoreKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(53);
        using var model = new Seq2Seq(kind, 6, 5, 3, 4, dropout: 0.2);
        var translations = model.Translate(Source(), SourceLengths(), maxLength: 6, Bos, Eos);
        Assert.True(model.training, "Translate must restore training mode");
        model.eval();
        Assert.Equal(2, translations.Length);
        for (int i = 0; i < 2; i++)
        {
            long len = i == 0 ? 4 : 2;
            var source = Source().narrow(0, i, 1).narrow(1, 0, len);
            var expected = new List<long>();
            var sequence = new List<long> { Bos };
            for (int step = 0; step < 6; step++)
            {
                var logits = model.forward(source, null, tensor(sequence.ToArray(), new long[] { 1, sequence.Count })).select(1, -1);
                long next = ArgMax(TestTensors.Values(logits));
                if (next == Eos) break;
                expected.Add(next);
                sequence.Add(next);
            }
            Assert.Equal(expected, translations[i]);
            Assert.Equal(expected, model.Translate(Source().select(0, i).narrow(0, 0, len), null, 6, Bos, Eos)[0]);
        }
    }

    [Fact]
    public void StateDictMovesBetweenElmanAndRnnCores()
    {
        using var scope = NewDisposeScope();
        manual_seed(54);
        using var elman = new Seq2Seq(CoreKind.Elman, 6, 6, 3, 5, numLayers: 2);
        using var rnn = new Seq2Seq(CoreKind.Rnn, 6, 6, 3, 5, numLayers: 2);
        using var elman2 = new Seq2Seq(CoreKind.Elman, 6, 6, 3, 5, numLayers: 2);
        rnn.load_state_dict(elman.state_dict());
        TestTensors.Close(elman.forward(Source(), SourceLengths(), DecoderInput()), rnn.forward(Source(), SourceLengths(), DecoderInput()), 1e-6, "Elman → Rnn");
        Assert.Equal(elman.Translate(Source(), SourceLengths(), 5, Bos, Eos), rnn.Translate(Source(), SourceLengths(), 5, Bos, Eos));
        elman2.load_state_dict(rnn.state_dict());
        TestTensors.Close(rnn.forward(Source(), SourceLengths(), DecoderInput()), elman2.forward(Source(), SourceLengths(), DecoderInput()), 1e-6, "Rnn → Elman");
        var keys = elman.state_dict().Keys.ToList();
        Assert.Equal("source_embedding.weight", keys[0]);
        Assert.Contains("encoder.rnn.weight_hh_l1", keys);
        Assert.Contains("target_embedding.weight", keys);
        Assert.Contains("decoder.rnn.bias_hh_l1", keys);
        Assert.Equal("output.bias", keys[^1]);
    }

    [Fact]
    public void BadArgumentsThrowNamingExpectedAndActual()
    {
        using var scope = NewDisposeScope();
        using var model = new Seq2Seq(CoreKind.Gru, 6, 5, 3, 4);
        var e = Assert.Throws<ArgumentException>(() => model.forward(Source(), SourceLengths(), tensor(new long[] { 1, 3, 1 }, new long[] { 3, 1 })));
        Assert.Contains("[2, 4]", e.Message);
        Assert.Contains("[3, 1]", e.Message);
        Assert.Contains("0..4", Assert.Throws<ArgumentException>(() => model.forward(Source(), null, DecoderInput())).Message);
        Assert.Contains("source", Assert.Throws<ArgumentException>(() => model.forward(randn(2, 4), null, DecoderInput())).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.forward(Source(), null, tensor(new long[] { 1, 1 }, new long[] { 2, 1 }), 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Translate(Source(), null, 3, 5, Eos));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Translate(Source(), null, -1, Bos, Eos));
    }

    /// <summary>The argmax over the real tokens 1..V − 1 (the padding token 0 is never chosen).</summary>
    private static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 1;
        for (int j = 2; j < values.Length; j++) if (values[j] > values[best]) best = j;
        return best;
    }
}
