using static RnnTorch.torch;

namespace RnnTorch.Data;

/// <summary>A batch of windows as tensors (batch first). Dispose it to free both tensors.</summary>
/// <param name="Inputs">float32 <c>(N, InputLength, input columns)</c>.</param>
/// <param name="Targets">float32 <c>(N, target columns)</c> for many-to-one or <c>(N, InputLength, target columns)</c> for many-to-many.</param>
public sealed record WindowBatch(Tensor Inputs, Tensor Targets) : IDisposable
{
    /// <summary>Stacks windows of the same shape into a batch (the collate function for a <see cref="DataLoader{T, TBatch}"/>).</summary>
    /// <param name="samples">One or more windows from the same <see cref="WindowDataset"/>.</param>
    public static WindowBatch Collate(IReadOnlyList<WindowSample> samples)
    {
        DataGuard.NotNullOrContainsNull(samples);
        if (samples.Count == 0) DataGuard.Throw(nameof(samples), "must hold at least one window, but was empty.");
        var first = samples[0];
        int length = first.Inputs.Length, features = first.Inputs[0].Length;
        int targetSteps = first.Targets.Length, targetFeatures = first.Targets[0].Length;
        var inputs = new float[samples.Count * length * features];
        var targets = new float[samples.Count * targetSteps * targetFeatures];
        for (int n = 0; n < samples.Count; n++)
        {
            var s = samples[n];
            if (s.Kind != first.Kind || s.Inputs.Length != length || s.Targets.Length != targetSteps)
            {
                DataGuard.Throw(nameof(samples), $"element {n} has a different shape or kind from element 0.");
            }
            for (int t = 0; t < length; t++)
            {
                if (s.Inputs[t].Length != features) DataGuard.Throw(nameof(samples), $"element {n} step {t} has {s.Inputs[t].Length} inputs, not {features}.");
                s.Inputs[t].CopyTo(inputs, (n * length + t) * features);
            }
            for (int t = 0; t < targetSteps; t++)
            {
                if (s.Targets[t].Length != targetFeatures) DataGuard.Throw(nameof(samples), $"element {n} step {t} has {s.Targets[t].Length} targets, not {targetFeatures}.");
                s.Targets[t].CopyTo(targets, (n * targetSteps + t) * targetFeatures);
            }
        }
        long[] targetShape = first.Kind == WindowTarget.ManyToOne
            ? [samples.Count, targetFeatures]
            : [samples.Count, targetSteps, targetFeatures];
        var inputTensor = tensor(inputs, [samples.Count, length, features]);
        try
        {
            return new WindowBatch(inputTensor, tensor(targets, targetShape));
        }
        catch
        {
            inputTensor.Dispose();
            throw;
        }
    }

    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
    }
}
