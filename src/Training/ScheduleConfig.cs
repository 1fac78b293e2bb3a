using System.Text.Json.Serialization;
using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.optim.lr_scheduler;

namespace RnnTorch.Training;

/// <summary>
/// The learning-rate schedule (the <c>schedule</c> section of a <see cref="TrainingConfig"/>). Each name uses a few of
/// the fields; the others keep their defaults and are ignored, but every field is validated. When the scheduler is
/// stepped: see <see cref="PerStep"/> and <see cref="StepsOnMetric"/>.
/// </summary>
public sealed record ScheduleConfig
{
    /// <summary>The schedule names <see cref="Name"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "none", "step", "multistep", "exponential", "cosine", "warmup", "onecycle", "plateau" };

    /// <summary>
    /// The schedule (default "none"): "none" (constant), "step" (× <see cref="Gamma"/> every <see cref="StepSize"/>
    /// epochs), "multistep" (× <see cref="Gamma"/> at each of <see cref="Milestones"/>), "exponential" (×
    /// <see cref="Gamma"/> every epoch), "cosine" (to <see cref="EtaMin"/> over <see cref="TMax"/> epochs), "warmup"
    /// (linear from <see cref="StartFactor"/> × lr to lr over <see cref="WarmupSteps"/> optimizer steps, then constant),
    /// "onecycle" (the 1cycle policy peaking at <see cref="MaxLearningRate"/> over the whole run, per optimizer step) or
    /// "plateau" (× <see cref="Factor"/> when the monitored metric has not improved for <see cref="Patience"/> evaluations).
    /// </summary>
    public string Name { get; init; } = "none";

    /// <summary>"step": epochs between decays, &gt;= 1 (default 10).</summary>
    public int StepSize { get; init; } = 10;

    /// <summary>"step", "multistep", "exponential": the decay factor, in (0, 1] (default 0.1).</summary>
    public double Gamma { get; init; } = 0.1;

    /// <summary>"multistep": the epochs at which the learning rate decays, strictly increasing, each &gt;= 1 (default none; "multistep" needs at least one).</summary>
    public int[] Milestones { get; init; } = Array.Empty<int>();

    /// <summary>"cosine": the epochs of the half cosine, &gt;= 1; null (default): the run's epochs.</summary>
    public int? TMax { get; init; }

    /// <summary>"cosine": the learning rate reached at the end, &gt;= 0 (default 0).</summary>
    public double EtaMin { get; init; }

    /// <summary>"warmup": the optimizer steps of the linear warm-up, &gt;= 1 (default 100).</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>"warmup": the learning rate's factor at step 0, in (0, 1] (default 0.1).</summary>
    public double StartFactor { get; init; } = 0.1;

    /// <summary>"onecycle": the peak learning rate, &gt; 0; null (default): each parameter group's learning rate (the optimizer's).</summary>
    public double? MaxLearningRate { get; init; }

    /// <summary>"plateau": the factor applied to the learning rate on a plateau, in (0, 1) (default 0.1).</summary>
    public double Factor { get; init; } = 0.1;

    /// <summary>"plateau": the evaluations without improvement tolerated before a reduction, &gt;= 0 (default 10).</summary>
    public int Patience { get; init; } = 10;

    /// <summary>
    /// True for "warmup" and "onecycle", whose scheduler is stepped after every optimizer step; false for the others,
    /// stepped once per epoch ("plateau": after each evaluation, with the monitored metric; see <see cref="StepsOnMetric"/>).
    /// </summary>
    [JsonIgnore]
    public bool PerStep => Name is "warmup" or "onecycle";

    /// <summary>True for "plateau", whose scheduler is stepped with the monitored metric (<c>step(metric)</c>) after each evaluation.</summary>
    [JsonIgnore]
    public bool StepsOnMetric => Name == "plateau";

