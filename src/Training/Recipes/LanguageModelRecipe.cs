using RnnTorch.Data;
using RnnTorch.Models;
using static RnnTorch.torch;

namespace RnnTorch.Training.Recipes;

/// <summary>
/// moby-dick: a character language model on windows of <see cref="ExperimentSpec.SequenceLength"/> characters of the
/// novel (split 90/5/5 in text order), trained with truncated BPTT every <see cref="ExperimentSpec.TbpttSteps"/> steps;
/// loss, perplexity and bits per character; generates text from a prompt.
/// </summary>
public sealed class LanguageModelRecipe : Recipe
{
    /// <summary>The prompt of the report's sample.</summary>
    public const string DefaultPrompt = "Call me Ishmael. ";

    private Vocabulary? vocabulary;

    /// <summary>Creates the recipe; the vocabulary comes from <paramref name="artifacts"/> when given.</summary>
    public LanguageModelRecipe(ExperimentSpec spec, string? artifacts) : base(spec, artifacts)
    {
        if (spec.Dataset != "moby-dick") throw new ConfigException($"dataset '{spec.Dataset}' is not a text of this recipe.", new[] { "dataset" });
        if (artifacts is not null) vocabulary = Vocabulary.Load(Path.Combine(artifacts, RunFiles.Vocabulary));
    }

    /// <inheritdoc />
    public override RecipeKind Kind => RecipeKind.LanguageModel;

    /// <inheritdoc />
    public override string MainMetric => "perplexity";

    /// <inheritdoc />
    public override string Description =>
        $"moby-dick: the next character from the previous ones, windows of {Spec.SequenceLength} characters, TBPTT every {Spec.TbpttSteps?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(full)"} steps, split 90/5/5 in text order";

    /// <summary>The character vocabulary (built on the training part).</summary>
    public Vocabulary Vocabulary
    {
        get
        {
            if (vocabulary is null) _ = Data;
            return vocabulary!;
        }
    }

    /// <inheritdoc />
    protected override RecipeData LoadData()
    {
        var book = MobyDickDataset.Load();
        if (vocabulary is not null && !vocabulary.Tokens.SequenceEqual(book.Vocabulary.Tokens))
            throw new DataException($"moby-dick: the data's vocabulary differs from the run's {RunFiles.Vocabulary}; the data changed since training.");
        vocabulary ??= book.Vocabulary;
        List<SequenceBatch> Make(ReadOnlyMemory<long> ids, int quickBatches)
        {
            var windows = MobyDickDataset.Windows(ids, Spec.SequenceLength);
            int count = Spec.Quick ? Math.Min(windows.Count, quickBatches * Spec.BatchSize) : windows.Count;
            return Chunk(count, Spec.BatchSize, (start, n) =>
            {
                var items = Enumerable.Range(start, n).Select(i => windows[i]).ToList();
                var shape = new long[] { n, Spec.SequenceLength };
                return new SequenceBatch(tensor(items.SelectMany(w => w.Input).ToArray(), shape, ScalarType.Int64),
                    tensor(items.SelectMany(w => w.Target).ToArray(), shape, ScalarType.Int64));
            });
        }
        return new RecipeData(Make(book.Train, 4), Make(book.Validation, 1), Make(book.Test, 1));
    }

    /// <inheritdoc />
    public override nn.Module CreateModel(CoreKind core) => new LanguageModel(core, Vocabulary.Count, Spec.Embedding, Spec.Hidden, Spec.Layers);

    /// <inheritdoc />
    public override ITrainingTask<SequenceBatch> CreateTask(nn.Module model) =>
        new LanguageModelTask(Model(model), Spec.TbpttSteps, stateful: false, sequenceLength: Spec.SequenceLength);

    /// <inheritdoc />
    protected override Tensor Forward(nn.Module model, SequenceBatch batch)
    {
        var (logits, state) = Model(model).forward(batch.Inputs.Follow(model));
        state.Dispose();
        return logits;
    }

    /// <inheritdoc />
    protected override Tensor Loss(Tensor output, SequenceBatch batch) =>
        nn.functional.cross_entropy(output.flatten(0, 1), batch.Targets.to(output.device).flatten());

    /// <inheritdoc />
    public override PredictionView Predictions(nn.Module model) => new SampleView(DefaultPrompt, Generate(model, DefaultPrompt, 200, 0.8, unchecked((int)Spec.Seed)));

    /// <inheritdoc />
    public override string Generate(nn.Module model, string prompt, int length, double temperature, int seed)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Length == 0) throw new ConfigException("the prompt is empty; give at least one character.", new[] { "prompt" });
        if (length < 0) throw new ConfigException($"length must be >= 0, but was {length}.", new[] { "length" });
        if (!(temperature >= 0) || !double.IsFinite(temperature)) throw new ConfigException($"temperature must be a finite number >= 0, but was {temperature.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", new[] { "temperature" });
        return Vocabulary.Decode(Model(model).Generate(Vocabulary.Encode(prompt), length, temperature, seed: seed));
    }

    /// <summary>The most likely next characters after the text <paramref name="input"/> (null: the default prompt).</summary>
    public override Prediction Predict(nn.Module model, string? input)
    {
        string text = string.IsNullOrEmpty(input) ? DefaultPrompt : input;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        var ids = Vocabulary.Encode(text);
        var (logits, state) = Model(model).forward(tensor(ids, new long[] { 1, ids.Length }, ScalarType.Int64).Follow(model));
        state.Dispose();
        var p = ClassifierOutputs.Probabilities(logits.select(1, -1));
        var names = Enumerable.Range(0, p.Length).Select(i => Vocabulary.TokenOf(i)).ToList();
        var top = Enumerable.Range(0, p.Length).OrderByDescending(i => p[i]).Take(10).ToDictionary(i => names[i], i => p[i]);
        string list = string.Join(", ", top.Select(t => $"'{t.Key}' {t.Value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}"));
        return new Prediction($"next character after '{text}': {list}", top);
    }

    /// <inheritdoc />
    public override void SaveArtifacts(string runDir)
    {
        base.SaveArtifacts(runDir);
        Vocabulary.Save(Path.Combine(runDir, RunFiles.Vocabulary));
    }

    private static LanguageModel Model(nn.Module model) =>
        model as LanguageModel ?? throw new ArgumentException($"the model must be a {nameof(LanguageModel)}, but is a {model?.GetType().Name ?? "null"}.", nameof(model));
}
