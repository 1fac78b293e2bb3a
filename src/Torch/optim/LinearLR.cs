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
                /// Scales each group's learning rate by a factor that goes linearly from <c>start_factor</c> to
                /// <c>end_factor</c> over <c>total_iters</c> epochs and stays there (PyTorch's <c>LinearLR</c>, a warm-up):
                /// lr(t) = initial_lr · (start_factor + (end_factor − start_factor) · min(t, total_iters) / total_iters).
                /// </summary>
                public sealed class LinearLR : LRScheduler
                {
                    private readonly double startFactor;
                    private readonly double endFactor;
                    private readonly int totalIters;

                    /// <summary>Makes the schedule and sets the learning rates of epoch 0 (or of <paramref name="last_epoch"/> + 1 when resuming).</summary>
                    public LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, int total_iters = 5, int last_epoch = -1) : base(optimizer, last_epoch)
                    {
                        if (!(start_factor > 0 && start_factor <= 1)) ThrowHelper.ThrowArgument(nameof(start_factor), $"must be in (0, 1], but was {start_factor}.");
                        if (!(end_factor >= 0 && end_factor <= 1)) ThrowHelper.ThrowArgument(nameof(end_factor), $"must be in [0, 1], but was {end_factor}.");
                        if (total_iters <= 0) ThrowHelper.ThrowArgument(nameof(total_iters), $"must be positive, but was {total_iters}.");
                        startFactor = start_factor;
                        endFactor = end_factor;
                        totalIters = total_iters;
                        InitialStep();
                    }

                    private protected override double[] get_lr(int epoch) =>
                        base_lrs.Select(b => b * (startFactor + (endFactor - startFactor) * Math.Min(totalIters, epoch) / totalIters)).ToArray();
                }
            }
        }
    }
}
