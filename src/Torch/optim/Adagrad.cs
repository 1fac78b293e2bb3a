using static RnnTorch.torch;
using static RnnTorch.torch.optim;

namespace RnnTorch.Modules;

/// <summary>
/// Adagrad (PyTorch 1.13's <c>torch.optim.Adagrad</c>). With g the gradient (−g when maximizing) and t the step:
/// g ← g + weight_decay·p; clr = lr / (1 + (t − 1)·lr_decay); s ← s + g²; p ← p − clr·g / (√s + eps), where s
/// starts at <c>initial_accumulator_value</c>. Options: <c>lr</c>, <c>lr_decay</c>, <c>weight_decay</c>,
/// <c>initial_accumulator_value</c>, <c>eps</c>, <c>maximize</c>; state: <c>step</c>, <c>sum</c> (made for every
/// parameter when its group is added, as PyTorch does).
/// </summary>
public sealed class Adagrad : Optimizer
{
    private static readonly string[] StateNames = { "sum" };

    /// <summary>Adagrad over <paramref name="parameters"/> as one group.</summary>
    public Adagrad(IEnumerable<nn.Parameter> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false)
        : this(SingleGroup(parameters), lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize)
    {
    }

    /// <summary>Adagrad over parameter groups; the arguments are the defaults for options a group does not set.</summary>
    public Adagrad(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false)
        : base(parameters, new OrderedDictionary<string, double>
        {
            ["lr"] = lr,
            ["lr_decay"] = lr_decay,
            ["eps"] = eps,
            ["weight_decay"] = weight_decay,
            ["initial_accumulator_value"] = initial_accumulator_value,
            ["maximize"] = maximize ? 1 : 0,
        })
    {
    }

    private protected override IReadOnlyCollection<string> state_names => StateNames;

    private protected override string? CheckOption(string name, double value) => name switch
    {
        "lr" or "lr_decay" or "weight_decay" or "initial_accumulator_value" or "eps" => NonNegative(value),
        "maximize" => Boolean(value),
        _ => null,
    };

    private protected override OptimizerParamState? initial_state(ParamGroup group, nn.Parameter param)
    {
        var state = new OptimizerParamState { step = 0 };
        using (no_grad()) state.Set("sum", Accumulator(group, param));
        return state;
    }

    private static Tensor Accumulator(ParamGroup group, Tensor param) =>
        full(param.shape, group["initial_accumulator_value"], param.dtype, param.device);

    private protected override void update(ParamGroup group, nn.Parameter param, Tensor grad, OptimizerParamState state)
    {
        double lr = group.LearningRate;
        double lr_decay = group["lr_decay"];
        double weight_decay = group["weight_decay"];
        double eps = group["eps"];

        var sum = state.GetOrAdd("sum", () => Accumulator(group, param));
        double step = (state.step ?? 0) + 1;
        state.step = step;
        if (Flag(group, "maximize")) grad = grad.neg();
        if (weight_decay != 0) grad = grad.add(param, weight_decay);

        double clr = lr / (1 + (step - 1) * lr_decay);
        sum.addcmul_(grad, grad, 1);
        var std = sum.sqrt().add_(eps);
        param.addcdiv_(grad, std, -clr);
    }
}
