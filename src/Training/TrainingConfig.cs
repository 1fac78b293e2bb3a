using System.Globalization;
using static RnnTorch.torch;

namespace RnnTorch.Training;

/// <summary>
/// Everything a training run is set up from, as an immutable record with defaults; read and written as JSON with
/// camelCase keys (<see cref="FromJson(string)"/>, <see cref="Load"/>, <see cref="ToJson"/>, <see cref="Save"/>), and saved in
/// every checkpoint. Reading is strict: unknown keys anywhere are an error, and so is any value out of range.
/// </summary>
public sealed partial record TrainingConfig
{
    /// <summary>The epochs to train, &gt;= 1 (default 10).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>The sequences per batch, &gt;= 1 (default 32).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The optimizer and its hyperparameters (default Adam, learning rate 1e-3).</summary>
    public OptimizerConfig Optimizer { get; init; } = new();

    /// <summary>The learning-rate schedule (default none).</summary>
    public ScheduleConfig Schedule { get; init; } = new();

    /// <summary>The maximum total gradient norm (clipping), &gt; 0; null: no clipping (default 1.0).</summary>
    public double? ClipNorm { get; init; } = 1.0;

    /// <summary>The seed of libtorch's generator at the start of a run (default 42).</summary>
    public long Seed { get; init; } = 42;

    /// <summary>"auto" (CUDA when available, else the CPU; the default), "cpu", "cuda" or "cuda:N"; see <see cref="ResolveDevice"/>.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Evaluate every this many epochs, &gt;= 1 (default 1).</summary>
    public int EvalEvery { get; init; } = 1;

    /// <summary>Log the training loss every this many optimizer steps, &gt;= 1 (default 10).</summary>
    public int LogEvery { get; init; } = 10;

    /// <summary>Early stopping: stop after this many evaluations without improvement of <see cref="Monitor"/>, &gt;= 0; null: never (default).</summary>
    public int? Patience { get; init; }

    /// <summary>The metric that decides the best checkpoint, early stopping and the "plateau" schedule (default "val_loss").</summary>
    public string Monitor { get; init; } = "val_loss";

    /// <summary>Whether <see cref="Monitor"/> improves by going down or up (default <see cref="MetricGoal.Minimize"/>; JSON "minimize" or "maximize").</summary>
    public MetricGoal MonitorGoal { get; init; } = MetricGoal.Minimize;

    /// <summary>The directory for checkpoints (created when needed); null: no checkpoints (default).</summary>
    public string? CheckpointDir { get; init; }

    /// <summary>The run directory for metrics.csv, metrics.jsonl and report.md; null: no logs (default).</summary>
    public string? LogDir { get; init; }

    /// <summary>Truncated backpropagation through time: optimizer steps every this many time steps, &gt;= 1; null: full BPTT (default).</summary>
    public int? TbpttSteps { get; init; }

    /// <summary>Stop as diverged when a step's loss exceeds this factor × the first step's loss, &gt; 1 (default 1e4).</summary>
    public double ExplosionFactor { get; init; } = 1e4;

    /// <summary>The probability of feeding the true previous token to a decoder while training, in [0, 1] (default 1.0).</summary>
    public double TeacherForcingRatio { get; init; } = 1.0;

