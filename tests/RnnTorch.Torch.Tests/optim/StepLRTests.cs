using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>StepLR against PyTorch's recursive form: at each epoch that is a positive multiple of step_size, lr ← lr·gamma.</summary>
public sealed class StepLRTests
{
    [Fact]
    public void ScheduleMatchesTheRecursiveForm()
    {
        using var f = new SchedulerFixture();
        var sched = optim.lr_scheduler.StepLR(f.Optimizer, step_size: 3, gamma: 0.5);
        var actual = f.Run(sched, 20);
        var lr = f.BaseLrs;
        for (int e = 0; e <= 20; e++)
        {
            if (e > 0 && e % 3 == 0) lr = lr.Select(v => v * 0.5).ToArray();
            Assert.Equal(lr[0], actual[e][0], 15);
            Assert.Equal(lr[1], actual[e][1], 15);
        }
    }

    /// <summary>PyTorch's documentation: lr 0.05 for epochs 0–29, 0.005 for 30–59, 0.0005 for 60–89 (step_size 30, gamma 0.1).</summary>
    [Fact]
    public void DocumentationExample()
    {
        using var f = new SchedulerFixture(groups => optim.SGD(groups.Take(1), 0.05));
        var sched = optim.lr_scheduler.StepLR(f.Optimizer, 30, 0.1);
        var lrs = f.Run(sched, 89).Select(r => r[0]).ToArray();
        Assert.All(lrs[..30], v => Assert.Equal(0.05, v, 15));
        Assert.All(lrs[30..60], v => Assert.Equal(0.005, v, 15));
        Assert.All(lrs[60..90], v => Assert.Equal(0.0005, v, 15));
    }

    [Fact]
    public void StateDictRoundTripContinuesTheSchedule()
    {
        using var f = new SchedulerFixture();
        var sched = optim.lr_scheduler.StepLR(f.Optimizer, 4, 0.3);
        f.Run(sched, 7);
        var sd = sched.state_dict();
        Assert.Equal(7, sd["last_epoch"]);
        var rest = f.Run(sched, 6).Skip(1).ToArray();

        using var g = new SchedulerFixture();
        var resumed = optim.lr_scheduler.StepLR(g.Optimizer, 4, 0.3);
        resumed.load_state_dict(sd);
        Assert.Equal(7, resumed.last_epoch);
        Assert.Equal(sd["last_lr.0"], g.Lrs()[0]);
        for (int e = 0; e < rest.Length; e++)
        {
            resumed.step();
            Assert.Equal(rest[e], g.Lrs());
        }
        var bad = new Dictionary<string, double>(sd) { ["gamma"] = 2 };
        Assert.Contains("gamma", Assert.Throws<ArgumentException>(() => resumed.load_state_dict(bad)).Message);
    }

    [Fact]
    public void ResumingNeedsInitialLrAndContinuesFromIt()
    {
        using var f = new SchedulerFixture();
        Assert.Equal("last_epoch", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.StepLR(f.Optimizer, 2, 0.5, last_epoch: 4)).ParamName);
        var first = optim.lr_scheduler.StepLR(f.Optimizer, 2, 0.5);
        Assert.Equal(SchedulerFixture.Lr0, f.Optimizer.param_groups[0].InitialLearningRate);
        var resumed = optim.lr_scheduler.StepLR(f.Optimizer, 2, 0.5, last_epoch: 4);
        Assert.Equal(5, resumed.last_epoch);
        Assert.Equal(SchedulerFixture.Lr0 * 0.25, f.Lrs()[0], 15);
        GC.KeepAlive(first);
    }

    [Fact]
    public void MetricIsIgnored()
    {
        using var f = new SchedulerFixture();
        var sched = optim.lr_scheduler.StepLR(f.Optimizer, 1, 0.5);
        sched.step(123.0);
        Assert.Equal(1, sched.last_epoch);
        Assert.Equal(SchedulerFixture.Lr0 * 0.5, f.Lrs()[0], 15);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        using var f = new SchedulerFixture();
        Assert.Equal("step_size", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.StepLR(f.Optimizer, 0)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.StepLR(f.Optimizer, 2, -0.5)).ParamName);
        Assert.Throws<ArgumentNullException>(() => optim.lr_scheduler.StepLR(null!, 2));
    }
}
