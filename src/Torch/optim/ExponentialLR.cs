namespace RnnTorch;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            public static partial class impl
            {
                /// <summary>Decays each group's learning rate by <c>gamma</c> every epoch (PyTorch's <c>ExponentialLR</c>): lr(t) = initial_lr · gammaᵗ.</summary>
                public sealed class ExponentialLR : LRScheduler
                {
                    private readonly double gamma;

                    /// <summary>Makes the schedule and sets the learning rates of epoch 0 (or of <paramref name="last_epoch"/> + 1 when resuming).</summary>
                    public ExponentialLR(Optimizer optimizer, double gamma, int last_epoch = -1) : base(optimizer, last_epoch)
                    {
                        if (!(gamma >= 0) || double.IsInfinity(gamma)) ThrowHelper.ThrowArgument(nameof(gamma), $"must be a finite number >= 0, but was {gamma}.");
                        this.gamma = gamma;
                        InitialStep();
                    }

                    private protected override double[] get_lr(int epoch) => base_lrs.Select(b => b * Math.Pow(gamma, epoch)).ToArray();
                }
            }
        }
    }
}