    /// <summary>
    /// The device named by <see cref="Device"/>: "auto" is CUDA device 0 when <c>torch.cuda.is_available()</c>, else the
    /// CPU; "cpu" is the CPU; "cuda" and "cuda:N" are CUDA devices, which must exist.
    /// </summary>
    /// <exception cref="ConfigException">The string is not a device, or names a CUDA device that is not available.</exception>
    public Device ResolveDevice()
    {
        var problems = new ConfigProblems();
        CheckDevice(problems);
        problems.ThrowIfAny("the config");
        if (Device == "auto") return cuda.is_available() ? new Device(DeviceType.CUDA, 0) : new Device(DeviceType.CPU);
        if (Device == "cpu") return new Device(DeviceType.CPU);
        if (!cuda.is_available())
            throw new ConfigException($"device is \"{Device}\", but CUDA is not available (this libtorch has no CUDA or no CUDA device is present); use \"cpu\" or \"auto\".", new[] { "device" });
        if (Device == "cuda") return new Device(DeviceType.CUDA);
        int index = int.Parse(Device.AsSpan("cuda:".Length), NumberStyles.None, CultureInfo.InvariantCulture);
        int count = cuda.device_count();
        if (index >= count)
            throw new ConfigException($"device is \"{Device}\", but there {(count == 1 ? "is 1 CUDA device" : $"are {count} CUDA devices")} (cuda:0 to cuda:{count - 1}).", new[] { "device" });
        return new Device(DeviceType.CUDA, index);
    }

    /// <summary>Checks every value, nested sections included, and throws one <see cref="ConfigException"/> naming every invalid key and its value.</summary>
    public void Validate() => Validate("the config");

    /// <summary>Validates, naming <paramref name="source"/> (a file, or "the config") in the message.</summary>
    internal void Validate(string source)
    {
        var problems = new ConfigProblems();
        if (Epochs < 1) problems.Add("epochs", "must be >= 1", Epochs);
        if (BatchSize < 1) problems.Add("batchSize", "must be >= 1", BatchSize);
        if (Optimizer is null) problems.Add("optimizer", "must be an object", null);
        else Optimizer.Check(problems, "optimizer");
        if (Schedule is null) problems.Add("schedule", "must be an object", null);
        else Schedule.Check(problems, "schedule");
        if (ClipNorm is { } clip && (!(clip > 0) || !double.IsFinite(clip))) problems.Add("clipNorm", "must be a finite number > 0 (or null: no clipping)", clip);
        CheckDevice(problems);
        if (EvalEvery < 1) problems.Add("evalEvery", "must be >= 1", EvalEvery);
        if (LogEvery < 1) problems.Add("logEvery", "must be >= 1", LogEvery);
        if (Patience is < 0) problems.Add("patience", "must be >= 0 (or null: no early stopping)", Patience);
        if (string.IsNullOrWhiteSpace(Monitor)) problems.Add("monitor", "must name a metric", Monitor);
        if (!Enum.IsDefined(MonitorGoal)) problems.Add("monitorGoal", "must be \"minimize\" or \"maximize\"", MonitorGoal);
        if (CheckpointDir is not null && string.IsNullOrWhiteSpace(CheckpointDir)) problems.Add("checkpointDir", "must be a directory (or null: no checkpoints)", CheckpointDir);
        if (LogDir is not null && string.IsNullOrWhiteSpace(LogDir)) problems.Add("logDir", "must be a directory (or null: no logs)", LogDir);
        if (TbpttSteps is < 1) problems.Add("tbpttSteps", "must be >= 1 (or null: full backpropagation through time)", TbpttSteps);
        if (!(ExplosionFactor > 1)) problems.Add("explosionFactor", "must be > 1", ExplosionFactor);
        if (!(TeacherForcingRatio >= 0 && TeacherForcingRatio <= 1)) problems.Add("teacherForcingRatio", "must be in [0, 1]", TeacherForcingRatio);
        problems.ThrowIfAny(source);
    }

    private void CheckDevice(ConfigProblems problems)
    {
        bool ok = Device is "auto" or "cpu" or "cuda"
            || (Device is not null && Device.StartsWith("cuda:", StringComparison.Ordinal) && Device.Length > "cuda:".Length
                && Device.Length <= "cuda:".Length + 4 && Device.AsSpan("cuda:".Length).ToString().All(char.IsAsciiDigit));
        if (!ok) problems.Add("device", "must be \"auto\", \"cpu\", \"cuda\" or \"cuda:N\"", Device);
    }
}
