namespace RnnTorch;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            public static partial class impl
            {
                /// <summary>
                /// Reduces the learning rates when a metric has stopped improving (PyTorch's <c>ReduceLROnPlateau</c>).
                /// Each <see cref="step(double)"/> counts an epoch: a metric better than the best so far (mode min, rel:
                /// below best·(1 − threshold); abs: below best − threshold; max mirrors) resets the count of bad epochs,
                /// otherwise it grows; during cooldown it is held at 0. When it exceeds <c>patience</c>, each group's lr
                /// becomes max(lr·factor, min_lr), unless that changes it by no more than eps, and cooldown starts.
                /// </summary>
                public sealed class ReduceLROnPlateau : LRScheduler
                {
                    private readonly bool maximize;
                    private readonly bool relative;
                    private readonly double factor;
                    private readonly int patience;
                    private readonly double threshold;
                    private readonly int cooldown;
                    private readonly double minLr;
                    private readonly double eps;

                    /// <summary>Attaches to <paramref name="optimizer"/>; the learning rates stay as they are until a reduction.</summary>
                    public ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4,
                        string threshold_mode = "rel", int cooldown = 0, double min_lr = 0, double eps = 1e-8)
                        : base(optimizer)
                    {
                        if (mode is not ("min" or "max")) ThrowHelper.ThrowArgument(nameof(mode), $"must be \"min\" or \"max\", but was \"{mode}\".");
                        if (threshold_mode is not ("rel" or "abs")) ThrowHelper.ThrowArgument(nameof(threshold_mode), $"must be \"rel\" or \"abs\", but was \"{threshold_mode}\".");
                        if (!(factor >= 0 && factor < 1)) ThrowHelper.ThrowArgument(nameof(factor), $"must be in [0, 1), but was {factor}.");
                        if (patience < 0) ThrowHelper.ThrowArgument(nameof(patience), $"must not be negative, but was {patience}.");
                        if (!(threshold >= 0) || double.IsInfinity(threshold)) ThrowHelper.ThrowArgument(nameof(threshold), $"must be a finite number >= 0, but was {threshold}.");
                        if (cooldown < 0) ThrowHelper.ThrowArgument(nameof(cooldown), $"must not be negative, but was {cooldown}.");
                        if (!(min_lr >= 0) || double.IsInfinity(min_lr)) ThrowHelper.ThrowArgument(nameof(min_lr), $"must be a finite number >= 0, but was {min_lr}.");
                        if (!(eps >= 0) || double.IsInfinity(eps)) ThrowHelper.ThrowArgument(nameof(eps), $"must be a finite number >= 0, but was {eps}.");
                        maximize = mode == "max";
                        relative = threshold_mode == "rel";
                        this.factor = factor;
                        this.patience = patience;
                        this.threshold = threshold;
                        this.cooldown = cooldown;
                        minLr = min_lr;
                        this.eps = eps;
                        best = maximize ? double.NegativeInfinity : double.PositiveInfinity;
                    }

                    /// <summary>The best metric so far (±infinity before the first step).</summary>
                    public double best { get; private set; }

                    /// <summary>The number of epochs since the last improvement (held at 0 during cooldown).</summary>
                    public int num_bad_epochs { get; private set; }

                    /// <summary>The number of epochs of cooldown left.</summary>
                    public int cooldown_counter { get; private set; }

                    /// <summary>True while in cooldown after a reduction.</summary>
                    public bool in_cooldown => cooldown_counter > 0;

                    /// <summary>Not available: this scheduler needs the metric; call <see cref="step(double)"/>.</summary>
                    public override void step() =>
                        throw new InvalidOperationException("ReduceLROnPlateau needs the metric to decide: call step(metric).");

                    /// <summary>Counts an epoch with <paramref name="metric"/> (a loss in mode min) and reduces the learning rates when it has stalled.</summary>
                    public override void step(double metric)
                    {
                        last_epoch++;
                        if (IsBetter(metric, best))
                        {
                            best = metric;
                            num_bad_epochs = 0;
                        }
                        else
                        {
                            num_bad_epochs++;
                        }
                        if (in_cooldown)
                        {
                            cooldown_counter--;
                            num_bad_epochs = 0;
                        }
                        var lrs = optimizer.param_groups.Select(g => g.LearningRate).ToArray();
                        if (num_bad_epochs > patience)
                        {
                            for (int i = 0; i < lrs.Length; i++)
                            {
                                double reduced = Math.Max(lrs[i] * factor, minLr);
                                if (lrs[i] - reduced > eps) lrs[i] = reduced;
                            }
                            cooldown_counter = cooldown;
                            num_bad_epochs = 0;
                        }
                        Apply(lrs);
                    }

                    private bool IsBetter(double a, double bestSoFar) => (maximize, relative) switch
                    {
                        (false, true) => a < bestSoFar * (1 - threshold),
                        (false, false) => a < bestSoFar - threshold,
                        (true, true) => a > bestSoFar * (threshold + 1),
                        (true, false) => a > bestSoFar + threshold,
                    };

                    private protected override double[] get_lr(int epoch) => optimizer.param_groups.Select(g => g.LearningRate).ToArray();

                    /// <summary>The state: <c>last_epoch</c>, <c>best</c>, <c>num_bad_epochs</c>, <c>cooldown_counter</c>, <c>base_lrs.{g}</c>, <c>last_lr.{g}</c>.</summary>
                    public override Dictionary<string, double> state_dict()
                    {
                        var result = base.state_dict();
                        result["best"] = best;
                        result["num_bad_epochs"] = num_bad_epochs;
                        result["cooldown_counter"] = cooldown_counter;
                        return result;
                    }

                    private protected override IEnumerable<string> ExtraStateKeys => new[] { "best", "num_bad_epochs", "cooldown_counter" };

                    private protected override string? CheckExtraState(IReadOnlyDictionary<string, double> state_dict)
                    {
                        foreach (var key in new[] { "num_bad_epochs", "cooldown_counter" })
                        {
                            double v = state_dict[key];
                            if (!(v >= 0) || v != Math.Floor(v) || v > int.MaxValue) return $"{key} must be an integer >= 0, but is {v}";
                        }
                        return double.IsNaN(state_dict["best"]) ? "best must be a number, but is NaN" : null;
                    }

                    private protected override void LoadExtraState(IReadOnlyDictionary<string, double> state_dict)
                    {
                        best = state_dict["best"];
                        num_bad_epochs = (int)state_dict["num_bad_epochs"];
                        cooldown_counter = (int)state_dict["cooldown_counter"];
                    }
                }
            }
        }
    }
}
