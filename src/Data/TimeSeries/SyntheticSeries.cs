namespace RnnTorch.Data;

/// <summary>
/// Synthetic series for tests and demos: noisy sines, the Mackey–Glass chaotic series and a random walk.
/// Each is deterministic per seed (System.Random seeded with it; never libtorch's generator), with no dates.
/// </summary>
public static class SyntheticSeries
{
    /// <summary>
    /// A sum of sines plus Gaussian noise: <c>value[t] = Σₖ amplitudeₖ · sin(2π · frequencyₖ · t + phaseₖ) + noise · ε[t]</c>,
    /// with each phase drawn uniformly from [0, 2π) and ε standard normal, in column <c>value</c>.
    /// </summary>
    /// <param name="length">The number of steps (0 or more).</param>
    /// <param name="frequencies">The frequencies in cycles per step (e.g. 1/50 for a period of 50 steps), one or more, each finite.</param>
    /// <param name="noise">The standard deviation of the noise (0 or more).</param>
    /// <param name="seed">The seed of the phases and the noise.</param>
    /// <param name="amplitudes">One amplitude per frequency; null for 1 each.</param>
    public static TimeSeries NoisySines(int length, IReadOnlyList<double> frequencies, double noise, int seed, IReadOnlyList<double>? amplitudes = null)
    {
        DataGuard.NotNegative(length);
        DataGuard.NotNull(frequencies);
        if (frequencies.Count == 0) DataGuard.Throw(nameof(frequencies), "must hold at least one frequency, but was empty.");
        if (frequencies.Any(f => !double.IsFinite(f))) DataGuard.Throw(nameof(frequencies), $"must be finite, but were {string.Join(", ", frequencies)}.");
        if (amplitudes is not null && amplitudes.Count != frequencies.Count)
        {
            DataGuard.Throw(nameof(amplitudes), $"has {amplitudes.Count} amplitudes for {frequencies.Count} frequencies.");
        }
        CheckNoise(noise);
        var random = new Random(seed);
        var phases = new double[frequencies.Count];
        for (int k = 0; k < phases.Length; k++) phases[k] = 2 * Math.PI * random.NextDouble();
        var values = new double[length];
        for (int t = 0; t < length; t++)
        {
            double sum = 0;
            for (int k = 0; k < phases.Length; k++)
            {
                sum += (amplitudes?[k] ?? 1.0) * Math.Sin(2 * Math.PI * frequencies[k] * t + phases[k]);
            }
            values[t] = sum + (noise > 0 ? noise * Gaussian(random) : 0);
        }
        return new TimeSeries(["value"], [values]);
    }

    /// <summary>
    /// The Mackey–Glass delay differential equation <c>dx/dt = β·x(t−τ) / (1 + x(t−τ)ⁿ) − γ·x(t)</c>, sampled once per
    /// time unit, in column <c>value</c>; with the defaults (τ = 17) it is chaotic.
    /// </summary>
    /// <param name="length">The number of samples (0 or more).</param>
    /// <param name="seed">The seed of the initial history (values drawn uniformly from [1.1, 1.3] over the first τ time units) and of the noise.</param>
    /// <param name="tau">The delay τ in time units (positive).</param>
    /// <param name="beta">β.</param>
    /// <param name="gamma">γ.</param>
    /// <param name="exponent">n.</param>
    /// <param name="noise">The standard deviation of Gaussian noise added to each sample (not to the dynamics); 0 or more.</param>
    /// <param name="subSteps">Euler steps per time unit (step 1/subSteps; τ·subSteps is rounded to whole steps).</param>
    /// <param name="warmup">Time units integrated and discarded first, so the series starts on the attractor.</param>
    public static TimeSeries MackeyGlass(int length, int seed, double tau = 17, double beta = 0.2, double gamma = 0.1, double exponent = 10,
        double noise = 0, int subSteps = 10, int warmup = 500)
    {
        DataGuard.NotNegative(length);
        if (!(tau > 0) || !double.IsFinite(tau)) DataGuard.Throw(nameof(tau), $"must be positive, but was {tau}.");
        DataGuard.Positive(subSteps);
        DataGuard.NotNegative(warmup);
        CheckNoise(noise);
        var random = new Random(seed);
        int delay = Math.Max(1, (int)Math.Round(tau * subSteps));
        double dt = 1.0 / subSteps;
        // Ring buffer of the last `delay` fine steps; history[i] holds x at fine step (current - delay + i).
        var history = new double[delay];
        for (int i = 0; i < delay; i++) history[i] = 1.1 + 0.2 * random.NextDouble();
        double x = history[delay - 1];
        int head = 0; // index of x(t - τ) in the ring
        var values = new double[length];
        long total = (long)(warmup + length) * subSteps;
        for (long step = 0; step < total; step++)
        {
            if (step % subSteps == 0)
            {
                long sample = step / subSteps - warmup;
                if (sample >= 0) values[sample] = x;
            }
            double delayed = history[head];
            double next = x + dt * (beta * delayed / (1 + Math.Pow(delayed, exponent)) - gamma * x);
            history[head] = x;
            head = (head + 1) % delay;
            x = next;
        }
        if (noise > 0)
        {
            for (int i = 0; i < length; i++) values[i] += noise * Gaussian(random);
        }
        return new TimeSeries(["value"], [values]);
    }

    /// <summary>
    /// A Gaussian random walk: <c>value[0] = start</c>, <c>value[t] = value[t−1] + drift + stepStd · ε[t]</c> with ε standard
    /// normal, in column <c>value</c>.
    /// </summary>
    /// <param name="length">The number of steps (0 or more).</param>
    /// <param name="seed">The seed of the steps.</param>
    /// <param name="stepStd">The standard deviation of a step (0 or more).</param>
    /// <param name="drift">The mean of a step.</param>
    /// <param name="start">The first value.</param>
    public static TimeSeries RandomWalk(int length, int seed, double stepStd = 1.0, double drift = 0.0, double start = 0.0)
    {
        DataGuard.NotNegative(length);
        CheckNoise(stepStd, nameof(stepStd));
        if (!double.IsFinite(drift)) DataGuard.Throw(nameof(drift), $"must be finite, but was {drift}.");
        if (!double.IsFinite(start)) DataGuard.Throw(nameof(start), $"must be finite, but was {start}.");
        var random = new Random(seed);
        var values = new double[length];
        double x = start;
        for (int t = 0; t < length; t++)
        {
            if (t > 0) x += drift + stepStd * Gaussian(random);
            values[t] = x;
        }
        return new TimeSeries(["value"], [values]);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // (0, 1]
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static void CheckNoise(double value, string name = "noise")
    {
        if (!(value >= 0) || !double.IsFinite(value)) DataGuard.Throw(name, $"must be finite and not negative, but was {value}.");
    }
}
