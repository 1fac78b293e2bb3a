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
                /// Decays each group's learning rate by <c>gamma</c> every <c>step_size</c> epochs (PyTorch's
                /// <c>StepLR</c>): lr(t) = initial_lr · gamma^⌊t / step_size⌋.
                /// </summary>
                public sealed class StepLR : LRScheduler
                {
                    private readonly int stepSize;
                    private readonly double gamma;

                    /// <summary>Makes the schedule and sets the learning rates of epoch 0 (or of <paramref name="last_epoch"/> + 1 when resuming).</summary>
                    public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) : base(optimizer, last_epoch)
                    {
                        if (step_size <= 0) ThrowHelper.ThrowArgument(nameof(step_size), $"must be positive, but was {step_size}.");
                        if (!(gamma >= 0) || double.IsInfinity(gamma)) ThrowHelper.ThrowArgument(nameof(gamma), $"must be a finite number >= 0, but was {gamma}.");
                        stepSize = step_size;
                        this.gamma = gamma;
                        InitialStep();
                    }

                    private protected override double[] get_lr(int epoch) =>
                        base_lrs.Select(b => b * Math.Pow(gamma, Math.Floor((double)epoch / stepSize))).ToArray();
                }
            }
        }
    }
}
