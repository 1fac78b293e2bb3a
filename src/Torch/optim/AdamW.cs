using static RnnTorch.torch;
using static RnnTorch.torch.optim;

namespace RnnTorch.Modules;

/// <summary>
/// AdamW, Adam with decoupled weight decay (PyTorch 1.13's <c>torch.optim.AdamW</c>): before Adam's update (without
/// its L2 term) each step applies p ← p·(1 − lr·weight_decay). Same options and state as <see cref="Adam"/>;
/// <c>weight_decay</c> defaults to 0.01.
/// </summary>
public sealed class AdamW : Optimizer
{
    /// <summary>AdamW over <paramref name="parameters"/> as one group.</summary>
    public AdamW(IEnumerable<nn.Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false)
        : this(SingleGroup(parameters), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    /// <summary>AdamW over parameter groups; the arguments are the defaults for options a group does not set.</summary>
    public AdamW(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false)
        : base(parameters, AdamCore.Defaults(lr, beta1, beta2, eps, weight_decay, amsgrad, maximize))
    {
    }

    private protected override IReadOnlyCollection<string> state_names => AdamCore.StateNames;

    private protected override string? CheckOption(string name, double value) => AdamCore.CheckOption(name, value);

    private protected override void update(ParamGroup group, nn.Parameter param, Tensor grad, OptimizerParamState state) =>
        AdamCore.Update(group, param, grad, state, decoupled: true);
}
