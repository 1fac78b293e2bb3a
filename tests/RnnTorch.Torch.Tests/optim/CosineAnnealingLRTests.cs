using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// CosineAnnealingLR: the closed form of PyTorch's documentation, η_t = η_min + (η_max − η_min)(1 + cos(π·t / T_max)) / 2,
/// checked against PyTorch's recursive update (which the implementation does not use) over more than three half-periods.
/// </summary>
public sealed class CosineAnnealingLRTests
{
    [Fact]
    public void ClosedFormEqualsPyTorchsRecursiveForm()
    {
        const int T = 6;
        const double etaMin = 0.001;
        using var f = new SchedulerFixture();
        var actual = f.Run(optim.lr_scheduler.CosineAnnealingLR(f.Optimizer, T, etaMin), 20);
        for (int g = 0; g < 2; g++)
        {
            double baseLr = f.BaseLrs[g];
            double lr = baseLr;
            for (int e = 0; e <= 20; e++)
            {
                // PyTorch 1.13's get_lr: the value of the previous epoch, updated.
                if (e == 0) lr = baseLr;
                else if ((e - 1 - T) % (2 * T) == 0) lr += (baseLr - etaMin) * (1 - Math.Cos(Math.PI / T)) / 2;
                else lr = (1 + Math.Cos(Math.PI * e / T)) / (1 + Math.Cos(Math.PI * (e - 1) / T)) * (lr - etaMin) + etaMin;
                Assert.True(Math.Abs(lr - actual[e][g]) <= 1e-12 + 1e-9 * lr, $"epoch {e}, group {g}: recursive {lr:R}, got {actual[e][g]:R}");
            }
        }
        Assert.Equal(etaMin, actual[T][0], 15);
        Assert.Equal(etaMin, actual[3 * T][1], 15);
        Assert.Equal(SchedulerFixture.Lr0, actual[2 * T][0], 15);
        Assert.Equal((SchedulerFixture.Lr0 + etaMin) / 2, actual[T / 2][0], 15);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        using var f = new SchedulerFixture();
        Assert.Equal("T_max", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.CosineAnnealingLR(f.Optimizer, 0)).ParamName);
        Assert.Equal("eta_min", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.CosineAnnealingLR(f.Optimizer, 5, -1)).ParamName);
    }
}
