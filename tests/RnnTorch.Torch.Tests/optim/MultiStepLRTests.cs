using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>MultiStepLR against PyTorch's recursive form: at an epoch listed k times among the milestones, lr ← lr·gammaᵏ.</summary>
public sealed class MultiStepLRTests
{
    [Fact]
    public void ScheduleMatchesTheRecursiveForm()
    {
        int[] milestones = { 9, 2, 5, 5 };
        using var f = new SchedulerFixture();
        var sched = optim.lr_scheduler.MultiStepLR(f.Optimizer, milestones, gamma: 0.5);
        var actual = f.Run(sched, 20);
        var lr = f.BaseLrs;
        for (int e = 0; e <= 20; e++)
        {
            int k = milestones.Count(m => m == e);
            lr = lr.Select(v => v * Math.Pow(0.5, k)).ToArray();
            Assert.Equal(lr[0], actual[e][0], 15);
            Assert.Equal(lr[1], actual[e][1], 15);
        }
        Assert.Equal(SchedulerFixture.Lr0 / 16, actual[20][0], 15);
    }

    /// <summary>PyTorch's documentation: lr 0.05 for epochs 0–29, 0.005 for 30–79, 0.0005 from 80 (milestones 30, 80).</summary>
    [Fact]
    public void DocumentationExample()
    {
        using var f = new SchedulerFixture(groups => optim.SGD(groups.Take(1), 0.05));
        var lrs = f.Run(optim.lr_scheduler.MultiStepLR(f.Optimizer, new[] { 30, 80 }), 100).Select(r => r[0]).ToArray();
        Assert.All(lrs[..30], v => Assert.Equal(0.05, v, 15));
        Assert.All(lrs[30..80], v => Assert.Equal(0.005, v, 15));
        Assert.All(lrs[80..], v => Assert.Equal(0.0005, v, 15));
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        using var f = new SchedulerFixture();
        Assert.Equal("milestones", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.MultiStepLR(f.Optimizer, new[] { 3, -1 })).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.MultiStepLR(f.Optimizer, new[] { 3 }, double.NaN)).ParamName);
    }
}
