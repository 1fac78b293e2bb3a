using static RnnTorch.torch;

namespace RnnTorch.Training;

/// <summary>
/// Which optimizer to train with and its hyperparameters (the <c>optimizer</c> section of a <see cref="TrainingConfig"/>).
/// Fields an optimizer does not use keep their defaults; setting one that would be silently ignored (momentum for
/// Adam, nesterov for anything but SGD, amsgrad for anything but Adam/AdamW) is an error.
/// </summary>
public sealed record OptimizerConfig
{
    /// <summary>The optimizer names <see cref="Name"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "adam", "adamw", "sgd", "rmsprop", "adagrad" };

    /// <summary>The optimizer: "adam", "adamw", "sgd", "rmsprop" or "adagrad" (default "adam").</summary>
    public string Name { get; init; } = "adam";

    /// <summary>The learning rate, &gt; 0 (default 1e-3); a schedule starts from it.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// Weight decay, &gt;= 0 (default 0): L2 added to the gradient for SGD, Adam, RMSprop and Adagrad; decoupled decay
    /// for AdamW (note that PyTorch's AdamW defaults to 0.01, this configuration to 0).
    /// </summary>
    public double WeightDecay { get; init; }

    /// <summary>Momentum for "sgd" and "rmsprop", in [0, 1) (default 0); must stay 0 for the others.</summary>
    public double Momentum { get; init; }

    /// <summary>Adam's and AdamW's first-moment decay, in [0, 1) (default 0.9).</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's and AdamW's second-moment decay, in [0, 1) (default 0.999).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>The term added to denominators for numerical stability (Adam, AdamW, RMSprop, Adagrad), &gt;= 0 (default 1e-8).</summary>
    public double Eps { get; init; } = 1e-8;

    /// <summary>Nesterov momentum, for "sgd" with <see cref="Momentum"/> &gt; 0 only (default false).</summary>
    public bool Nesterov { get; init; }

    /// <summary>The AMSGrad variant, for "adam" and "adamw" only (default false).</summary>
    public bool Amsgrad { get; init; }

    /// <summary>
    /// Makes the optimizer over <paramref name="parameters"/>: <c>optim.SGD(lr, momentum, dampening 0, weight_decay,
    /// nesterov)</c>, <c>optim.Adam</c>/<c>optim.AdamW(lr, beta1, beta2, eps, weight_decay, amsgrad)</c>,
    /// <c>optim.RMSProp(lr, alpha 0.99, eps, weight_decay, momentum)</c> or <c>optim.Adagrad(lr, lr_decay 0,
    /// weight_decay, initial_accumulator_value 0, eps)</c>.
    /// </summary>
    /// <exception cref="ConfigException">A field is invalid (see <see cref="Validate"/>).</exception>
    public optim.Optimizer Create(IEnumerable<nn.Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Validate();
        return Name switch
        {
            "sgd" => optim.SGD(parameters, LearningRate, Momentum, 0, WeightDecay, Nesterov),
            "adam" => optim.Adam(parameters, LearningRate, Beta1, Beta2, Eps, WeightDecay, Amsgrad),
            "adamw" => optim.AdamW(parameters, LearningRate, Beta1, Beta2, Eps, WeightDecay, Amsgrad),
            "rmsprop" => optim.RMSProp(parameters, LearningRate, 0.99, Eps, WeightDecay, Momentum),
            "adagrad" => optim.Adagrad(parameters, LearningRate, 0, WeightDecay, 0, Eps),
            _ => throw new ConfigException($"optimizer.name must be one of {string.Join(", ", Names)}, but was \"{Name}\".", new[] { "optimizer.name" }),
        };
    }

    /// <summary>Checks every field and throws one <see cref="ConfigException"/> naming all invalid ones (keys under <c>optimizer.</c>).</summary>
    public void Validate()
    {
        var problems = new ConfigProblems();
        Check(problems, "optimizer");
        problems.ThrowIfAny("the optimizer config");
    }

    /// <summary>Reports every invalid field, its key under <paramref name="prefix"/>.</summary>
    internal void Check(ConfigProblems problems, string prefix)
    {
        string Key(string name) => ConfigProblems.Join(prefix, name);
        if (Name is null || !Names.Contains(Name)) problems.Add(Key("name"), $"must be one of {string.Join(", ", Names)}", Name);
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) problems.Add(Key("learningRate"), "must be a finite number > 0", LearningRate);
        if (!(WeightDecay >= 0) || !double.IsFinite(WeightDecay)) problems.Add(Key("weightDecay"), "must be a finite number >= 0", WeightDecay);
        if (!(Momentum >= 0 && Momentum < 1)) problems.Add(Key("momentum"), "must be in [0, 1)", Momentum);
        else if (Momentum != 0 && Name is not ("sgd" or "rmsprop") && Names.Contains(Name))
            problems.Add(Key("momentum"), $"is used by sgd and rmsprop only and must be 0 for {Name}", Momentum);
        if (!(Beta1 >= 0 && Beta1 < 1)) problems.Add(Key("beta1"), "must be in [0, 1)", Beta1);
        if (!(Beta2 >= 0 && Beta2 < 1)) problems.Add(Key("beta2"), "must be in [0, 1)", Beta2);
        if (!(Eps >= 0) || !double.IsFinite(Eps)) problems.Add(Key("eps"), "must be a finite number >= 0", Eps);
        if (Nesterov && Name != "sgd") problems.Add(Key("nesterov"), $"is for sgd only, not {ConfigProblems.Format(Name)}", Nesterov);
        else if (Nesterov && !(Momentum > 0)) problems.Add(Key("nesterov"), "needs momentum > 0", Nesterov);
        if (Amsgrad && Name is not ("adam" or "adamw")) problems.Add(Key("amsgrad"), $"is for adam and adamw only, not {ConfigProblems.Format(Name)}", Amsgrad);
    }
}
