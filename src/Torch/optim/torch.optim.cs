namespace RnnTorch;

public static partial class torch
{
    /// <summary>
    /// Optimizers (PyTorch's <c>torch.optim</c>, TorchSharp's names): factories for <see cref="Modules.SGD"/>,
    /// <see cref="Modules.Adam"/>, <see cref="Modules.AdamW"/>, <see cref="Modules.RMSProp"/> and
    /// <see cref="Modules.Adagrad"/>, their base class <see cref="Optimizer"/> and the learning-rate schedulers
    /// in <see cref="lr_scheduler"/>.
    /// </summary>
    public static partial class optim
    {
        /// <summary>Stochastic gradient descent over <paramref name="parameters"/> (see <see cref="Modules.SGD"/>).</summary>
        public static Modules.SGD SGD(IEnumerable<nn.Parameter> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(parameters, lr, momentum, dampening, weight_decay, nesterov, maximize);

        /// <summary>Stochastic gradient descent over parameter groups, the arguments being the groups' defaults.</summary>
        public static Modules.SGD SGD(IEnumerable<ParamGroup> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(parameters, lr, momentum, dampening, weight_decay, nesterov, maximize);

        /// <summary>Adam over <paramref name="parameters"/> (see <see cref="Modules.Adam"/>).</summary>
        public static Modules.Adam Adam(IEnumerable<nn.Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        /// <summary>Adam over parameter groups, the arguments being the groups' defaults.</summary>
        public static Modules.Adam Adam(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        /// <summary>AdamW (decoupled weight decay) over <paramref name="parameters"/> (see <see cref="Modules.AdamW"/>).</summary>
        public static Modules.AdamW AdamW(IEnumerable<nn.Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        /// <summary>AdamW over parameter groups, the arguments being the groups' defaults.</summary>
        public static Modules.AdamW AdamW(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        /// <summary>RMSprop over <paramref name="parameters"/> (see <see cref="Modules.RMSProp"/>).</summary>
        public static Modules.RMSProp RMSProp(IEnumerable<nn.Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
            new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

        /// <summary>RMSprop over parameter groups, the arguments being the groups' defaults.</summary>
        public static Modules.RMSProp RMSProp(IEnumerable<ParamGroup> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
            new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

        /// <summary>Adagrad over <paramref name="parameters"/> (see <see cref="Modules.Adagrad"/>).</summary>
        public static Modules.Adagrad Adagrad(IEnumerable<nn.Parameter> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false) =>
            new(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize);

        /// <summary>Adagrad over parameter groups, the arguments being the groups' defaults.</summary>
        public static Modules.Adagrad Adagrad(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false) =>
            new(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize);
    }
}
