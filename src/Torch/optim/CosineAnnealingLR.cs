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
                /// Cosine annealing (PyTorch's <c>CosineAnnealingLR</c>, SGDR without restarts):
                /// lr(t) = eta_min + (initial_lr − eta_min)·(1 + cos(π·t / T_max)) / 2. This closed form equals PyTorch's
                /// recursive form at every epoch, past T_max too, where the learning rate rises again along the same
                /// cosine.
                /// </summary>
                public sealed class CosineAnnealingLR : LRScheduler
                {
                    private readonly int tMax;
                    private readonly double etaMin;

                    /// <summary>Makes the schedule and sets the learning rates of epoch 0 (or of <paramref name="last_epoch"/> + 1 when resuming).</summary>
                    public CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0, int last_epoch = -1) : base(optimizer, last_epoch)
                    {
                        if (T_max <= 0) ThrowHelper.ThrowArgument(nameof(T_max), $"must be positive, but was {T_max}.");
                        if (!(eta_min >= 0) || double.IsInfinity(eta_min)) ThrowHelper.ThrowArgument(nameof(eta_min), $"must be a finite number >= 0, but was {eta_min}.");
                        tMax = T_max;
                        etaMin = eta_min;
                        InitialStep();
                    }

                    private protected override double[] get_lr(int epoch) =>
                        base_lrs.Select(b => etaMin + (b - etaMin) * (1 + Math.Cos(Math.PI * epoch / tMax)) / 2).ToArray();
                }
            }
        }
    }
}
