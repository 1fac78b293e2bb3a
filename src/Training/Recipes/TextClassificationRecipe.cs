using RnnTorch.Data;
using RnnTorch.Models;
using static RnnTorch.torch;

namespace RnnTorch.Training.Recipes;

/// <summary>
/// sentiment (negative/positive review sentences, word tokens) and word-language (a word's language from its
/// characters): embedded tokens, many-to-one classification, a seeded 80/10/10 split; accuracy and macro F1.
/// </summary>
public sealed class TextClassificationRecipe : Recipe
{
    private Vocabulary? vocabulary;
    private string[]? labels;

    /// <summary>Creates the recipe; the vocabulary and labels come from <paramref name="artifacts"/> when given.</summary>
    public TextClassificationRecipe(ExperimentSpec spec, string? artifacts) : base(spec, artifacts)
    {
        if (spec.Dataset is not ("sentiment" or "word-language"))
            throw new ConfigException($"dataset '{spec.Dataset}' is not a text classification dataset of this recipe.", new[] { "dataset" });
        if (artifacts is not null)
        {
            vocabulary = Vocabulary.Load(Path.Combine(artifacts, RunFiles.Vocabulary));
            labels = Recipes.Labels.Load(artifacts);
        }
    }

    /// <inheritdoc />
    public override RecipeKind Kind => RecipeKind.Classification;

    /// <inheritdoc />
    public override string MainMetric => "accuracy";

    /// <inheritdoc />
    public override string Description => Spec.Dataset == "sentiment"
        ? "sentiment: negative or positive, from a review sentence's words (amazon, imdb, yelp), seeded 80/10/10 split"
        : $"word-language: a word's language ({string.Join(", ", Labels)}) from its characters, {(Spec.Quick ? 50 : Spec.WordsPerLanguage)} words each, seeded 80/10/10 split";

    /// <summary>The vocabulary of the tokens.</summary>
    public Vocabulary Vocabulary
    {
        get
        {
            if (vocabulary is null) _ = Data;
            return vocabulary!;
        }
    }

    /// <summary>The class names.</summary>
    public IReadOnlyList<string> Labels
    {
        get
        {
            if (labels is null) _ = Data;
            return labels!;
        }
    }

    /// <inheritdoc />
    protected override RecipeData LoadData()
    {
        Dataset<TextExample> set;
        Vocabulary loaded;
        string[] classes;
        if (Spec.Dataset == "sentiment")
        {
            var sentiment = SentimentDataset.Load();
            (set, loaded, classes) = (sentiment, sentiment.Vocabulary, SentimentDataset.Classes.ToArray());
        }
        else
        {
            var words = WordLanguageDataset.Load(Spec.Quick ? 50 : Spec.WordsPerLanguage, seed: unchecked((int)Spec.Seed));
            (set, loaded, classes) = (words, words.Vocabulary, words.Classes.ToArray());
        }
        if (vocabulary is not null && !vocabulary.Tokens.SequenceEqual(loaded.Tokens))
            throw new DataException($"{Spec.Dataset}: the data's vocabulary differs from the run's {RunFiles.Vocabulary} ({loaded.Count} vs {vocabulary.Count} tokens); the data changed since training.");
        if (labels is not null && !labels.SequenceEqual(classes))
            throw new DataException($"{Spec.Dataset}: the data's classes ({string.Join(", ", classes)}) differ from the run's {RunFiles.Labels} ({string.Join(", ", labels)}).");
        vocabulary ??= loaded;
        labels ??= classes;

        var order = Permutation(set.Count);
        int validation = Math.Max(1, set.Count / 10), train = set.Count - 2 * validation;
        int Limit(int n, int quick) => Spec.Quick ? Math.Min(n, quick) : n;
        List<SequenceBatch> Make(int offset, int count) => Chunk(count, Spec.BatchSize, (start, n) =>
        {
            var examples = Enumerable.Range(offset + start, n).Select(i => set[order[i]]).ToList();
            var padded = Collate.PadTokens(examples.Select(e => e.Tokens.Length == 0 ? new[] { Vocabulary.UnknownId } : e.Tokens).ToList());
            padded.Mask.Dispose();
            var targets = tensor(examples.Select(e => (long)e.Label).ToArray(), ScalarType.Int64);
            return new SequenceBatch(padded.Data, targets, padded.Lengths);
        });
        return new RecipeData(Make(0, Limit(train, 8 * Spec.BatchSize)), Make(train, Limit(validation, 2 * Spec.BatchSize)),
            Make(train + validation, Limit(validation, 2 * Spec.BatchSize)));
    }

    /// <inheritdoc />
    public override nn.Module CreateModel(CoreKind core) =>
        new SequenceClassifier(core, SequenceInput.Tokens(Vocabulary.Count, Spec.Embedding), Spec.Hidden, Labels.Count, Spec.Layers);

    /// <inheritdoc />
    public override ITrainingTask<SequenceBatch> CreateTask(nn.Module model) => new ClassificationTask(Classifier(model), Labels.Count);

    /// <inheritdoc />
    protected override Tensor Forward(nn.Module model, SequenceBatch batch) => Classifier(model).forward(batch.Inputs.Follow(model), batch.Lengths);

    /// <inheritdoc />
    protected override Tensor Loss(Tensor output, SequenceBatch batch) => nn.functional.cross_entropy(output, batch.Targets.to(output.device));

    /// <inheritdoc />
    public override PredictionView Predictions(nn.Module model)
    {
        var confusion = new long[Labels.Count, Labels.Count];
        using var noGrad = no_grad();
        bool wasTraining = model.training;
        model.eval();
        foreach (var batch in Data.Validation)
        {
            using var scope = NewDisposeScope();
            ClassifierOutputs.Count(confusion, Forward(model, batch), batch.Targets, null);
        }
        model.train(wasTraining);
        return new ClassificationView(Labels, confusion);
    }

    /// <summary>The class of the text <paramref name="input"/> with every class's probability.</summary>
    public override Prediction Predict(nn.Module model, string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            throw new ConfigException($"predict on {Spec.Dataset} needs --input with a {(Spec.Dataset == "sentiment" ? "sentence" : "word")}.", new[] { "input" });
        var tokens = Vocabulary.Encode(input);
        if (tokens.Length == 0) throw new ConfigException($"input '{input}' has no tokens.", new[] { "input" });
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        var x = tensor(tokens, new long[] { 1, tokens.Length }, ScalarType.Int64);
        return ClassifierOutputs.Describe(Labels, ClassifierOutputs.Probabilities(Classifier(model).forward(x.Follow(model))), $"'{input}'");
    }

    /// <inheritdoc />
    public override void SaveArtifacts(string runDir)
    {
        base.SaveArtifacts(runDir);
        Vocabulary.Save(Path.Combine(runDir, RunFiles.Vocabulary));
        Recipes.Labels.Save(runDir, Labels);
    }

    private static SequenceClassifier Classifier(nn.Module model) =>
        model as SequenceClassifier ?? throw new ArgumentException($"the model must be a {nameof(SequenceClassifier)}, but is a {model?.GetType().Name ?? "null"}.", nameof(model));
}
