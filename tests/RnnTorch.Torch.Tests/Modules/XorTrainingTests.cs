using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Tests.Modules;

/// <summary>
/// The acceptance test of the layers, losses and autograd together: a 2-8-1 tanh MLP learns XOR to 100% accuracy from
/// a fixed seed in a fixed number of full-batch gradient steps. The update is a plain SGD step written here
/// (p ← p − lr·∂L/∂p under no_grad), so that the test does not depend on torch.optim.
/// </summary>
[Collection(GlobalTorchStateCollection.Name)]
public sealed class XorTrainingTests
{
    [Fact]
    public void MlpLearnsXor()
    {
        using var scope = NewDisposeScope();
        manual_seed(1234);
        using var model = Sequential(Linear(2, 8), Tanh(), Linear(8, 1));
        using var criterion = BCEWithLogitsLoss();
        var x = tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, new long[] { 4, 2 });
        var y = tensor(new float[] { 0, 1, 1, 0 }, new long[] { 4, 1 });
        const double lr = 0.5;
        double firstLoss = double.NaN, lastLoss = double.NaN;
        for (int step = 0; step < 1000; step++)
        {
            using var stepScope = NewDisposeScope();
            model.zero_grad();
            var loss = criterion.call(model.call(x), y);
            if (step == 0) firstLoss = loss.item<double>();
            lastLoss = loss.item<double>();
            loss.backward();
            using (no_grad())
            {
                foreach (var p in model.parameters())
                {
                    using var g = p.grad!;
                    p.sub_(g, alpha: lr);
                }
            }
        }
        Assert.True(lastLoss < 0.1 * firstLoss, $"loss went from {firstLoss} to {lastLoss}");
        model.eval();
        using (no_grad())
        {
            var logits = model.call(x).data<float>().ToArray();
            var predictions = logits.Select(v => v > 0 ? 1f : 0f).ToArray();
            Assert.Equal(new float[] { 0, 1, 1, 0 }, predictions);
        }
    }
}
