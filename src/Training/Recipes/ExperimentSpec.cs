using RnnTorch.Models;

namespace RnnTorch.Training.Recipes;

/// <summary>
/// Everything one experiment needs, as an immutable record with defaults: the dataset, the model, the training
/// hyperparameters and the dataset-specific knobs. Read and written as JSON with camelCase keys (the "experiment
/// file", see <see cref="Load"/>); reading is strict like <see cref="TrainingConfig"/>'s: unknown keys and invalid
/// values are errors that name their keys.
/// </summary>
public sealed partial record ExperimentSpec
{
    /// <summary>The registry name of the dataset (default "seattle-weather").</summary>
    public string Dataset { get; init; } = "seattle-weather";

    /// <summary>The recurrent core (default <see cref="CoreKind.Elman"/>; JSON "elman", "rnn", "lstm" or "gru").</summary>
    public CoreKind Model { get; init; } = CoreKind.Elman;

    /// <summary>The hidden size, &gt;= 1 (default 32).</summary>
    public int Hidden { get; init; } = 32;

    /// <summary>Stacked recurrent layers, &gt;= 1 (default 1).</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Training epochs, &gt;= 1 (default 10).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Sequences per batch, &gt;= 1 (default 32).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam's learning rate, &gt; 0 (default 3e-3).</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>"cpu" (default), "cuda" or "cuda:N"; CUDA must be available.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The seed of the initial weights, the splits and the batch order (default 42).</summary>
    public long Seed { get; init; } = 42;

    /// <summary>The run directory; null: the caller picks one (default).</summary>
    public string? Out { get; init; }

    /// <summary>Small slices of the data and a tiny dataset where one is generated, so that a run takes seconds (for tests).</summary>
    public bool Quick { get; init; }

    /// <summary>Time series: the input days (steps) per window, &gt;= 1 (default 14).</summary>
    public int Lookback { get; init; } = 14;

    /// <summary>Language models: the characters per training window, &gt;= 2 (default 64).</summary>
    public int SequenceLength { get; init; } = 64;

    /// <summary>Language models: truncated backpropagation every this many steps, &gt;= 1; null: full BPTT (default 32).</summary>
    public int? TbpttSteps { get; init; } = 32;

    /// <summary>Token inputs: the embedding size, &gt;= 1 (default 32).</summary>
    public int Embedding { get; init; } = 32;

    /// <summary>word-language: words per language, &gt;= 10 (default 2000).</summary>
    public int WordsPerLanguage { get; init; } = 2000;

    /// <summary>Checks every value and throws one <see cref="ConfigException"/> naming every invalid key and its value.</summary>
    public void Validate() => Validate("the experiment");

    internal void Validate(string source)
    {
        var problems = new ConfigProblems();
        if (string.IsNullOrWhiteSpace(Dataset)) problems.Add("dataset", "must name a dataset", Dataset);
        if (!Enum.IsDefined(Model)) problems.Add("model", "must be \"elman\", \"rnn\", \"lstm\" or \"gru\"", Model.ToString());
        if (Hidden < 1) problems.Add("hidden", "must be >= 1", Hidden);
        if (Layers < 1) problems.Add("layers", "must be >= 1", Layers);
        if (Epochs < 1) problems.Add("epochs", "must be >= 1", Epochs);
        if (BatchSize < 1) problems.Add("batchSize", "must be >= 1", BatchSize);
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) problems.Add("learningRate", "must be a finite number > 0", LearningRate);
        bool device = Device is "cpu" or "cuda"
            || (Device is not null && Device.StartsWith("cuda:", StringComparison.Ordinal) && Device.Length is > 5 and <= 9 && Device[5..].All(char.IsAsciiDigit));
        if (!device) problems.Add("device", "must be \"cpu\", \"cuda\" or \"cuda:N\"", Device);
        if (Out is not null && string.IsNullOrWhiteSpace(Out)) problems.Add("out", "must be a directory (or null)", Out);
        if (Lookback < 1) problems.Add("lookback", "must be >= 1", Lookback);
        if (SequenceLength < 2) problems.Add("sequenceLength", "must be >= 2", SequenceLength);
        if (TbpttSteps is < 1) problems.Add("tbpttSteps", "must be >= 1 (or null: full backpropagation through time)", TbpttSteps);
        if (Embedding < 1) problems.Add("embedding", "must be >= 1", Embedding);
        if (WordsPerLanguage < 10) problems.Add("wordsPerLanguage", "must be >= 10", WordsPerLanguage);
        problems.ThrowIfAny(source);
    }

    /// <summary>
    /// The training configuration of this experiment: Adam at <see cref="LearningRate"/>, clipping at 1, the epochs,
    /// batch size, seed and device; logs in <paramref name="logDir"/> and checkpoints in <paramref name="checkpointDir"/>
    /// (null: none). TBPTT is the language-model task's own setting.
    /// </summary>
    public TrainingConfig ToTrainingConfig(string? logDir = null, string? checkpointDir = null) => new()
    {
        Epochs = Epochs,
        BatchSize = BatchSize,
        Seed = Seed,
        Device = Device,
        LogDir = logDir,
        CheckpointDir = checkpointDir,
        LogEvery = 1,
        Optimizer = new OptimizerConfig { Name = "adam", LearningRate = LearningRate },
    };
}
