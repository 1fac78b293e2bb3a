using static RnnTorch.torch;
using static RnnTorch.torch.optim;

namespace RnnTorch.Modules;

/// <summary>
/// Adam (PyTorch 1.13's <c>torch.optim.Adam</c>), with L2 weight decay, AMSGrad and maximization. With g the gradient
/// (−g when maximizing) and t the step: g ← g + weight_decay·p; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
/// v̂ ← max(v̂, v) with AMSGrad (else v̂ = v); p ← p − (lr / (1 − β₁ᵗ))·m / (√v̂ / √(1 − β₂ᵗ) + eps).
/// Options: <c>lr</c>, <c>beta1</c>, <c>beta2</c>, <c>eps</c>, <c>weight_decay</c>, <c>amsgrad</c>, <c>maximize</c>;
/// state: <c>step</c>, <c>exp_avg</c>, <c>exp_avg_sq</c>, <c>max_exp_avg_sq</c> (AMSGrad).
/// </summary>
public sealed class Adam : Optimizer
{
    /// <summary>Adam over <paramref name="parameters"/> as one group.</summary>
    public Adam(IEnumerable<nn.Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : this(SingleGroup(parameters), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    /// <summary>Adam over parameter groups; the arguments are the defaults for options a group does not set.</summary>
    public Adam(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : base(parameters, AdamCore.Defaults(lr, beta1, beta2, eps, weight_decay, amsgrad, maximize))
    {
    }

    private protected override IReadOnlyCollection<string> state_names => AdamCore.StateNames;

    private protected override string? CheckOption(string name, double value) => AdamCore.CheckOption(name, value);

    private protected override void update(ParamGroup group, nn.Parameter param, Tensor grad, OptimizerParamState state) =>
        AdamCore.Update(group, param, grad, state, decoupled: false);
}
