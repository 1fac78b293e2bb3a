using RnnTorch.Data;
using RnnTorch.Models;
using static RnnTorch.torch;

namespace RnnTorch.Training.Recipes;

/// <summary>
/// speech-frames: voice-activity detection, speech or non-speech for every 10 ms MFCC frame of a spoken digit embedded
/// in silence and noise (many-to-many tagging, padding masked); validation a seeded tenth of the training voices, test
/// the held-out voices; frame accuracy and macro F1.
/// </summary>
public sealed class SpeechFramesRecipe : Recipe
{
    /// <summary>Creates the recipe.</summary>
    public SpeechFramesRecipe(ExperimentSpec spec, string? artifacts) : base(spec, artifacts)
    {
        if (spec.Dataset != SpeechFramesDataset.Name) throw new ConfigException($"dataset '{spec.Dataset}' is not speech-frames.", new[] { "dataset" });
    }

    /// <summary>The tag names.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["non-speech", "speech"];

    /// <inheritdoc />
    public override RecipeKind Kind => RecipeKind.Tagging;

    /// <inheritdoc />
    public override string MainMetric => "accuracy";

    /// <inheritdoc />
    public override string Description =>
        $"speech-frames: speech or non-speech per 10 ms frame ({AudioInputs.Width} MFCCs) of spoken digits in silence and noise{(Spec.Quick ? " (quick: 1 voice each)" : "")}";

    private static SpeechFramesOptions Options { get; } = new() { Features = AudioInputs.Features };

    /// <inheritdoc />
    protected override RecipeData LoadData()
    {
        var audioSpec = AudioInputs.Spec(Spec.Quick);
        var train = SpeechFramesDataset.FromSpokenDigits(train: true, Options, audioSpec);
        var test = SpeechFramesDataset.FromSpokenDigits(train: false, Options, audioSpec);
        var order = Permutation(train.Count);
        int validation = Math.Max(1, train.Count / 10);
        List<SequenceBatch> Make(SpeechFramesDataset set, IReadOnlyList<int> items) => Chunk(items.Count, Spec.BatchSize, (start, n) =>
        {
            var utterances = Enumerable.Range(start, n).Select(i => set[items[i]]).ToList();
            var features = utterances.Select(u => AudioInputs.Of(u.Samples, u.SampleRate)).ToList();
            // Feature frames and labels come from the same framing; keep the shorter of the two should they ever differ.
            var labels = utterances.Select((u, i) => u.Labels.Take(features[i].Length).ToArray()).ToList();
            var padded = Collate.PadFeatures(features.Select((f, i) => f.Take(labels[i].Length).ToArray()).ToList());
            padded.Mask.Dispose();
            using var tags = Collate.PadTokens(labels);
            return new SequenceBatch(padded.Data, tags.Data.clone(), padded.Lengths);
        });
        return new RecipeData(Make(train, order[validation..]), Make(train, order[..validation]), Make(test, Enumerable.Range(0, test.Count).ToArray()));
    }

    /// <inheritdoc />
    public override nn.Module CreateModel(CoreKind core) =>
        new SequenceTagger(core, SequenceInput.Features(AudioInputs.Width), Spec.Hidden, Labels.Count, Spec.Layers);

    /// <inheritdoc />
    public override ITrainingTask<SequenceBatch> CreateTask(nn.Module model) => new TaggingTask(Tagger(model), Labels.Count);

    /// <inheritdoc />
    protected override Tensor Forward(nn.Module model, SequenceBatch batch) => Tagger(model).forward(batch.Inputs.Follow(model), batch.Lengths);

    /// <inheritdoc />
    protected override Tensor Loss(Tensor output, SequenceBatch batch)
    {
        var mask = batch.Lengths is null ? null : MaskedLoss.LengthMask(batch.Lengths, output.size(1), output.device);
        return MaskedLoss.CrossEntropy(output, batch.Targets.to(output.device), mask).Loss;
    }

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
            var logits = Forward(model, batch);
            var mask = batch.Lengths is null ? null : MaskedLoss.LengthMask(batch.Lengths, logits.size(1), CPU);
            ClassifierOutputs.Count(confusion, logits, batch.Targets, mask);
        }
        model.train(wasTraining);
        return new ClassificationView(Labels, confusion);
    }

    /// <summary>The speech frames of the WAV file <paramref name="input"/>: their share and the first and last speech frame.</summary>
    public override Prediction Predict(nn.Module model, string? input)
    {
        var wav = AudioInputs.Read(input);
        var frames = AudioInputs.Of(wav.Samples, wav.SampleRate);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        using var padded = Collate.PadFeatures([frames]);
        var tags = Tagger(model).forward(padded.Data.Follow(model)).argmax(-1).to(ScalarType.Int64, CPU).flatten().data<long>().ToArray();
        int speech = tags.Count(t => t == 1);
        int first = Array.IndexOf(tags, 1L), last = Array.LastIndexOf(tags, 1L);
        string span = speech == 0 ? "no speech" : $"speech from frame {first} to {last} ({first * 10} ms to {(last + 1) * 10} ms)";
        return new Prediction($"{input}: {speech} of {tags.Length} frames are speech; {span}",
            new Dictionary<string, double> { ["speech_frames"] = speech, ["frames"] = tags.Length, ["first_speech_frame"] = first, ["last_speech_frame"] = last });
    }

    private static SequenceTagger Tagger(nn.Module model) =>
        model as SequenceTagger ?? throw new ArgumentException($"the model must be a {nameof(SequenceTagger)}, but is a {model?.GetType().Name ?? "null"}.", nameof(model));
}
