using System.CommandLine;
using RnnTorch.Training.Recipes;

namespace RnnTorch.Cli;

/// <summary>
/// The experiment flags of <c>compare</c>, <c>train</c> and <c>bench</c>: an experiment file (<c>--config</c>) and
/// flags that override its values (<see cref="ExperimentSpec"/>).
/// </summary>
internal sealed class ExperimentOptions
{
    public Option<string?> Config { get; } = CliOptions.ExistingFile("--config", "Experiment file (JSON, the keys of ExperimentSpec); flags override its values");
    public Option<string?> Dataset { get; } = CliOptions.Dataset();
    public Option<int?> Hidden { get; } = CliOptions.Positive("--hidden", "Hidden size; default 32", "H");
    public Option<int?> Layers { get; } = CliOptions.Positive("--layers", "Stacked recurrent layers; default 1");
    public Option<int?> Epochs { get; } = CliOptions.Positive("--epochs", "Training epochs; default 10 (1 with --quick)");
    public Option<int?> BatchSize { get; } = CliOptions.Positive("--batch-size", "Sequences per batch; default 32");
    public Option<double?> LearningRate { get; } = CliOptions.PositiveReal("--lr", "Adam's learning rate; default 3e-3", "LR");
    public Option<string?> Device { get; } = CliOptions.Device();
    public Option<long?> Seed { get; } = CliOptions.Seed();
    public Option<string?> Out { get; }
    public Option<bool> Quick { get; } = CliOptions.Quick();

    public ExperimentOptions(string outDefault) => Out = CliOptions.Out(outDefault);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Dataset, Hidden, Layers, Epochs, BatchSize, LearningRate, Device, Seed, Out, Quick, Config }) command.Add(o);
    }

    /// <summary>The experiment: the file's (or the defaults), with every flag given on top; quick runs default to 1 epoch.</summary>
    public ExperimentSpec Spec(ParseResult result)
    {
        var spec = result.GetValue(Config) is { } path ? ExperimentSpec.Load(path) : new ExperimentSpec();
        bool quick = result.GetValue(Quick) || spec.Quick;
        spec = spec with
        {
            Dataset = result.GetValue(Dataset) ?? spec.Dataset,
            Hidden = result.GetValue(Hidden) ?? spec.Hidden,
            Layers = result.GetValue(Layers) ?? spec.Layers,
            Epochs = result.GetValue(Epochs) ?? (quick && result.GetValue(Config) is null ? 1 : spec.Epochs),
            BatchSize = result.GetValue(BatchSize) ?? spec.BatchSize,
            LearningRate = result.GetValue(LearningRate) ?? spec.LearningRate,
            Device = result.GetValue(Device) ?? spec.Device,
            Seed = result.GetValue(Seed) ?? spec.Seed,
            Out = result.GetValue(Out) ?? spec.Out,
            Quick = quick,
        };
        spec.Validate();
        return spec;
    }
}
