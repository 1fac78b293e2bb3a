using System.Diagnostics;
using Xunit.Abstractions;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>
/// The tagger marks each step of a ±1 walk (token 1 = −1, token 2 = +1; 5 to 12 steps, padded with 0) with whether the
/// running sum so far is positive, with the hand-rolled and the built-in Elman core: ≥ 90% of the real steps of 500
/// held-out walks (padding steps are ignored by the loss and by the count).
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class SequenceTaggerTrainingTests(ITestOutputHelper output)
{
    private const int MaxLength = 12;

    /// <summary>Ids (N, 12), lengths (N), and tags (N, 12): 1 where the running sum is positive, 0 where not, −100 on padding.</summary>
    private static (Tensor ids, Tensor lengths, Tensor tags) Batch(Random random, int n)
    {
        var ids = new long[n * MaxLength];
        var tags = new long[n * MaxLength];
        var lengths = new long[n];
        for (int i = 0; i < n; i++)
        {
            lengths[i] = random.Next(5, MaxLength + 1);
            int sum = 0;
            for (int t = 0; t < MaxLength; t++)
            {
                if (t >= lengths[i])
                {
                    tags[i * MaxLength + t] = -100;
                    continue;
                }
                bool up = random.Next(2) == 1;
                ids[i * MaxLength + t] = up ? 2 : 1;
                sum += up ? 1 : -1;
                tags[i * MaxLength + t] = sum > 0 ? 1 : 0;
            }
        }
        return (tensor(ids, new long[] { n, MaxLength }), tensor(lengths), tensor(tags, new long[] { n, MaxLength }));
    }

    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Rnn)]
    public void TagsWhetherTheRunningSumIsPositive(CoreKind kind)
    {
        var clock = Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        manual_seed(300);
        using var model = new SequenceTagger(kind, SequenceInput.Tokens(3, 4), hiddenSize: 16, classes: 2);
        var random = new Random(5);
        double loss = TrainingLoop.Fit(model, steps: 300, lr: 0.01, _ =>
        {
            var (ids, lengths, tags) = Batch(random, 64);
            return functional.cross_entropy(model.forward(ids, lengths).permute(0, 2, 1), tags);
        });
        var (tids, tlengths, ttags) = Batch(new Random(6), 500);
        using var noGrad = no_grad();
        var predicted = model.forward(tids, tlengths).argmax(2);
        var real = ttags.ne(-100);
        double correct = predicted.eq(ttags).logical_and(real).sum().item<long>();
        double accuracy = correct / real.sum().item<long>();
        output.WriteLine($"{kind}: final training loss {loss:F4}, held-out step accuracy {accuracy:P1}, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(accuracy >= 0.90, $"held-out step accuracy {accuracy:P1} < 90%");
    }
}
