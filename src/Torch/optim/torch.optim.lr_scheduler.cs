namespace RnnTorch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Learning-rate schedulers (PyTorch's <c>torch.optim.lr_scheduler</c>, TorchSharp's names): each changes the
        /// <c>lr</c> of its optimizer's parameter groups when its <c>step</c> is called, normally once per epoch (or
        /// per batch for <see cref="OneCycleLR(Optimizer, double, int, int, int, double, impl.OneCycleLR.AnnealStrategy, bool, double, double, double, double, bool, int)"/>),
        /// after the optimizer's step. Making a scheduler sets the learning rates for epoch 0 at once.
        /// </summary>
        public static partial class lr_scheduler
        {
            /// <summary>The scheduler classes (TorchSharp's <c>lr_scheduler.impl</c>).</summary>
            public static partial class impl
            {
            }

            /// <summary>Multiplies each group's learning rate by <paramref name="gamma"/> every <paramref name="step_size"/> epochs (see <see cref="impl.StepLR"/>).</summary>
            public static impl.StepLR StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) =>
                new(optimizer, step_size, gamma, last_epoch);

            /// <summary>Multiplies each group's learning rate by <paramref name="gamma"/> at each milestone epoch (see <see cref="impl.MultiStepLR"/>).</summary>
            public static impl.MultiStepLR MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1, int last_epoch = -1) =>
                new(optimizer, milestones, gamma, last_epoch);

            /// <summary>Multiplies each group's learning rate by <paramref name="gamma"/> every epoch (see <see cref="impl.ExponentialLR"/>).</summary>
            public static impl.ExponentialLR ExponentialLR(Optimizer optimizer, double gamma, int last_epoch = -1) =>
                new(optimizer, gamma, last_epoch);

            /// <summary>Cosine annealing from each group's initial learning rate to <paramref name="eta_min"/> over <paramref name="T_max"/> epochs (see <see cref="impl.CosineAnnealingLR"/>).</summary>
            public static impl.CosineAnnealingLR CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0, int last_epoch = -1) =>
                new(optimizer, T_max, eta_min, last_epoch);

            /// <summary>Linear change of the learning rate's factor from <paramref name="start_factor"/> to <paramref name="end_factor"/> over <paramref name="total_iters"/> epochs, a warm-up (see <see cref="impl.LinearLR"/>).</summary>
            public static impl.LinearLR LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, int total_iters = 5, int last_epoch = -1) =>
                new(optimizer, start_factor, end_factor, total_iters, last_epoch);

            /// <summary>
            /// The 1cycle policy (see <see cref="impl.OneCycleLR"/>): the learning rate rises from max_lr / div_factor to
            /// <paramref name="max_lr"/> and falls to far below, over <paramref name="total_steps"/> steps (or
            /// <paramref name="epochs"/> × <paramref name="steps_per_epoch"/>), cycling momentum the other way.
            /// </summary>
            public static impl.OneCycleLR OneCycleLR(Optimizer optimizer, double max_lr, int total_steps = -1, int epochs = -1, int steps_per_epoch = -1,
                double pct_start = 0.3, impl.OneCycleLR.AnnealStrategy anneal_strategy = impl.OneCycleLR.AnnealStrategy.Cos, bool cycle_momentum = true,
                double base_momentum = 0.85, double max_momentum = 0.95, double div_factor = 25, double final_div_factor = 1e4, bool three_phase = false, int last_epoch = -1) =>
                new(optimizer, max_lr, total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum, base_momentum, max_momentum,
                    div_factor, final_div_factor, three_phase, last_epoch);

            /// <summary>The 1cycle policy with a peak learning rate per parameter group.</summary>
            public static impl.OneCycleLR OneCycleLR(Optimizer optimizer, IEnumerable<double> max_lr, int total_steps = -1, int epochs = -1, int steps_per_epoch = -1,
                double pct_start = 0.3, impl.OneCycleLR.AnnealStrategy anneal_strategy = impl.OneCycleLR.AnnealStrategy.Cos, bool cycle_momentum = true,
                double base_momentum = 0.85, double max_momentum = 0.95, double div_factor = 25, double final_div_factor = 1e4, bool three_phase = false, int last_epoch = -1) =>
                new(optimizer, max_lr, total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum, base_momentum, max_momentum,
                    div_factor, final_div_factor, three_phase, last_epoch);

            /// <summary>
            /// Divides the learning rates by 1 / <paramref name="factor"/> when a metric passed to <c>step(metric)</c> has
            /// stopped improving for <paramref name="patience"/> epochs (see <see cref="impl.ReduceLROnPlateau"/>).
            /// </summary>
            public static impl.ReduceLROnPlateau ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4,
                string threshold_mode = "rel", int cooldown = 0, double min_lr = 0, double eps = 1e-8) =>
                new(optimizer, mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps);
        }
    }
}
