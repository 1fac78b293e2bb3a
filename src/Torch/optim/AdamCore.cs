using static RnnTorch.torch;
using static RnnTorch.torch.optim;

namespace RnnTorch.Modules;

/// <summary>The update shared by <see cref="Adam"/> and <see cref="AdamW"/> (PyTorch 1.13's single-tensor Adam/AdamW).</summary>
internal static class AdamCore
{
    internal static readonly string[] StateNames = { "exp_avg", "exp_avg_sq", "max_exp_avg_sq" };

    /// <summary>The defaults of both optimizers, in PyTorch's order.</summary>
    internal static OrderedDictionary<string, double> Defaults(double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize) => new()
    {
        ["lr"] = lr,
        ["beta1"] = beta1,
        ["beta2"] = beta2,
        ["eps"] = eps,
        ["weight_decay"] = weight_decay,
        ["amsgrad"] = amsgrad ? 1 : 0,
        ["maximize"] = maximize ? 1 : 0,
    };

    internal static string? CheckOption(string name, double value) => name switch
    {
        "lr" or "eps" or "weight_decay" => value >= 0 && !double.IsInfinity(value) ? null : "must be a finite number >= 0",
        "beta1" or "beta2" => value is >= 0 and < 1 ? null : "must be in [0, 1)",
        "amsgrad" or "maximize" => value is 0 or 1 ? null : "must be 0 (false) or 1 (true)",
        _ => null,
    };

    /// <summary>
    /// One step on one parameter. <paramref name="decoupled"/> selects AdamW's decay p ← p·(1 − lr·weight_decay)
    /// instead of Adam's L2 term g ← g + weight_decay·p.
    /// </summary>
    internal static void Update(ParamGroup group, Tensor param, Tensor grad, OptimizerParamState state, bool decoupled)
    {
        double lr = group.LearningRate;
        double beta1 = group["beta1"];
        double beta2 = group["beta2"];
        double eps = group["eps"];
        double weight_decay = group["weight_decay"];
        bool amsgrad = group["amsgrad"] != 0;

        if (group["maximize"] != 0) grad = grad.neg();
        var exp_avg = state.GetOrAdd("exp_avg", () => zeros_like(param));
        var exp_avg_sq = state.GetOrAdd("exp_avg_sq", () => zeros_like(param));
        double step = (state.step ?? 0) + 1;
        state.step = step;

        if (decoupled)
        {
            if (weight_decay != 0) param.mul_(1 - lr * weight_decay);
        }
        else if (weight_decay != 0)
        {
            grad = grad.add(param, weight_decay);
        }

        exp_avg.mul_(beta1).add_(grad, 1 - beta1);
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);

        double bias_correction1 = 1 - Math.Pow(beta1, step);
        double bias_correction2 = 1 - Math.Pow(beta2, step);
        double step_size = lr / bias_correction1;
        double bias_correction2_sqrt = Math.Sqrt(bias_correction2);

        Tensor denom;
        if (amsgrad)
        {
            var max_exp_avg_sq = state.GetOrAdd("max_exp_avg_sq", () => zeros_like(param));
            max_exp_avg_sq.copy_(max_exp_avg_sq.maximum(exp_avg_sq));
            denom = max_exp_avg_sq.sqrt().div_(bias_correction2_sqrt).add_(eps);
        }
        else
        {
            denom = exp_avg_sq.sqrt().div_(bias_correction2_sqrt).add_(eps);
        }
        param.addcdiv_(exp_avg, denom, -step_size);
    }
}
