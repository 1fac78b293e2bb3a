using System.Diagnostics;
using Xunit.Abstractions;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>
/// The classifier learns whether a variable-length sequence of standard normal numbers (3 to 10 of them) sums to a positive
/// number, with the hand-rolled and the built-in Elman core: ≥ 90% on 1000 held-out sequences.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class SequenceClassifierTrainingTests(ITestOutputHelper output)
{
    private const int MaxLength = 10;

    /// <summary>A padded batch (N, 10, 1), the lengths (N) and the labels (N): 1 when the sum of the first length values is positive.</summary>
    internal static (Tensor x, Tensor lengths, Tensor labels) Batch(Random random, int n)
    {
        var x = new float[n * MaxLength];
        var lengths = new long[n];
        var labels = new long[n];
        for (int i = 0; i < n; i++)
        {
            lengths[i] = random.Next(3, MaxLength + 1);
            double sum = 0;
            for (int t = 0; t < lengths[i]; t++)
            {
                float v = (float)TestTensors.Normal(random);
                x[i * MaxLength + t] = v;
                sum += v;
            }
            labels[i] = sum > 0 ? 1 : 0;
        }
        return (tensor(x, new long[] { n, MaxLength, 1 }), tensor(lengths), tensor(labels));
    }

    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Rnn)]
    public void LearnsTheSignOfTheSum(CoreKind kind)
    {
        var clock = Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        manual_seed(100);
        using var model = new SequenceClassifier(kind, SequenceInput.Features(1), hiddenSize: 16, classes: 2);
        var random = new Random(1);
        double loss = TrainingLoop.Fit(model, steps: 300, lr: 0.01, _ =>
        {
            var (x, lengths, labels) = Batch(random, 64);
            return functional.cross_entropy(model.forward(x, lengths), labels);
        });
        var (tx, tlengths, tlabels) = Batch(new Random(2), 1000);
        using var noGrad = no_grad();
        var predicted = model.forward(tx, tlengths).argmax(1);
        double accuracy = predicted.eq(tlabels).to(ScalarType.Float64).mean().item<double>();
        output.WriteLine($"{kind}: final training loss {loss:F4}, held-out accuracy {accuracy:P1}, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(accuracy >= 0.90, $"held-out accuracy {accuracy:P1} < 90%");
    }
}
