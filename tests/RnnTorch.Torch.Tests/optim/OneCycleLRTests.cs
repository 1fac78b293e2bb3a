using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// OneCycleLR against the 1cycle policy as PyTorch documents and implements it: from max_lr / div_factor up to max_lr
/// until step pct_start·total − 1, then down to max_lr / div_factor / final_div_factor at step total − 1 (three_phase:
/// back to the initial lr at 2·pct_start·total − 2 first), each phase annealed by cosine or linearly, with momentum
/// cycling between max_momentum and base_momentum the other way.
/// </summary>
public sealed class OneCycleLRTests
{
    private static double Cos(double start, double end, double pct) => end + (start - end) / 2 * (1 + Math.Cos(Math.PI * pct));

    private static double Lin(double start, double end, double pct) => start + (end - start) * pct;

    /// <summary>(lr, momentum) at step t of the two-phase cycle.</summary>
    private static (double lr, double momentum) TwoPhase(int t, int total, double maxLr, double pct, Func<double, double, double, double> anneal)
    {
        double initial = maxLr / 25, min = initial / 1e4, up = pct * total - 1;
        return t <= up
            ? (anneal(initial, maxLr, t / up), anneal(0.95, 0.85, t / up))
            : (anneal(maxLr, min, (t - up) / (total - 1 - up)), anneal(0.85, 0.95, (t - up) / (total - 1 - up)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TwoPhaseScheduleAndMomentum(bool linear)
    {
        const int total = 20;
        using var f = new SchedulerFixture();
        var strategy = linear ? optim.lr_scheduler.impl.OneCycleLR.AnnealStrategy.Linear : optim.lr_scheduler.impl.OneCycleLR.AnnealStrategy.Cos;
        var sched = optim.lr_scheduler.OneCycleLR(f.Optimizer, max_lr: 0.5, total_steps: total, anneal_strategy: strategy);
        Assert.Equal(0.5 / 25, f.Optimizer.param_groups[0].InitialLearningRate, 15);
        Func<double, double, double, double> anneal = linear ? Lin : Cos;
        for (int t = 0; t < total; t++)
        {
            if (t > 0) sched.step();
            var (lr, momentum) = TwoPhase(t, total, 0.5, 0.3, anneal);
            foreach (var g in f.Optimizer.param_groups)
            {
                Assert.True(Math.Abs(lr - g.lr) <= 1e-14, $"step {t}: lr {lr:R} vs {g.lr:R}");
                Assert.True(Math.Abs(momentum - g["momentum"]) <= 1e-14, $"step {t}: momentum {momentum:R} vs {g["momentum"]:R}");
            }
        }
        Assert.Equal(0.5 / 25 / 1e4, f.Lrs()[0], 15);
        Assert.Equal(0.95, f.Optimizer.param_groups[0]["momentum"], 15);
    }

    [Fact]
    public void PeakIsReachedAtTheEndOfTheFirstPhase()
    {
        using var f = new SchedulerFixture();
        var sched = optim.lr_scheduler.OneCycleLR(f.Optimizer, new[] { 1.0, 0.2 }, epochs: 4, steps_per_epoch: 5);
        Assert.Equal(20, sched.total_steps);
        for (int t = 1; t <= 5; t++) sched.step();
        Assert.Equal(new[] { 1.0, 0.2 }, f.Lrs());
        Assert.Equal(0.85, f.Optimizer.param_groups[1]["momentum"], 15);
    }

    [Fact]
    public void ThreePhaseSchedule()
    {
        const int total = 20;
        using var f = new SchedulerFixture();
        var sched = optim.lr_scheduler.OneCycleLR(f.Optimizer, 0.5, total, pct_start: 0.3, three_phase: true);
        double initial = 0.02, min = 0.02 / 1e4;
        for (int t = 0; t < total; t++)
        {
            if (t > 0) sched.step();
            double lr, momentum;
            if (t <= 5) (lr, momentum) = (Cos(initial, 0.5, t / 5.0), Cos(0.95, 0.85, t / 5.0));
            else if (t <= 10) (lr, momentum) = (Cos(0.5, initial, (t - 5) / 5.0), Cos(0.85, 0.95, (t - 5) / 5.0));
            else (lr, momentum) = (Cos(initial, min, (t - 10) / 9.0), 0.95);
            Assert.True(Math.Abs(lr - f.Lrs()[0]) <= 1e-14, $"step {t}: lr {lr:R} vs {f.Lrs()[0]:R}");
            Assert.True(Math.Abs(momentum - f.Optimizer.param_groups[0]["momentum"]) <= 1e-14, $"step {t}: momentum");
        }
    }

    [Fact]
    public void AdamCyclesBeta1AndKeepsBeta2()
    {
        using var f = new SchedulerFixture(groups => optim.Adam(groups, beta2: 0.99));
        var sched = optim.lr_scheduler.OneCycleLR(f.Optimizer, 0.01, total_steps: 10, base_momentum: 0.8, max_momentum: 0.9);
        Assert.Equal(0.9, f.Optimizer.param_groups[0]["beta1"], 15);
        sched.step();
        sched.step();
        Assert.Equal(Cos(0.9, 0.8, 1.0), f.Optimizer.param_groups[0]["beta1"], 15);
        Assert.Equal(0.99, f.Optimizer.param_groups[0]["beta2"]);
    }

    [Fact]
    public void OptimizerWithoutMomentumNeedsCycleMomentumOff()
    {
        using var f = new SchedulerFixture(groups => optim.Adagrad(groups));
        Assert.Equal("cycle_momentum", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.OneCycleLR(f.Optimizer, 0.1, 10)).ParamName);
        var sched = optim.lr_scheduler.OneCycleLR(f.Optimizer, 0.1, 10, cycle_momentum: false);
        Assert.Equal(0.1 / 25, f.Lrs()[0], 15);
        GC.KeepAlive(sched);
    }

    [Fact]
    public void SteppingPastTheEndFails()
    {
        using var f = new SchedulerFixture();
        var sched = optim.lr_scheduler.OneCycleLR(f.Optimizer, 0.1, total_steps: 5);
        for (int t = 1; t <= 5; t++) sched.step(); // PyTorch allows stepping to last_epoch == total_steps
        Assert.Equal(0.1 / 25 / 1e4, f.Lrs()[0], 15); // the end value is kept there (PyTorch would extrapolate)
        Assert.Equal(0.95, f.Optimizer.param_groups[0]["momentum"], 15);
        Assert.Throws<InvalidOperationException>(() => sched.step());
        Assert.Equal(5, sched.last_epoch);
    }

    [Theory]
    [InlineData(-1, -1, -1, 0.3, "total_steps")]
    [InlineData(0, -1, -1, 0.3, "total_steps")]
    [InlineData(-1, 3, -1, 0.3, "steps_per_epoch")]
    [InlineData(10, -1, -1, 1.5, "pct_start")]
    public void BadArgumentsAreRejected(int total, int epochs, int perEpoch, double pct, string name)
    {
        using var f = new SchedulerFixture();
        Assert.Equal(name, Assert.Throws<ArgumentException>(() => optim.lr_scheduler.OneCycleLR(f.Optimizer, 0.1, total, epochs, perEpoch, pct)).ParamName);
        Assert.Equal("max_lr", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.OneCycleLR(f.Optimizer, new[] { 0.1 }, 10)).ParamName);
    }
}
