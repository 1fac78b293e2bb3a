using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>An optimizer with two parameter groups (lr 0.1 and 0.02) for scheduler tests, and a recorder of learning rates.</summary>
internal sealed class SchedulerFixture : IDisposable
{
    public const double Lr0 = 0.1, Lr1 = 0.02;

    private readonly Quadratic a = new(), b = new();

    public SchedulerFixture(Func<IEnumerable<optim.ParamGroup>, optim.Optimizer>? make = null)
    {
        var groups = new[] { new optim.ParamGroup(new[] { a.P }), new optim.ParamGroup(new[] { b.P }, lr: Lr1) };
        Optimizer = make is null ? optim.SGD(groups, Lr0, momentum: 0.9) : make(groups);
    }

    public optim.Optimizer Optimizer { get; }

    public double[] BaseLrs => new[] { Lr0, Lr1 };

    /// <summary>The groups' learning rates now.</summary>
    public double[] Lrs() => Optimizer.param_groups.Select(g => g.lr).ToArray();

    /// <summary>
    /// The learning rates of the current epoch and the next <paramref name="epochs"/>: those set so far, then after each step (an
    /// optimizer step first, as in training); each row also checks get_last_lr.
    /// </summary>
    public double[][] Run(optim.lr_scheduler.LRScheduler scheduler, int epochs)
    {
        var rows = new List<double[]> { Lrs() };
        Assert.Equal(rows[0], scheduler.get_last_lr());
        int start = scheduler.last_epoch;
        for (int e = 1; e <= epochs; e++)
        {
            Optimizer.step();
            scheduler.step();
            Assert.Equal(start + e, scheduler.last_epoch);
            rows.Add(Lrs());
            Assert.Equal(rows[^1], scheduler.get_last_lr());
        }
        return rows.ToArray();
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        a.Dispose();
        b.Dispose();
    }
}
