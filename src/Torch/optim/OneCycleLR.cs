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
                /// The 1cycle policy (Smith &amp; Topin, "Super-Convergence", 2017; PyTorch 1.13's <c>OneCycleLR</c>),
                /// stepped once per batch. Each group's learning rate starts at initial_lr = max_lr / div_factor, rises
                /// to max_lr over the first pct_start of the steps and then falls to min_lr = initial_lr /
                /// final_div_factor (three_phase: falls back to initial_lr over as many steps, then to min_lr), annealing
                /// each phase by cosine or linearly as PyTorch does (phase ends at steps pct_start·total − 1,
                /// [2·pct_start·total − 2,] total − 1). With <c>cycle_momentum</c>, the group's <c>momentum</c> (SGD,
                /// RMSprop) or <c>beta1</c> (Adam, AdamW) moves the opposite way between max_momentum and base_momentum;
                /// an optimizer with neither (Adagrad) needs <c>cycle_momentum: false</c>. The step after the last one
                /// (last_epoch = total_steps, which a loop stepping after every batch reaches) keeps the end values, where
                /// PyTorch extrapolates the last phase past its end (back up along the cosine; below min_lr, even below 0,
                /// when linear); stepping further fails.
                /// </summary>
                public sealed class OneCycleLR : LRScheduler
                {
                    /// <summary>How each phase moves from its start value to its end value.</summary>
                    public enum AnnealStrategy
                    {
                        /// <summary>Along half a cosine: end + (start − end)·(1 + cos(π·pct)) / 2.</summary>
                        Cos,

                        /// <summary>Linearly: start + (end − start)·pct.</summary>
                        Linear,
                    }

                    private readonly record struct Phase(double EndStep, int StartLr, int EndLr, int StartMomentum, int EndMomentum);

                    // Indices into the per-group value table: initial lr, max lr, min lr; max momentum, base momentum.
                    private const int InitialLr = 0, MaxLr = 1, MinLr = 2, MaxMomentum = 0, BaseMomentum = 1;

                    private readonly int totalSteps;
                    private readonly Phase[] phases;
                    private readonly AnnealStrategy strategy;
                    private readonly double[][] lrs;
                    private readonly double[] momentums;
                    private readonly string? momentumOption;

                    /// <summary>The 1cycle policy with the same peak learning rate for every group.</summary>
                    public OneCycleLR(Optimizer optimizer, double max_lr, int total_steps = -1, int epochs = -1, int steps_per_epoch = -1, double pct_start = 0.3,
                        AnnealStrategy anneal_strategy = AnnealStrategy.Cos, bool cycle_momentum = true, double base_momentum = 0.85, double max_momentum = 0.95,
                        double div_factor = 25, double final_div_factor = 1e4, bool three_phase = false, int last_epoch = -1)
                        : this(optimizer, Repeat(optimizer, max_lr), total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum,
                            base_momentum, max_momentum, div_factor, final_div_factor, three_phase, last_epoch)
                    {
                    }

                    /// <summary>The 1cycle policy with a peak learning rate per group; sets the learning rates of step 0.</summary>
                    public OneCycleLR(Optimizer optimizer, IEnumerable<double> max_lr, int total_steps = -1, int epochs = -1, int steps_per_epoch = -1, double pct_start = 0.3,
                        AnnealStrategy anneal_strategy = AnnealStrategy.Cos, bool cycle_momentum = true, double base_momentum = 0.85, double max_momentum = 0.95,
                        double div_factor = 25, double final_div_factor = 1e4, bool three_phase = false, int last_epoch = -1)
                        : base(optimizer, last_epoch, InitialLrs(optimizer, max_lr, div_factor))
                    {
                        totalSteps = TotalSteps(total_steps, epochs, steps_per_epoch);
                        if (!(pct_start >= 0 && pct_start <= 1)) ThrowHelper.ThrowArgument(nameof(pct_start), $"must be in [0, 1], but was {pct_start}.");
                        if (!Enum.IsDefined(anneal_strategy)) ThrowHelper.ThrowArgument(nameof(anneal_strategy), $"must be Cos or Linear, but was {anneal_strategy}.");
                        if (!(final_div_factor > 0) || double.IsInfinity(final_div_factor)) ThrowHelper.ThrowArgument(nameof(final_div_factor), $"must be a finite number > 0, but was {final_div_factor}.");
                        strategy = anneal_strategy;
                        var maxLrs = max_lr.ToArray();
                        lrs = maxLrs.Select(m => new[] { m / div_factor, m, m / div_factor / final_div_factor }).ToArray();
                        phases = three_phase
                            ? new[]
                            {
                                new Phase(pct_start * totalSteps - 1, InitialLr, MaxLr, MaxMomentum, BaseMomentum),
                                new Phase(2 * pct_start * totalSteps - 2, MaxLr, InitialLr, BaseMomentum, MaxMomentum),
                                new Phase(totalSteps - 1, InitialLr, MinLr, MaxMomentum, MaxMomentum),
                            }
                            : new[]
                            {
                                new Phase(pct_start * totalSteps - 1, InitialLr, MaxLr, MaxMomentum, BaseMomentum),
                                new Phase(totalSteps - 1, MaxLr, MinLr, BaseMomentum, MaxMomentum),
                            };
                        momentums = new[] { max_momentum, base_momentum };
                        if (cycle_momentum)
                        {
                            if (!(base_momentum >= 0 && base_momentum < 1)) ThrowHelper.ThrowArgument(nameof(base_momentum), $"must be in [0, 1), but was {base_momentum}.");
                            if (!(max_momentum >= 0 && max_momentum < 1)) ThrowHelper.ThrowArgument(nameof(max_momentum), $"must be in [0, 1), but was {max_momentum}.");
                            momentumOption = optimizer.defaults.ContainsKey("momentum") ? "momentum"
                                : optimizer.defaults.ContainsKey("beta1") ? "beta1"
                                : null;
                            if (momentumOption is null)
                                ThrowHelper.ThrowArgument(nameof(cycle_momentum), $"is true, but {optimizer.GetType().Name} has neither momentum nor beta1: pass cycle_momentum: false.");
                            if (last_epoch == -1)
                            {
                                foreach (var g in optimizer.param_groups) g[momentumOption] = max_momentum;
                            }
                        }
                        InitialStep();
                    }

                    /// <summary>The number of steps the cycle lasts.</summary>
                    public int total_steps => totalSteps;

                    private static double[] Repeat(Optimizer optimizer, double value)
                    {
                        ThrowHelper.ThrowIfNull(optimizer);
                        return Enumerable.Repeat(value, optimizer.param_groups.Count).ToArray();
                    }

                    private static double[] InitialLrs(Optimizer optimizer, IEnumerable<double> max_lr, double div_factor)
                    {
                        ThrowHelper.ThrowIfNull(optimizer);
                        ThrowHelper.ThrowIfNull(max_lr);
                        var maxLrs = max_lr.ToArray();
                        if (maxLrs.Length != optimizer.param_groups.Count)
                            ThrowHelper.ThrowArgument(nameof(max_lr), $"holds {maxLrs.Length} values, but the optimizer has {optimizer.param_groups.Count} parameter groups.");
                        foreach (var m in maxLrs)
                        {
                            if (!(m >= 0) || double.IsInfinity(m)) ThrowHelper.ThrowArgument(nameof(max_lr), $"must be a finite number >= 0, but was {m}.");
                        }
                        if (!(div_factor > 0) || double.IsInfinity(div_factor)) ThrowHelper.ThrowArgument(nameof(div_factor), $"must be a finite number > 0, but was {div_factor}.");
                        return maxLrs.Select(m => m / div_factor).ToArray();
                    }

                    private static int TotalSteps(int total_steps, int epochs, int steps_per_epoch)
                    {
                        if (total_steps != -1)
                        {
                            if (total_steps <= 0) ThrowHelper.ThrowArgument(nameof(total_steps), $"must be positive, but was {total_steps}.");
                            return total_steps;
                        }
                        if (epochs == -1 && steps_per_epoch == -1)
                            ThrowHelper.ThrowArgument(nameof(total_steps), "is not given: give total_steps, or epochs and steps_per_epoch.");
                        if (epochs <= 0) ThrowHelper.ThrowArgument(nameof(epochs), $"must be positive, but was {epochs}.");
                        if (steps_per_epoch <= 0) ThrowHelper.ThrowArgument(nameof(steps_per_epoch), $"must be positive, but was {steps_per_epoch}.");
                        return checked(epochs * steps_per_epoch);
                    }

                    private double Anneal(double start, double end, double pct) => strategy == AnnealStrategy.Cos
                        ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1)
                        : (end - start) * pct + start;

                    private protected override double[] get_lr(int epoch)
                    {
                        if (epoch > totalSteps)
                            throw new InvalidOperationException($"OneCycleLR was stepped {epoch + 1} times, but its total number of steps is {totalSteps}.");
                        var groups = optimizer.param_groups;
                        var result = new double[lrs.Length];
                        for (int g = 0; g < lrs.Length; g++)
                        {
                            double start = 0;
                            for (int i = 0; i < phases.Length; i++)
                            {
                                var phase = phases[i];
                                if (epoch <= phase.EndStep || i == phases.Length - 1)
                                {
                                    double pct = Math.Min(1.0, (epoch - start) / (phase.EndStep - start));
                                    result[g] = Anneal(lrs[g][phase.StartLr], lrs[g][phase.EndLr], pct);
                                    if (momentumOption is not null && g < groups.Count)
                                        groups[g][momentumOption] = Anneal(momentums[phase.StartMomentum], momentums[phase.EndMomentum], pct);
                                    break;
                                }
                                start = phase.EndStep;
                            }
                        }
                        return result;
                    }
                }
            }
        }
    }
}
