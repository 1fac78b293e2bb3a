using static RnnTorch.torch;
using static RnnTorch.torch.optim;

namespace RnnTorch.Modules;

/// <summary>
/// Stochastic gradient descent, optionally with momentum, dampening, Nesterov momentum, L2 weight decay and
/// maximization (PyTorch 1.13's <c>torch.optim.SGD</c>). With g the gradient (−g when maximizing):
/// g ← g + weight_decay·p; with momentum μ, b ← g on the first step and b ← μ·b + (1 − dampening)·g after, then
/// g ← g + μ·b (Nesterov) or g ← b; finally p ← p − lr·g. Options: <c>lr</c>, <c>momentum</c>, <c>dampening</c>,
/// <c>weight_decay</c>, <c>nesterov</c>, <c>maximize</c>; state: <c>momentum_buffer</c> (when momentum ≠ 0).
/// </summary>
public sealed class SGD : Optimizer
{
    private static readonly string[] StateNames = { "momentum_buffer" };

    /// <summary>SGD over <paramref name="parameters"/> as one group.</summary>
    public SGD(IEnumerable<nn.Parameter> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : this(SingleGroup(parameters), lr, momentum, dampening, weight_decay, nesterov, maximize)
    {
    }

    /// <summary>SGD over parameter groups; the arguments are the defaults for options a group does not set.</summary>
    public SGD(IEnumerable<ParamGroup> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : base(parameters, new OrderedDictionary<string, double>
        {
            ["lr"] = lr,
            ["momentum"] = momentum,
            ["dampening"] = dampening,
            ["weight_decay"] = weight_decay,
            ["nesterov"] = nesterov ? 1 : 0,
            ["maximize"] = maximize ? 1 : 0,
        })
    {
    }

    private protected override IReadOnlyCollection<string> state_names => StateNames;

    private protected override string? CheckOption(string name, double value) => name switch
    {
        "lr" or "momentum" or "weight_decay" => NonNegative(value),
        "dampening" => double.IsFinite(value) ? null : "must be a finite number",
        "nesterov" or "maximize" => Boolean(value),
        _ => null,
    };

    private protected override (string name, string message)? CheckOptions(IReadOnlyDictionary<string, double> options)
    {
        if (options["nesterov"] != 0 && (options["momentum"] <= 0 || options["dampening"] != 0))
            return ("nesterov", $"requires momentum > 0 and dampening = 0, but momentum = {options["momentum"]} and dampening = {options["dampening"]}.");
        return null;
    }

    private protected override void update(ParamGroup group, nn.Parameter param, Tensor grad, OptimizerParamState state)
    {
        double lr = group.LearningRate;
        double momentum = group["momentum"];
        double dampening = group["dampening"];
        double weight_decay = group["weight_decay"];
        bool nesterov = Flag(group, "nesterov");

        var d_p = Flag(group, "maximize") ? grad.neg() : grad;
        if (weight_decay != 0) d_p = d_p.add(param, weight_decay);
        if (momentum != 0)
        {
            var buf = state.Get("momentum_buffer");
            if (buf is null) buf = state.Set("momentum_buffer", d_p.clone());
            else buf.mul_(momentum).add_(d_p, 1 - dampening);
            d_p = nesterov ? d_p.add(buf, momentum) : buf;
        }
        param.add_(d_p, -lr);
    }
}
