using RnnTorch.Models;
using static RnnTorch.torch;

namespace RnnTorch.Training.Recipes;

public abstract partial class Recipe
{
    /// <summary>Trains <paramref name="model"/> on the training batches (order shuffled by the spec's seed), evaluating on the validation batches.</summary>
    public TrainingResult Fit(nn.Module model, TrainingConfig config, IProgressReporter? progress = null, string? resumeFrom = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(config);
        var trainer = new Trainer<SequenceBatch>(config, CreateTask(model), progress);
        return trainer.Fit(new ListBatchSource<SequenceBatch>(Data.Train, shuffle: true, seed: unchecked((int)Spec.Seed)),
            new ListBatchSource<SequenceBatch>(Data.Validation, shuffle: false), resumeFrom);
    }

    /// <summary>The metrics (loss, then the task's: mae/rmse in data units, accuracy, perplexity …) of <paramref name="model"/> on a part, without prefix.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(nn.Module model, DataSplit split)
    {
        ArgumentNullException.ThrowIfNull(model);
        var task = CreateTask(model);
        bool wasTraining = model.training;
        model.eval();
        task.Reset();
        var metrics = new MetricAccumulator();
        try
        {
            using var noGrad = no_grad();
            foreach (var batch in Batches(split))
            {
                using var scope = NewDisposeScope();
                foreach (var _ in task.Losses(batch, metrics, training: false)) { }
            }
        }
        finally
        {
            task.Reset();
            model.train(wasTraining);
        }
        return metrics.Compute();
    }

    /// <summary>
    /// The equivalence probe: the output and loss (with a graph) of <paramref name="model"/> on the first validation
    /// batch; the caller compares outputs, calls <c>backward</c> on the loss, and disposes both.
    /// </summary>
    public (Tensor Output, Tensor Loss) Probe(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var batch = Data.Validation[0];
        var output = Forward(model, batch);
        return (output, Loss(output, batch));
    }

    /// <summary>One training step on the first training batch: forward, loss, backward, <paramref name="optimizer"/> step; returns the loss (before the step).</summary>
    public double TrainingStep(nn.Module model, optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        using var scope = NewDisposeScope();
        var batch = Data.Train[0];
        optimizer.zero_grad();
        var loss = Loss(Forward(model, batch), batch);
        loss.backward();
        optimizer.step();
        return loss.item<double>();
    }

    /// <summary>One inference step on the first training batch: forward under no_grad (the result read back, so the work is done).</summary>
    public void InferenceStep(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Forward(model, Data.Train[0]).sum().item<float>();
    }

    /// <summary>The number of scalars in the model's parameters.</summary>
    public static long ParameterCount(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.parameters().Sum(p => p.numel());
    }

    /// <summary>Batches of <paramref name="size"/> items from <paramref name="count"/> items made by <paramref name="make"/> (indices start..start+n).</summary>
    protected static List<SequenceBatch> Chunk(int count, int size, Func<int, int, SequenceBatch> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        var batches = new List<SequenceBatch>();
        for (int start = 0; start < count; start += size) batches.Add(make(start, Math.Min(size, count - start)));
        return batches;
    }

    /// <summary>A seeded permutation of 0..n−1.</summary>
    protected int[] Permutation(int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(unchecked((int)Spec.Seed * 7919 + 17)).Shuffle(order);
        return order;
    }
}
