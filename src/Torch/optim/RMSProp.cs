using static RnnTorch.torch;
using static RnnTorch.torch.optim;

namespace RnnTorch.Modules;

/// <summary>
/// RMSprop (PyTorch 1.13's <c>torch.optim.RMSprop</c>), optionally centered and with momentum. With g the gradient
/// (−g when maximizing): g ← g + weight_decay·p; v ← αv + (1 − α)g²; centered: a ← αa + (1 − α)g and
/// d = √(v − a²) + eps, else d = √v + eps; with momentum μ &gt; 0, b ← μb + g/d and p ← p − lr·b, else
/// p ← p − lr·g/d. Options: <c>lr</c>, <c>alpha</c>, <c>eps</c>, <c>weight_decay</c>, <c>momentum</c>,
/// <c>centered</c>, <c>maximize</c>; state: <c>step</c>, <c>square_avg</c>, <c>momentum_buffer</c> (momentum &gt; 0),
/// <c>grad_avg</c> (centered).
/// </summary>
public sealed class RMSProp : Optimizer
{
    private static readonly string[] StateNames = { "square_avg", "momentum_buffer", "grad_avg" };

    /// <summary>RMSprop over <paramref name="parameters"/> as one group.</summary>
    public RMSProp(IEnumerable<nn.Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : this(SingleGroup(parameters), lr, alpha, eps, weight_decay, momentum, centered, maximize)
    {
    }

    /// <summary>RMSprop over parameter groups; the arguments are the defaults for options a group does not set.</summary>
    public RMSProp(IEnumerable<ParamGroup> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : base(parameters, new OrderedDictionary<string, double>
        {
            ["lr"] = lr,
            ["momentum"] = momentum,
            ["alpha"] = alpha,
            ["eps"] = eps,
            ["centered"] = centered ? 1 : 0,
            ["weight_decay"] = weight_decay,
            ["maximize"] = maximize ? 1 : 0,
        })
    {
    }

    private protected override IReadOnlyCollection<string> state_names => StateNames;

    private protected override string? CheckOption(string name, double value) => name switch
    {
        "lr" or "eps" or "weight_decay" or "momentum" or "alpha" => NonNegative(value),
        "centered" or "maximize" => Boolean(value),
        _ => null,
    };

    private protected override void update(ParamGroup group, nn.Parameter param, Tensor grad, OptimizerParamState state)
    {
        double lr = group.LearningRate;
        double alpha = group["alpha"];
        double eps = group["eps"];
        double weight_decay = group["weight_decay"];
        double momentum = group["momentum"];

        if (Flag(group, "maximize")) grad = grad.neg();
        var square_avg = state.GetOrAdd("square_avg", () => zeros_like(param));
        state.step = (state.step ?? 0) + 1;
        if (weight_decay != 0) grad = grad.add(param, weight_decay);

        square_avg.mul_(alpha).addcmul_(grad, grad, 1 - alpha);
        Tensor avg;
        if (Flag(group, "centered"))
        {
            var grad_avg = state.GetOrAdd("grad_avg", () => zeros_like(param));
            grad_avg.mul_(alpha).add_(grad, 1 - alpha);
            avg = square_avg.clone().addcmul_(grad_avg, grad_avg, -1).sqrt();
        }
        else
        {
            avg = square_avg.sqrt();
        }
        avg.add_(eps);

        if (momentum > 0)
        {
            var buf = state.GetOrAdd("momentum_buffer", () => zeros_like(param));
            buf.mul_(momentum).addcdiv_(grad, avg);
            param.add_(buf, -lr);
        }
        else
        {
            param.addcdiv_(grad, avg, -lr);
        }
    }
}
