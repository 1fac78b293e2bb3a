using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>LinearLR (warm-up) against PyTorch's recursive form and its documentation's example.</summary>
public sealed class LinearLRTests
{
    [Fact]
    public void ScheduleMatchesTheRecursiveForm()
    {
        const double sf = 0.25, ef = 0.9;
        const int total = 7;
        using var f = new SchedulerFixture();
        var actual = f.Run(optim.lr_scheduler.LinearLR(f.Optimizer, sf, ef, total), 20);
        var lr = f.BaseLrs;
        for (int e = 0; e <= 20; e++)
        {
            // PyTorch 1.13's get_lr.
            if (e == 0) lr = lr.Select(v => v * sf).ToArray();
            else if (e <= total) lr = lr.Select(v => v * (1 + (ef - sf) / (total * sf + (e - 1) * (ef - sf)))).ToArray();
            for (int g = 0; g < 2; g++) Assert.True(Math.Abs(lr[g] - actual[e][g]) <= 1e-14, $"epoch {e}: {lr[g]:R} vs {actual[e][g]:R}");
        }
        Assert.Equal(SchedulerFixture.Lr0 * ef, actual[20][0], 15);
    }

    /// <summary>PyTorch's documentation: base 0.05, start_factor 0.5, total_iters 4 → 0.025, 0.03125, 0.0375, 0.04375, then 0.05.</summary>
    [Fact]
    public void DocumentationExample()
    {
        using var f = new SchedulerFixture(groups => optim.SGD(groups.Take(1), 0.05));
        var lrs = f.Run(optim.lr_scheduler.LinearLR(f.Optimizer, start_factor: 0.5, total_iters: 4), 8).Select(r => r[0]).ToArray();
        Assert.Equal(new[] { 0.025, 0.03125, 0.0375, 0.04375, 0.05, 0.05, 0.05, 0.05, 0.05 }, lrs.Select(v => Math.Round(v, 15)).ToArray());
    }

    [Fact]
    public void DefaultsWarmUpFromAThird()
    {
        using var f = new SchedulerFixture();
        var actual = f.Run(optim.lr_scheduler.LinearLR(f.Optimizer), 6);
        Assert.Equal(SchedulerFixture.Lr0 / 3, actual[0][0], 15);
        Assert.Equal(SchedulerFixture.Lr0, actual[5][0], 15);
        Assert.Equal(SchedulerFixture.Lr0, actual[6][0], 15);
    }

    [Theory]
    [InlineData(0.0, 1.0, 5, "start_factor")]
    [InlineData(1.5, 1.0, 5, "start_factor")]
    [InlineData(0.5, 1.2, 5, "end_factor")]
    [InlineData(0.5, 1.0, 0, "total_iters")]
    public void BadArgumentsAreRejected(double sf, double ef, int total, string name)
    {
        using var f = new SchedulerFixture();
        Assert.Equal(name, Assert.Throws<ArgumentException>(() => optim.lr_scheduler.LinearLR(f.Optimizer, sf, ef, total)).ParamName);
    }
}
