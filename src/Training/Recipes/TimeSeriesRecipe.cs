using RnnTorch.Data;
using RnnTorch.Models;
using static RnnTorch.torch;

namespace RnnTorch.Training.Recipes;

/// <summary>
/// seattle-weather (next-day temp_max in °C) and sp500 (next-day close in index points): windows of
/// <see cref="ExperimentSpec.Lookback"/> days of every numeric column, many-to-one, normalised on the training part
/// (split by time 70/15/15); MAE and RMSE in data units.
/// </summary>
public sealed class TimeSeriesRecipe : Recipe
{
    private readonly IReadOnlyList<string> columns;
    private readonly string target;
    private Normalizer? normalizer;
    private TimeSeries? series;

    /// <summary>Creates the recipe; the normaliser comes from <paramref name="artifacts"/>/normalizer.json when given.</summary>
    public TimeSeriesRecipe(ExperimentSpec spec, string? artifacts) : base(spec, artifacts)
    {
        (columns, target, Unit) = Spec.Dataset switch
        {
            SeattleWeather.Name => (SeattleWeather.Columns, SeattleWeather.TempMax, "°C"),
            Sp500.Name => (Sp500.Columns, Sp500.Close, "points"),
            _ => throw new ConfigException($"dataset '{spec.Dataset}' is not a time series of this recipe.", new[] { "dataset" }),
        };
        if (artifacts is not null) normalizer = Normalizer.FromJson(File.ReadAllText(Path.Combine(artifacts, RunFiles.Normalizer)));
    }

    /// <inheritdoc />
    public override RecipeKind Kind => RecipeKind.Regression;

    /// <inheritdoc />
    public override string MainMetric => "mae";

    /// <summary>The unit of the predicted column ("°C", "points").</summary>
    public string Unit { get; }

    /// <summary>What is predicted, e.g. "next-day temp_max".</summary>
    public string Quantity => $"next-day {target}";

    /// <summary>The input columns, in order.</summary>
    public IReadOnlyList<string> Columns => columns;

    /// <inheritdoc />
    public override string Description =>
        $"{Spec.Dataset}: {Quantity} ({Unit}) from the previous {Spec.Lookback} days of {string.Join(", ", columns)}, normalised on the training part, split by time 70/15/15";

    /// <summary>The normaliser fitted on the training part (or read from the run directory).</summary>
    public Normalizer Normalizer
    {
        get
        {
            if (normalizer is null) _ = Data;
            return normalizer!;
        }
    }

    private TimeSeries Series => series ??= Spec.Dataset == SeattleWeather.Name ? SeattleWeather.Load() : Sp500.Load();

    /// <inheritdoc />
    protected override RecipeData LoadData()
    {
        var split = Series.SplitByTime(0.70, 0.15);
        normalizer ??= Normalizer.Fit(split.Train);
        var window = new WindowOptions { InputLength = Spec.Lookback, Horizon = 1, Target = WindowTarget.ManyToOne };
        List<SequenceBatch> Make(TimeSeries part, int quickBatches)
        {
            var set = new WindowDataset(normalizer.Transform(part), columns, [target], window);
            int count = Spec.Quick ? Math.Min(set.Count, quickBatches * Spec.BatchSize) : set.Count;
            if (count == 0) throw new DataException($"{Spec.Dataset}: a part of the split is too short for windows of {Spec.Lookback} days.");
            return Chunk(count, Spec.BatchSize, (start, n) =>
            {
                var batch = WindowBatch.Collate(Enumerable.Range(start, n).Select(i => set[i]).ToList());
                return new SequenceBatch(batch.Inputs, batch.Targets);
            });
        }
        return new RecipeData(Make(split.Train, 8), Make(split.Validation, 2), Make(split.Test, 2));
    }

    /// <inheritdoc />
    public override nn.Module CreateModel(CoreKind core) =>
        new SequenceRegressor(core, SequenceInput.Features(columns.Count), Spec.Hidden, 1, Spec.Layers);

