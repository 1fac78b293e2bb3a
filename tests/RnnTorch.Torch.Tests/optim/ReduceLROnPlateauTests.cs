using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>ReduceLROnPlateau on scripted metric sequences whose learning rates were worked out by hand from PyTorch's rules.</summary>
public sealed class ReduceLROnPlateauTests
{
    // mode min, rel threshold 0.1 (better means below 0.9·best), factor 0.5, patience 2, cooldown 1, min_lr 0.02:
    //  e1 10 best; e2 9.5, e3 9.2 bad 1, 2; e4 9.1 bad 3 > 2 → 0.1 → 0.05 (group 1: max(0.01, 0.02) = 0.02, unchanged), cooldown 1;
    //  e5 9.05 bad, but cooling down → 0; e6 8.0 < 9.0 best; e7 7.5, e8 7.3 bad 1, 2; e9 7.3 bad 3 → 0.025;
    //  e10 cooldown; e11, e12 bad 1, 2; e13 bad 3 → max(0.0125, 0.02) = 0.02; e14 cooldown; e15, e16; e17 → 0.02 stays (no change).
    private static readonly double[] Metrics = { 10, 9.5, 9.2, 9.1, 9.05, 8.0, 7.5, 7.3, 7.3, 7.3, 7.3, 7.3, 7.3, 7.3, 7.3, 7.3, 7.3 };

    private static readonly double[] Expected0 =
        { 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025, 0.02, 0.02, 0.02, 0.02, 0.02 };

    private static optim.lr_scheduler.impl.ReduceLROnPlateau Make(optim.Optimizer opt) =>
        optim.lr_scheduler.ReduceLROnPlateau(opt, "min", factor: 0.5, patience: 2, threshold: 0.1, cooldown: 1, min_lr: 0.02);

    [Fact]
    public void ScriptedMetricsReduceAsWorkedOut()
    {
        using var f = new SchedulerFixture();
        var sched = Make(f.Optimizer);
        Assert.Equal(new[] { 0.1, 0.02 }, f.Lrs());
        for (int e = 0; e < Metrics.Length; e++)
        {
            f.Optimizer.step();
            sched.step(Metrics[e]);
            Assert.Equal(e + 1, sched.last_epoch);
            Assert.Equal(Expected0[e], f.Lrs()[0], 15);
            Assert.Equal(0.02, f.Lrs()[1]);
            Assert.Equal(f.Lrs(), sched.get_last_lr());
            if (e == 3) Assert.True(sched.in_cooldown);
            if (e == 4) Assert.Equal((0, 0), (sched.cooldown_counter, sched.num_bad_epochs));
            if (e == 5) Assert.Equal(8.0, sched.best);
        }
    }

    [Fact]
    public void ModeMaxWithAbsoluteThreshold()
    {
        // Better means above best + 0.5; patience 0 reduces at the first bad epoch: 1 best; 1.4 bad → 0.01; 2.0 best; 2.3 bad → 0.001.
        using var f = new SchedulerFixture();
        var sched = optim.lr_scheduler.ReduceLROnPlateau(f.Optimizer, "max", factor: 0.1, patience: 0, threshold: 0.5, threshold_mode: "abs");
        var lrs = new[] { 1.0, 1.4, 2.0, 2.3 }.Select(m =>
        {
            sched.step(m);
            return f.Lrs()[0];
        }).ToArray();
        Assert.Equal(new[] { 0.1, 0.01, 0.01, 0.001 }, lrs.Select(v => Math.Round(v, 15)).ToArray());
        Assert.Equal(2.0, sched.best);
    }

    [Fact]
    public void SmallerChangeThanEpsIsSkipped()
    {
        using var f = new SchedulerFixture();
        var sched = optim.lr_scheduler.ReduceLROnPlateau(f.Optimizer, factor: 0.9, patience: 0, eps: 0.005);
        sched.step(1.0);
        sched.step(2.0); // group 0: 0.1 → 0.09 (a change of 0.01 > eps); group 1: 0.02 → 0.018 (0.002 <= eps: kept)
        Assert.Equal(0.09, f.Lrs()[0], 15);
        Assert.Equal(0.02, f.Lrs()[1]);
    }

    [Fact]
    public void StepWithoutMetricFails()
    {
        using var f = new SchedulerFixture();
        optim.lr_scheduler.LRScheduler sched = Make(f.Optimizer);
        Assert.Throws<InvalidOperationException>(() => sched.step());
    }

    [Fact]
    public void StateDictRoundTripContinues()
    {
        using var f = new SchedulerFixture();
        var sched = Make(f.Optimizer);
        foreach (var m in Metrics[..7]) sched.step(m);
        var sd = sched.state_dict();
        Assert.Equal(8.0, sd["best"]);
        Assert.Equal(1, sd["num_bad_epochs"]);

        using var g = new SchedulerFixture();
        var resumed = Make(g.Optimizer);
        resumed.load_state_dict(sd);
        Assert.Equal(0.05, g.Lrs()[0], 15);
        for (int e = 7; e < Metrics.Length; e++)
        {
            sched.step(Metrics[e]);
            resumed.step(Metrics[e]);
            Assert.Equal(f.Lrs(), g.Lrs());
            Assert.Equal(Expected0[e], g.Lrs()[0], 15);
        }
    }

    [Theory]
    [InlineData("min", 1.0, "rel", 10, "factor")]
    [InlineData("minimum", 0.1, "rel", 10, "mode")]
    [InlineData("min", 0.1, "relative", 10, "threshold_mode")]
    [InlineData("max", 0.1, "abs", -1, "patience")]
    public void BadArgumentsAreRejected(string mode, double factor, string thresholdMode, int patience, string name)
    {
        using var f = new SchedulerFixture();
        var e = Assert.Throws<ArgumentException>(() => optim.lr_scheduler.ReduceLROnPlateau(f.Optimizer, mode, factor, patience, threshold_mode: thresholdMode));
        Assert.Equal(name, e.ParamName);
    }
}
