using System.Diagnostics;
using Xunit.Abstractions;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>
/// The encoder–decoder learns to reverse digit strings of 2 to 5 digits (tokens 3..12; 0 padding, 1 BOS, 2 EOS) with
/// teacher forcing, and reverses 500 held-out strings by greedy decoding, with the hand-rolled and the built-in Elman
/// core: ≥ 90% of the target tokens (the digits and the final EOS) right, position by position.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class Seq2SeqTrainingTests(ITestOutputHelper output)
{
    private const long Bos = 1, Eos = 2, Vocab = 13;
    private const int MaxLength = 5;

    private static long[][] Strings(Random random, int n) =>
        Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, random.Next(2, MaxLength + 1)).Select(_ => (long)random.Next(3, 13)).ToArray()).ToArray();

    /// <summary>Source ids (N, 5) padded with 0, lengths (N), decoder input BOS + reversed (N, 6), targets reversed + EOS (N, 6), padded with 0.</summary>
    private static (Tensor source, Tensor lengths, Tensor input, Tensor target) Batch(long[][] strings)
    {
        int n = strings.Length;
        var source = new long[n * MaxLength];
        var input = new long[n * (MaxLength + 1)];
        var target = new long[n * (MaxLength + 1)];
        for (int i = 0; i < n; i++)
        {
            var s = strings[i];
            var reversed = s.Reverse().ToArray();
            for (int t = 0; t < s.Length; t++) source[i * MaxLength + t] = s[t];
            input[i * (MaxLength + 1)] = Bos;
            for (int t = 0; t < s.Length; t++)
            {
                input[i * (MaxLength + 1) + t + 1] = reversed[t];
                target[i * (MaxLength + 1) + t] = reversed[t];
            }
            target[i * (MaxLength + 1) + s.Length] = Eos;
        }
        return (tensor(source, new long[] { n, MaxLength }), tensor(strings.Select(s => (long)s.Length).ToArray()),
            tensor(input, new long[] { n, MaxLength + 1 }), tensor(target, new long[] { n, MaxLength + 1 }));
    }

    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Rnn)]
    public void LearnsToReverseDigitStrings(CoreKind kind)
    {
        var clock = Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        manual_seed(500);
        using var model = new Seq2Seq(kind, Vocab, Vocab, embeddingSize: 16, hiddenSize: 64);
        var random = new Random(7);
        double loss = TrainingLoop.Fit(model, steps: 600, lr: 0.005, _ =>
        {
            var (source, lengths, input, target) = Batch(Strings(random, 64));
            var logits = model.forward(source, lengths, input);
            return functional.cross_entropy(logits.permute(0, 2, 1), target, ignore_index: 0);
        });
        var test = Strings(new Random(8), 500);
        var (tsource, tlengths, _, _) = Batch(test);
        var decoded = model.Translate(tsource, tlengths, MaxLength + 2, Bos, Eos);
        int right = 0, total = 0, exact = 0;
        for (int i = 0; i < test.Length; i++)
        {
            var expected = test[i].Reverse().Append(Eos).ToArray();
            var got = decoded[i].Append(Eos).ToArray();      // Translate drops the EOS it stopped at
            for (int t = 0; t < expected.Length; t++) if (t < got.Length && got[t] == expected[t]) right++;
            total += expected.Length;
            if (got.SequenceEqual(expected)) exact++;
        }
        double accuracy = right / (double)total;
        output.WriteLine($"{kind}: final training loss {loss:F4}, held-out token accuracy {accuracy:P1}, exact {exact / 5.0:F1}%, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(accuracy >= 0.90, $"held-out token accuracy {accuracy:P1} < 90%");
    }
}
