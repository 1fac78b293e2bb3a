using System.Diagnostics;
using Xunit.Abstractions;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>
/// The regressor predicts the next value of a noisy sine, x_t = sin(0.3 t + φ) + 0.05 ε_t (random phase φ, ε standard
/// normal), from the 20 values before it, with the hand-rolled and the built-in Elman core. Held-out mean squared error
/// must be below 0.01 — the noise alone contributes 0.0025, and repeating the last value scores about 0.05 — and below a
/// third of that persistence baseline measured on the same data.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class SequenceRegressorTrainingTests(ITestOutputHelper output)
{
    private const int Steps = 20;

    /// <summary>Windows (N, 20, 1), next values (N, 1), and the last value of each window (N, 1) for the persistence baseline.</summary>
    private static (Tensor x, Tensor y, Tensor last) Batch(Random random, int n)
    {
        var x = new float[n * Steps];
        var y = new float[n];
        var last = new float[n];
        for (int i = 0; i < n; i++)
        {
            double phase = random.NextDouble() * 2 * Math.PI;
            for (int t = 0; t <= Steps; t++)
            {
                float v = (float)(Math.Sin(0.3 * t + phase) + 0.05 * TestTensors.Normal(random));
                if (t < Steps) x[i * Steps + t] = v;
                else y[i] = v;
            }
            last[i] = x[i * Steps + Steps - 1];
        }
        return (tensor(x, new long[] { n, Steps, 1 }), tensor(y, new long[] { n, 1 }), tensor(last, new long[] { n, 1 }));
    }

    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Rnn)]
    public void PredictsTheNextValueOfANoisySine(CoreKind kind)
    {
        var clock = Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        manual_seed(200);
        using var model = new SequenceRegressor(kind, SequenceInput.Features(1), hiddenSize: 16, outputs: 1);
        var random = new Random(3);
        double loss = TrainingLoop.Fit(model, steps: 300, lr: 0.01, _ =>
        {
            var (x, y, _) = Batch(random, 64);
            return functional.mse_loss(model.forward(x), y);
        });
        var (tx, ty, tlast) = Batch(new Random(4), 1000);
        using var noGrad = no_grad();
        double mse = functional.mse_loss(model.forward(tx), ty).item<double>();
        double persistence = functional.mse_loss(tlast, ty).item<double>();
        output.WriteLine($"{kind}: final training loss {loss:F5}, held-out MSE {mse:F5} (persistence {persistence:F5}), {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(mse < 0.01, $"held-out MSE {mse} ≥ 0.01");
        Assert.True(mse < persistence / 3, $"held-out MSE {mse} is not below a third of the persistence baseline {persistence}");
    }
}
