using RnnTorch.Data;
using RnnTorch.Models;
using static RnnTorch.torch;

namespace RnnTorch.Training.Recipes;

/// <summary>
/// spoken-digits: which digit an utterance says, from its MFCC frames (many-to-one); validation is a seeded tenth of
/// the training voices' utterances, test the held-out voices; accuracy and macro F1.
/// </summary>
public sealed class SpokenDigitsRecipe : Recipe
{
    /// <summary>Creates the recipe.</summary>
    public SpokenDigitsRecipe(ExperimentSpec spec, string? artifacts) : base(spec, artifacts)
    {
        if (spec.Dataset != SpokenDigitsDataset.Name) throw new ConfigException($"dataset '{spec.Dataset}' is not spoken-digits.", new[] { "dataset" });
    }

    /// <summary>The class names: the digits' words.</summary>
    public static IReadOnlyList<string> Labels => SpokenDigitsSpec.Words;

    /// <inheritdoc />
    public override RecipeKind Kind => RecipeKind.Classification;

    /// <inheritdoc />
    public override string MainMetric => "accuracy";

    /// <inheritdoc />
    public override string Description =>
        $"spoken-digits: the digit from {AudioInputs.Width} MFCCs per 10 ms frame (espeak-ng voices; test = held-out voices{(Spec.Quick ? "; quick: 1 voice each" : "")})";

    /// <inheritdoc />
    protected override RecipeData LoadData()
    {
        var audioSpec = AudioInputs.Spec(Spec.Quick);
        var train = new SpokenDigitsDataset(train: true, audioSpec);
        var test = new SpokenDigitsDataset(train: false, audioSpec);
        var order = Permutation(train.Count);
        int validation = Math.Max(1, train.Count / 10);
        List<SequenceBatch> Make(Dataset<AudioClip> set, IReadOnlyList<int> items) => Chunk(items.Count, Spec.BatchSize, (start, n) =>
        {
            var clips = Enumerable.Range(start, n).Select(i => set[items[i]]).ToList();
            var padded = Collate.PadFeatures(clips.Select(c => AudioInputs.Of(c.Samples, c.SampleRate)).ToList());
            padded.Mask.Dispose();
            return new SequenceBatch(padded.Data, tensor(clips.Select(c => (long)c.Label).ToArray(), ScalarType.Int64), padded.Lengths);
        });
        return new RecipeData(Make(train, order[validation..]), Make(train, order[..validation]), Make(test, Enumerable.Range(0, test.Count).ToArray()));
    }

    /// <inheritdoc />
    public override nn.Module CreateModel(CoreKind core) =>
        new SequenceClassifier(core, SequenceInput.Features(AudioInputs.Width), Spec.Hidden, Labels.Count, Spec.Layers);

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

    /// <summary>The digit said in the WAV file <paramref name="input"/>, with every digit's probability.</summary>
    public override Prediction Predict(nn.Module model, string? input)
    {
        var wav = AudioInputs.Read(input);
        var frames = AudioInputs.Of(wav.Samples, wav.SampleRate);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        using var padded = Collate.PadFeatures([frames]);
        var logits = Classifier(model).forward(padded.Data.Follow(model));
        return ClassifierOutputs.Describe(Labels, ClassifierOutputs.Probabilities(logits), input!);
    }

    private static SequenceClassifier Classifier(nn.Module model) =>
        model as SequenceClassifier ?? throw new ArgumentException($"the model must be a {nameof(SequenceClassifier)}, but is a {model?.GetType().Name ?? "null"}.", nameof(model));
}