    /// <inheritdoc />
    public override ITrainingTask<SequenceBatch> CreateTask(nn.Module model) =>
        new RegressionTask(Regressor(model), ToUnits);

    private double ToUnits(double normalised) => Normalizer.Inverse(target, normalised);

    /// <inheritdoc />
    protected override Tensor Forward(nn.Module model, SequenceBatch batch) => Regressor(model).forward(batch.Inputs.Follow(model));

    /// <inheritdoc />
    protected override Tensor Loss(Tensor output, SequenceBatch batch) => nn.functional.mse_loss(output, batch.Targets.to(output.dtype, output.device));

    /// <inheritdoc />
    public override PredictionView Predictions(nn.Module model)
    {
        var actual = new List<double>();
        var predicted = new List<double>();
        using var noGrad = no_grad();
        bool wasTraining = model.training;
        model.eval();
        foreach (var batch in Data.Validation)
        {
            using var scope = NewDisposeScope();
            var y = Forward(model, batch).to(ScalarType.Float64, CPU).flatten();
            var t = batch.Targets.to(ScalarType.Float64, CPU).flatten();
            predicted.AddRange(y.data<double>().ToArray().Select(ToUnits));
            actual.AddRange(t.data<double>().ToArray().Select(ToUnits));
        }
        model.train(wasTraining);
        return new RegressionView(Quantity, Unit, actual, predicted);
    }

    /// <summary>
    /// The next day's value in data units from <paramref name="input"/>: <see cref="ExperimentSpec.Lookback"/> days ×
    /// the columns as comma-separated numbers in data units (day by day, each day's columns in order); null: the
    /// dataset's last window (the day after the data ends).
    /// </summary>
    public override Prediction Predict(nn.Module model, string? input)
    {
        ArgumentNullException.ThrowIfNull(model);
        int need = Spec.Lookback * columns.Count;
        double[] values;
        string what;
        if (input is null)
        {
            var last = Series.Slice(Series.Length - Spec.Lookback, Spec.Lookback);
            values = Enumerable.Range(0, Spec.Lookback).SelectMany(t => columns.Select(c => last[t, c])).ToArray();
            what = $"the last {Spec.Lookback} days of {Spec.Dataset}";
        }
        else
        {
            var parts = input.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            values = new double[parts.Length];
            for (int i = 0; i < parts.Length; i++)
                if (!double.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out values[i]))
                    throw new ConfigException($"input value '{parts[i]}' (item {i + 1}) is not a number.", new[] { "input" });
            if (values.Length != need)
                throw new ConfigException($"input has {values.Length} numbers, but {Spec.Dataset} needs {need}: {Spec.Lookback} days × {columns.Count} columns ({string.Join(", ", columns)}).", new[] { "input" });
            what = "the given window";
        }
        var normalised = new float[need];
        for (int i = 0; i < need; i++) normalised[i] = (float)Normalizer.Transform(columns[i % columns.Count], values[i]);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var x = tensor(normalised, new long[] { 1, Spec.Lookback, columns.Count }, ScalarType.Float32);
        model.eval();
        double value = ToUnits(Regressor(model).forward(x.Follow(model)).to(ScalarType.Float64, CPU).item<double>());
        string text = value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
        return new Prediction($"{Quantity}: {text} {Unit} (from {what})", new Dictionary<string, double> { ["value"] = value });
    }

    /// <inheritdoc />
    public override void SaveArtifacts(string runDir)
    {
        base.SaveArtifacts(runDir);
        File.WriteAllText(Path.Combine(runDir, RunFiles.Normalizer), Normalizer.ToJson());
    }

    private static SequenceRegressor Regressor(nn.Module model) =>
        model as SequenceRegressor ?? throw new ArgumentException($"the model must be a {nameof(SequenceRegressor)}, but is a {model?.GetType().Name ?? "null"}.", nameof(model));
}
