using static RnnTorch.torch;

namespace RnnTorch.Models.Tests;

/// <summary>The training loop of the training tests: Adam, one dispose scope per step.</summary>
internal static class TrainingLoop
{
    /// <summary>
    /// Runs <paramref name="steps"/> Adam steps on <paramref name="loss"/>(step) (a scalar built from a fresh batch) and
    /// returns the mean loss of the last tenth of the steps.
    /// </summary>
    public static double Fit(nn.Module model, int steps, double lr, Func<int, Tensor> loss)
    {
        model.train();
        using var optimizer = optim.Adam(model.parameters(), lr: lr);
        double tail = 0;
        int tailSteps = Math.Max(1, steps / 10);
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var value = loss(step);
            value.backward();
            optimizer.step();
            if (step >= steps - tailSteps) tail += value.item<double>();
        }
        model.eval();
        return tail / tailSteps;
    }
}
