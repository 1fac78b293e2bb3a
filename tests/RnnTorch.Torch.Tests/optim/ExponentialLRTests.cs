using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>ExponentialLR against PyTorch's recursive form: lr ← lr·gamma every epoch after the first.</summary>
public sealed class ExponentialLRTests
{
    [Fact]
    public void ScheduleMatchesTheRecursiveForm()
    {
        using var f = new SchedulerFixture();
        var actual = f.Run(optim.lr_scheduler.ExponentialLR(f.Optimizer, 0.9), 20);
        var lr = f.BaseLrs;
        for (int e = 0; e <= 20; e++)
        {
            if (e > 0) lr = lr.Select(v => v * 0.9).ToArray();
            Assert.Equal(lr[0], actual[e][0], 1e-14);
            Assert.Equal(lr[1], actual[e][1], 1e-14);
        }
    }

    [Fact]
    public void BadGammaIsRejected()
    {
        using var f = new SchedulerFixture();
        Assert.Equal("gamma", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.ExponentialLR(f.Optimizer, -0.9)).ParamName);
    }
}
