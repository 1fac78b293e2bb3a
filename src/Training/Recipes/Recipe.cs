using RnnTorch.Data;
using RnnTorch.Models;
using static RnnTorch.torch;

namespace RnnTorch.Training.Recipes;

/// <summary>
/// How to train, evaluate and use a model on one dataset: the data (split, normalised or tokenised, batched), the model
/// for any <see cref="CoreKind"/>, the task, the checks and the predictions. <see cref="For"/> picks the recipe of a
/// dataset. The data is loaded on first use; what a checkpoint needs to be reloaded (experiment, vocabulary,
/// normaliser, labels) is written by <see cref="SaveArtifacts"/> and read back by <see cref="Open"/>.
/// </summary>
public abstract partial class Recipe : IDisposable
{
    private RecipeData? data;

    /// <summary>Creates the recipe of <paramref name="spec"/>; <paramref name="artifacts"/> is a run directory to read saved artefacts from, or null.</summary>
    protected Recipe(ExperimentSpec spec, string? artifacts)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        Artifacts = artifacts;
    }

    /// <summary>The experiment.</summary>
    public ExperimentSpec Spec { get; }

    /// <summary>The run directory the artefacts were read from, or null when they come from the data.</summary>
    protected string? Artifacts { get; }

    /// <summary>What the model is trained to do.</summary>
    public abstract RecipeKind Kind { get; }

    /// <summary>One sentence: the dataset, the inputs and what is predicted.</summary>
    public abstract string Description { get; }

    /// <summary>The metric the run's table shows besides the loss (e.g. "mae", "accuracy").</summary>
    public abstract string MainMetric { get; }

    /// <summary>The batches (loaded on first use).</summary>
    public RecipeData Data => data ??= LoadData();

    /// <summary>The batches of one part.</summary>
    public IReadOnlyList<SequenceBatch> Batches(DataSplit split) => split switch
    {
        DataSplit.Train => Data.Train,
        DataSplit.Validation => Data.Validation,
        DataSplit.Test => Data.Test,
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, $"unknown split {split}."),
    };

    /// <summary>Loads, splits and batches the data (called once).</summary>
    protected abstract RecipeData LoadData();

    /// <summary>A new model with <paramref name="core"/>, initialised from libtorch's generator (seed it first); Elman and Rnn share parameter names.</summary>
    public abstract nn.Module CreateModel(CoreKind core);

    /// <summary>The training task of <paramref name="model"/> (a model from <see cref="CreateModel"/>).</summary>
    public abstract ITrainingTask<SequenceBatch> CreateTask(nn.Module model);

    /// <summary>The model's output on a batch (regression values, logits).</summary>
    protected abstract Tensor Forward(nn.Module model, SequenceBatch batch);

    /// <summary>The loss of <paramref name="output"/> (from <see cref="Forward"/>) on the batch's targets.</summary>
    protected abstract Tensor Loss(Tensor output, SequenceBatch batch);

    /// <summary>What the model predicts on validation data (for the report).</summary>
    public abstract PredictionView Predictions(nn.Module model);

    /// <summary>What the model says about one input given as text; null input: a default input where the recipe has one.</summary>
    /// <exception cref="ConfigException">The input cannot be read for this recipe (the message names it).</exception>
    public abstract Prediction Predict(nn.Module model, string? input);

    /// <summary>Writes the artefacts a checkpoint needs into <paramref name="runDir"/>: experiment.json and the recipe's own files.</summary>
    public virtual void SaveArtifacts(string runDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDir);
        Directory.CreateDirectory(runDir);
        Spec.Save(Path.Combine(runDir, RunFiles.Experiment));
    }

    /// <summary>
    /// Continues <paramref name="prompt"/> by <paramref name="length"/> tokens (language models only).
    /// </summary>
    /// <exception cref="ConfigException">The recipe is not a language model.</exception>
    public virtual string Generate(nn.Module model, string prompt, int length, double temperature, int seed) =>
        throw new ConfigException($"generate needs a language model, but dataset '{Spec.Dataset}' is {Kind.ToString().ToLowerInvariant()} (try --dataset moby-dick).");

    /// <summary>The recipe of <paramref name="spec"/>'s dataset; <paramref name="artifacts"/>: a run directory whose vocabulary/normaliser to use.</summary>
    /// <exception cref="ConfigException">The spec is invalid, the device is not available, or the dataset is unknown or has no recipe.</exception>
    public static Recipe For(ExperimentSpec spec, string? artifacts = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        spec.ToTrainingConfig().ResolveDevice();
        return spec.Dataset switch
        {
            SeattleWeather.Name or Sp500.Name => new TimeSeriesRecipe(spec, artifacts),
            "sentiment" or "word-language" => new TextClassificationRecipe(spec, artifacts),
            "moby-dick" => new LanguageModelRecipe(spec, artifacts),
            SpokenDigitsDataset.Name => new SpokenDigitsRecipe(spec, artifacts),
            SpeechFramesDataset.Name => new SpeechFramesRecipe(spec, artifacts),
            var name when DatasetRegistry.Contains(name) =>
                throw new ConfigException($"dataset '{name}' has no recipe (recipes: {string.Join(", ", Names)}).", new[] { "dataset" }),
            var name => throw new ConfigException($"unknown dataset '{name}' (known: {string.Join(", ", DatasetRegistry.Names)}).", new[] { "dataset" }),
        };
    }

    /// <summary>The datasets that have a recipe.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [SeattleWeather.Name, Sp500.Name, "sentiment", "word-language", "moby-dick", SpokenDigitsDataset.Name, SpeechFramesDataset.Name];

    /// <summary>The recipe of the run a checkpoint belongs to: its experiment.json and artefacts.</summary>
    /// <exception cref="FileNotFoundException">The checkpoint or its experiment.json is missing.</exception>
    /// <exception cref="ConfigException">The experiment file is invalid.</exception>
    public static Recipe Open(string checkpoint)
    {
        string runDir = RunFiles.RunDirectoryOf(checkpoint);
        return For(ExperimentSpec.Load(Path.Combine(runDir, RunFiles.Experiment)), runDir);
    }

    /// <summary>A model with the checkpoint's weights (<see cref="Spec"/>'s core), in eval mode on the spec's device.</summary>
    /// <exception cref="InvalidDataException">The checkpoint is not readable or does not fit the model.</exception>
    public nn.Module LoadModel(string checkpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(checkpoint);
        manual_seed(Spec.Seed);
        var model = CreateModel(Spec.Model);
        Dictionary<string, Tensor> tensors;
        try
        {
            tensors = torch.load(checkpoint, out _);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            model.Dispose();
            throw new InvalidDataException($"checkpoint '{checkpoint}' cannot be read: {e.Message}", e);
        }
        try
        {
            const string prefix = "model.";
            var weights = tensors.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(p => p.Key[prefix.Length..], p => p.Value);
            using (no_grad()) model.load_state_dict(weights);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or TorchException)
        {
            model.Dispose();
            throw new InvalidDataException($"checkpoint '{checkpoint}' does not fit the model of its experiment: {e.Message}", e);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
        model.to(Spec.ToTrainingConfig().ResolveDevice(), null);
        model.eval();
        return model;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the batches.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || data is null) return;
        foreach (var b in data.Train.Concat(data.Validation).Concat(data.Test))
        {
            b.Inputs.Dispose();
            b.Targets.Dispose();
            b.Lengths?.Dispose();
        }
        data = null;
    }
}
