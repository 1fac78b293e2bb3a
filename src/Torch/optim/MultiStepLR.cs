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
                /// Decays each group's learning rate by <c>gamma</c> once the epoch reaches each milestone (PyTorch's
                /// <c>MultiStepLR</c>): lr(t) = initial_lr · gamma^(number of milestones ≤ t), a milestone listed twice
                /// counting twice.
                /// </summary>
                public sealed class MultiStepLR : LRScheduler
                {
                    private readonly int[] milestones;
                    private readonly double gamma;

                    /// <summary>Makes the schedule and sets the learning rates of epoch 0 (or of <paramref name="last_epoch"/> + 1 when resuming).</summary>
                    public MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1, int last_epoch = -1) : base(optimizer, last_epoch)
                    {
                        ThrowHelper.ThrowIfNull(milestones);
                        var sorted = milestones.OrderBy(m => m).ToArray();
                        if (sorted.Length > 0 && sorted[0] < 0) ThrowHelper.ThrowArgument(nameof(milestones), $"must be epochs >= 0, but holds {sorted[0]}.");
                        if (!(gamma >= 0) || double.IsInfinity(gamma)) ThrowHelper.ThrowArgument(nameof(gamma), $"must be a finite number >= 0, but was {gamma}.");
                        this.milestones = sorted;
                        this.gamma = gamma;
                        InitialStep();
                    }

                    private protected override double[] get_lr(int epoch)
                    {
                        int passed = milestones.Count(m => m <= epoch);
                        return base_lrs.Select(b => b * Math.Pow(gamma, passed)).ToArray();
                    }
                }
            }
        }
    }
}
