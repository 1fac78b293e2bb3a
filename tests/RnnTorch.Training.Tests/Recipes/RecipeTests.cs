using RnnTorch.Models;
using RnnTorch.Training.Recipes;
using static RnnTorch.torch;

namespace RnnTorch.Training.Tests.Recipes;

/// <summary>Every recipe in quick mode: trains, learns, and reloads from its run directory to the same outputs.</summary>
[Collection(RecipeCollection.Name)]
public sealed class RecipeTests
{
    public static TheoryData<string> Datasets => new(Recipe.Names);

    private static ExperimentSpec Quick(string dataset) => new()
    {
        Dataset = dataset, Hidden = 8, Epochs = 1, BatchSize = 16, Quick = true, Seed = 5, SequenceLength = 24, TbpttSteps = 12, Embedding = 8,
    };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void OneQuickEpochHasAFiniteLossAndMoreStepsLowerIt(string dataset)
    {
        using var recipe = Recipe.For(Quick(dataset));
        manual_seed(5);
        using var model = recipe.CreateModel(CoreKind.Elman);
        var result = recipe.Fit(model, recipe.Spec.ToTrainingConfig(), new SilentProgress());
        Assert.True(result.Reason == StopReason.Completed, $"{dataset}: {result.Reason} {result.Message}");
        Assert.NotEmpty(result.StepLosses);
        Assert.All(result.StepLosses, l => Assert.True(double.IsFinite(l), $"loss {l}"));

        // A few more steps on one batch lower that batch's loss.
        using var optimizer = new OptimizerConfig { LearningRate = 1e-2 }.Create(model.parameters());
        var losses = Enumerable.Range(0, 15).Select(_ => recipe.TrainingStep(model, optimizer)).ToList();
        Assert.True(losses[^1] < losses[0], $"{dataset}: loss {losses[0]} -> {losses[^1]} after 15 more steps");
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void ACheckpointWithItsArtifactsReloadsToTheSameOutputs(string dataset)
    {
        string run = Path.Combine(Path.GetTempPath(), "rnn-torch-recipe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var recipe = Recipe.For(Quick(dataset) with { Model = CoreKind.Gru });
            manual_seed(5);
            using var model = recipe.CreateModel(CoreKind.Gru);
            var result = recipe.Fit(model, recipe.Spec.ToTrainingConfig(run, Path.Combine(run, RunFiles.Checkpoints)), new SilentProgress());
            recipe.SaveArtifacts(run);
            Assert.NotNull(result.LastCheckpoint);
            var expected = recipe.Evaluate(model, DataSplit.Validation);

            using var reopened = Recipe.Open(result.LastCheckpoint!);
            Assert.Equal(recipe.Spec, reopened.Spec);
            using var loaded = reopened.LoadModel(result.LastCheckpoint!);
            var actual = reopened.Evaluate(loaded, DataSplit.Validation);
            Assert.Equal(expected["loss"], actual["loss"]);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());

            // The outputs on the first validation batch are bit for bit the same.
            model.eval();
            var (y1, l1) = recipe.Probe(model);
            var (y2, l2) = reopened.Probe(loaded);
            Assert.True(y1.eq(y2).all().item<bool>(), $"{dataset}: outputs differ after reloading");
            foreach (var t in new[] { y1, l1, y2, l2 }) t.Dispose();
        }
        finally
        {
            if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        }
    }

    [Fact]
    public void ElmanAndBuiltInRnnShareParameterNamesAndOutputsOnEveryRecipeKind()
    {
        foreach (var dataset in new[] { "seattle-weather", "word-language" })
        {
            using var recipe = Recipe.For(Quick(dataset));
            manual_seed(1);
            using var elman = recipe.CreateModel(CoreKind.Elman);
            using var rnn = recipe.CreateModel(CoreKind.Rnn);
            rnn.load_state_dict(elman.state_dict());
            var (y1, l1) = recipe.Probe(elman);
            var (y2, l2) = recipe.Probe(rnn);
            double diff = (y1 - y2).abs().max().to(ScalarType.Float64).item<double>();
            Assert.InRange(diff, 0, 1e-5);
            foreach (var t in new[] { y1, l1, y2, l2 }) t.Dispose();
        }
    }
}
