using System.Diagnostics;
using Xunit.Abstractions;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>
/// The conditioned generator maps each of four one-hot vectors to its own fixed token sequence (sequences that share
/// tokens and prefixes, so the vector must steer every step) and regenerates each exactly by greedy decoding to EOS, with
/// the hand-rolled and the built-in Elman core.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class ConditionedGeneratorTrainingTests(ITestOutputHelper output)
{
    private const long Bos = 1, Eos = 2, Vocab = 9;

    private static readonly long[][] Sequences =
    {
        new long[] { 3, 4, 5, 6, 7 },
        new long[] { 3, 4, 8, 8 },
        new long[] { 7, 6, 5, 4, 3, 3 },
        new long[] { 5, 5, 3 },
    };

    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Rnn)]
    public void MapsEachVectorToItsSequence(CoreKind kind)
    {
        var clock = Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        int n = Sequences.Length, steps = Sequences.Max(s => s.Length) + 1;
        var input = new long[n * steps];
        var target = new long[n * steps];
        for (int i = 0; i < n; i++)
        {
            var s = Sequences[i];
            input[i * steps] = Bos;
            for (int t = 0; t < s.Length; t++)
            {
                input[i * steps + t + 1] = s[t];
                target[i * steps + t] = s[t];
            }
            target[i * steps + s.Length] = Eos;
        }
        var vectors = eye(n);
        var inputIds = tensor(input, new long[] { n, steps });
        var targetIds = tensor(target, new long[] { n, steps });
        manual_seed(600);
        using var model = new ConditionedGenerator(kind, vectorSize: n, vocabSize: Vocab, embeddingSize: 8, hiddenSize: 32);
        double loss = TrainingLoop.Fit(model, steps: 150, lr: 0.02, _ =>
            functional.cross_entropy(model.forward(vectors, inputIds).permute(0, 2, 1), targetIds, ignore_index: 0));
        var generated = Enumerable.Range(0, n).Select(i => model.Generate(vectors[i], 10, Bos, Eos)).ToArray();
        output.WriteLine($"{kind}: final training loss {loss:F4}, generated {string.Join(" | ", generated.Select(g => string.Join(" ", g)))}, {clock.Elapsed.TotalSeconds:F1} s");
        for (int i = 0; i < n; i++) Assert.Equal(Sequences[i], generated[i]);
    }
}
