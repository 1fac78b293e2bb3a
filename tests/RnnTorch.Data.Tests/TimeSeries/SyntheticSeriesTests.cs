using RnnTorch.Data;

namespace RnnTorch.Data.Tests;

public sealed class SyntheticSeriesTests
{
    [Fact]
    public void GeneratorsAreDeterministicPerSeed()
    {
        Assert.Equal(SyntheticSeries.NoisySines(300, [0.01, 0.05], 0.1, seed: 3).Column("value"), SyntheticSeries.NoisySines(300, [0.01, 0.05], 0.1, seed: 3).Column("value"));
        Assert.NotEqual(SyntheticSeries.NoisySines(300, [0.01, 0.05], 0.1, seed: 3).Column("value"), SyntheticSeries.NoisySines(300, [0.01, 0.05], 0.1, seed: 4).Column("value"));
        Assert.Equal(SyntheticSeries.MackeyGlass(300, seed: 5).Column("value"), SyntheticSeries.MackeyGlass(300, seed: 5).Column("value"));
        Assert.NotEqual(SyntheticSeries.MackeyGlass(300, seed: 5).Column("value"), SyntheticSeries.MackeyGlass(300, seed: 6).Column("value"));
        Assert.Equal(SyntheticSeries.RandomWalk(300, seed: 1).Column("value"), SyntheticSeries.RandomWalk(300, seed: 1).Column("value"));
        Assert.NotEqual(SyntheticSeries.RandomWalk(300, seed: 1).Column("value"), SyntheticSeries.RandomWalk(300, seed: 2).Column("value"));
    }

    [Fact]
    public void NoiselessSinesArePeriodicAndBounded()
    {
        // Frequencies 1/20 and 1/50: the sum repeats every 100 steps; amplitudes 2 and 0.5 bound it by 2.5.
        var values = SyntheticSeries.NoisySines(400, [1.0 / 20, 1.0 / 50], noise: 0, seed: 11, amplitudes: [2, 0.5]).Column("value");
        for (int t = 0; t + 100 < values.Length; t++) Assert.Equal(values[t], values[t + 100], 9);
        Assert.All(values, v => Assert.InRange(v, -2.5, 2.5));
        Assert.True(values.Max() > 1.5 && values.Min() < -1.5);
        // A single sine of frequency 1/40 and amplitude 1: mean 0 and mean square 1/2 over whole periods.
        var sine = SyntheticSeries.NoisySines(400, [1.0 / 40], noise: 0, seed: 2).Column("value");
        Assert.Equal(0.0, sine.Average(), 9);
        Assert.Equal(0.5, sine.Select(v => v * v).Average(), 9);
    }

    [Fact]
    public void SineNoiseHasTheRequestedStandardDeviation()
    {
        var clean = SyntheticSeries.NoisySines(20000, [0.01], noise: 0, seed: 9).Column("value");
        var noisy = SyntheticSeries.NoisySines(20000, [0.01], noise: 0.3, seed: 9).Column("value");
        var residual = noisy.Zip(clean, (a, b) => a - b).ToArray();
        double mean = residual.Average();
        double std = Math.Sqrt(residual.Select(r => (r - mean) * (r - mean)).Average());
        Assert.InRange(mean, -0.015, 0.015);
        Assert.InRange(std, 0.3 * 0.97, 0.3 * 1.03);
    }

    [Fact]
    public void RandomWalkStepsHaveTheRequestedDriftAndSpread()
    {
        var values = SyntheticSeries.RandomWalk(20001, seed: 4, stepStd: 2.0, drift: 0.5, start: 10).Column("value");
        Assert.Equal(10.0, values[0]);
        var steps = values.Skip(1).Zip(values, (b, a) => b - a).ToArray();
        double mean = steps.Average();
        double std = Math.Sqrt(steps.Select(s => (s - mean) * (s - mean)).Average());
        Assert.InRange(mean, 0.5 - 0.05, 0.5 + 0.05);   // standard error 2/sqrt(20000) ≈ 0.014
        Assert.InRange(std, 2.0 * 0.97, 2.0 * 1.03);
    }

    [Fact]
    public void MackeyGlassStaysOnItsAttractorAndIsNotPeriodicNoise()
    {
        var values = SyntheticSeries.MackeyGlass(2000, seed: 1).Column("value");
        // The τ = 17 attractor lies roughly within [0.2, 1.4] (Mackey & Glass 1977; the usual benchmark range).
        Assert.All(values, v => Assert.InRange(v, 0.2, 1.5));
        double mean = values.Average();
        double std = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(std, 0.1, 0.4);
        // Smooth: consecutive samples (1 time unit apart) differ far less than the spread.
        double meanStep = values.Skip(1).Zip(values, (b, a) => Math.Abs(b - a)).Average();
        Assert.True(meanStep < std, $"mean |step| {meanStep} vs std {std}");
        // The equation's fixed point x* solves β/(1 + x*ⁿ) = γ, i.e. x* = 1 for β = 0.2, γ = 0.1, n = 10:
        // a chaotic orbit keeps crossing it.
        Assert.True(values.Min() < 1.0 && values.Max() > 1.0);
    }
}