    /// <summary>
    /// Makes the scheduler for <paramref name="optimizer"/> (null for "none"), which sets the learning rates of step 0
    /// at once: <c>StepLR(StepSize, Gamma)</c>, <c>MultiStepLR(Milestones, Gamma)</c>, <c>ExponentialLR(Gamma)</c>,
    /// <c>CosineAnnealingLR(TMax ?? epochs, EtaMin)</c>, <c>LinearLR(StartFactor, 1, WarmupSteps)</c>,
    /// <c>OneCycleLR(MaxLearningRate ?? each group's lr, total_steps = stepsPerEpoch × epochs)</c> (cycling
    /// <c>beta1</c> for Adam/AdamW and <c>momentum</c> for SGD/RMSprop when it is &gt; 0, nothing otherwise) or
    /// <c>ReduceLROnPlateau(mode from <paramref name="goal"/>, Factor, Patience)</c>.
    /// </summary>
    /// <param name="optimizer">The optimizer whose learning rates to schedule.</param>
    /// <param name="stepsPerEpoch">Optimizer steps per epoch, &gt;= 1 (used by "onecycle").</param>
    /// <param name="epochs">The run's epochs, &gt;= 1 (used by "onecycle" and by "cosine" without <see cref="TMax"/>).</param>
    /// <param name="goal">Whether the monitored metric should go down or up (used by "plateau").</param>
    /// <exception cref="ConfigException">A field is invalid (see <see cref="Validate"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepsPerEpoch"/> or <paramref name="epochs"/> is below 1.</exception>
    public LRScheduler? Create(optim.Optimizer optimizer, int stepsPerEpoch, int epochs, MetricGoal goal = MetricGoal.Minimize)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerEpoch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        Validate();
        switch (Name)
        {
            case "none":
                return null;
            case "step":
                return StepLR(optimizer, StepSize, Gamma);
            case "multistep":
                return MultiStepLR(optimizer, Milestones, Gamma);
            case "exponential":
                return ExponentialLR(optimizer, Gamma);
            case "cosine":
                return CosineAnnealingLR(optimizer, TMax ?? epochs, EtaMin);
            case "warmup":
                return LinearLR(optimizer, StartFactor, 1.0, WarmupSteps);
            case "onecycle":
                var peaks = optimizer.param_groups.Select(g => MaxLearningRate ?? g.LearningRate).ToArray();
                bool cycleMomentum = optimizer is Adam or AdamW
                    || (optimizer is SGD or RMSProp && optimizer.param_groups.All(g => g["momentum"] > 0));
                return OneCycleLR(optimizer, peaks, total_steps: checked(stepsPerEpoch * epochs), cycle_momentum: cycleMomentum);
            case "plateau":
                return ReduceLROnPlateau(optimizer, goal == MetricGoal.Maximize ? "max" : "min", Factor, Patience);
            default:
                throw new ConfigException($"schedule.name must be one of {string.Join(", ", Names)}, but was \"{Name}\".", new[] { "schedule.name" });
        }
    }

    /// <summary>Checks every field and throws one <see cref="ConfigException"/> naming all invalid ones (keys under <c>schedule.</c>).</summary>
    public void Validate()
    {
        var problems = new ConfigProblems();
        Check(problems, "schedule");
        problems.ThrowIfAny("the schedule config");
    }

    /// <summary>Reports every invalid field, its key under <paramref name="prefix"/>.</summary>
    internal void Check(ConfigProblems problems, string prefix)
    {
        string Key(string name) => ConfigProblems.Join(prefix, name);
        if (Name is null || !Names.Contains(Name)) problems.Add(Key("name"), $"must be one of {string.Join(", ", Names)}", Name);
        if (StepSize < 1) problems.Add(Key("stepSize"), "must be >= 1", StepSize);
        if (!(Gamma > 0 && Gamma <= 1)) problems.Add(Key("gamma"), "must be in (0, 1]", Gamma);
        if (Milestones is null) problems.Add(Key("milestones"), "must be a list of epochs", null);
        else
        {
            string shown = $"[{string.Join(", ", Milestones)}]";
            if (Milestones.Any(m => m < 1)) problems.AddMessage(Key("milestones"), $"{Key("milestones")} must hold epochs >= 1, but was {shown}");
            else if (Milestones.Zip(Milestones.Skip(1)).Any(p => p.Second <= p.First))
                problems.AddMessage(Key("milestones"), $"{Key("milestones")} must be strictly increasing, but was {shown}");
            else if (Milestones.Length == 0 && Name == "multistep")
                problems.AddMessage(Key("milestones"), $"{Key("milestones")} must hold at least one epoch for \"multistep\", but was []");
        }
        if (TMax is < 1) problems.Add(Key("tMax"), "must be >= 1 (or null: the run's epochs)", TMax);
        if (!(EtaMin >= 0) || !double.IsFinite(EtaMin)) problems.Add(Key("etaMin"), "must be a finite number >= 0", EtaMin);
        if (WarmupSteps < 1) problems.Add(Key("warmupSteps"), "must be >= 1", WarmupSteps);
        if (!(StartFactor > 0 && StartFactor <= 1)) problems.Add(Key("startFactor"), "must be in (0, 1]", StartFactor);
        if (MaxLearningRate is { } max && (!(max > 0) || !double.IsFinite(max)))
            problems.Add(Key("maxLearningRate"), "must be a finite number > 0 (or null: the optimizer's learning rate)", max);
        if (!(Factor > 0 && Factor < 1)) problems.Add(Key("factor"), "must be in (0, 1)", Factor);
        if (Patience < 0) problems.Add(Key("patience"), "must be >= 0", Patience);
    }

    /// <summary>Equal when every field is, <see cref="Milestones"/> compared element by element.</summary>
    public bool Equals(ScheduleConfig? other) =>
        other is not null && Name == other.Name && StepSize == other.StepSize && Gamma.Equals(other.Gamma)
        && (ReferenceEquals(Milestones, other.Milestones) || (Milestones is not null && other.Milestones is not null && Milestones.SequenceEqual(other.Milestones)))
        && TMax == other.TMax && EtaMin.Equals(other.EtaMin) && WarmupSteps == other.WarmupSteps && StartFactor.Equals(other.StartFactor)
        && Nullable.Equals(MaxLearningRate, other.MaxLearningRate) && Factor.Equals(other.Factor) && Patience == other.Patience;

    /// <summary>A hash consistent with <see cref="Equals(ScheduleConfig?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(StepSize);
        hash.Add(Gamma);
        if (Milestones is not null) foreach (var m in Milestones) hash.Add(m);
        hash.Add(TMax);
        hash.Add(EtaMin);
        hash.Add(WarmupSteps);
        hash.Add(StartFactor);
        hash.Add(MaxLearningRate);
        hash.Add(Factor);
        hash.Add(Patience);
        return hash.ToHashCode();
    }
}
