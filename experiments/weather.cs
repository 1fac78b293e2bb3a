#!/usr/bin/env -S dotnet run
#:property PublishAot=false
#:project ../src/Training/RnnTorch.Training.csproj
#:project ../src/Data/RnnTorch.Data.csproj
// weather.cs: forecast tomorrow's maximum temperature in Seattle from the previous 14 days (precipitation, temp_max,
// temp_min, wind) with an LSTM, and compare its test MAE (°C) with persistence ("tomorrow = today").
//   dotnet run experiments/weather.cs [-- --quick --seed N --epochs N]      (or RNN_TORCH_QUICK=1 for --quick)
using System.Globalization;
using RnnTorch.Data;
using RnnTorch.Models;
using RnnTorch.Training;

// ---- settings -----------------------------------------------------------------------------------------------------
bool quick = args.Contains("--quick") || Environment.GetEnvironmentVariable("RNN_TORCH_QUICK") == "1";
int seed = Array.IndexOf(args, "--seed") is var s && s >= 0 ? int.Parse(args[s + 1], CultureInfo.InvariantCulture) : 1;
const int Days = 14, Hidden = 32, BatchSize = 32;
int epochs = Array.IndexOf(args, "--epochs") is var e && e >= 0 ? int.Parse(args[e + 1], CultureInfo.InvariantCulture) : quick ? 10 : 30;
RnnTorch.torch.manual_seed(seed);

// ---- data: split by time (70/15/15), normalise with the training part's statistics, slide 14-day windows -------------
var split = SeattleWeather.Load().SplitByTime(0.70, 0.15);
var normalizer = Normalizer.Fit(split.Train);
var window = new WindowOptions { InputLength = Days, Horizon = 1 };
WindowDataset Windows(TimeSeries part) =>
    new(normalizer.Transform(part), SeattleWeather.Columns, [SeattleWeather.TempMax], window);
ListBatchSource<SequenceBatch> Batches(WindowDataset set, bool shuffle) => new(
    new DataLoader<WindowSample, WindowBatch>(set, BatchSize, WindowBatch.Collate, shuffle, seed)
        .Select(b => new SequenceBatch(b.Inputs, b.Targets)).ToList(), shuffle, seed);
var (trainSet, validationSet, testSet) = (Windows(split.Train), Windows(split.Validation), Windows(split.Test));
Console.WriteLine($"windows: train {trainSet.Count}, validation {validationSet.Count}, test {testSet.Count}");

// ---- baseline: persistence on the test windows, in °C ---------------------------------------------------------------
double[] testTemp = split.Test.Column(SeattleWeather.TempMax);
double persistence = Enumerable.Range(0, testSet.Count)
    .Select(i => testSet.TargetStepsOf(i)[0])
    .Average(t => Math.Abs(testTemp[t] - testTemp[t - 1]));

// ---- model and training -------------------------------------------------------------------------------------------
var model = new SequenceRegressor(CoreKind.Lstm, SequenceInput.Features(SeattleWeather.Columns.Count), Hidden, outputs: 1);
var task = new RegressionTask(model, v => normalizer.Inverse(SeattleWeather.TempMax, v));
var config = new TrainingConfig
{
    Epochs = epochs, BatchSize = BatchSize, Seed = seed, LogEvery = 50,
    Optimizer = new OptimizerConfig { LearningRate = 3e-3 },
};
var trainer = new Trainer<SequenceBatch>(config, task);
var (train, validation, test) = (Batches(trainSet, true), Batches(validationSet, false), Batches(testSet, false));
var before = trainer.Evaluate(test);
var clock = System.Diagnostics.Stopwatch.StartNew();
var result = trainer.Fit(train, validation);
var after = trainer.Evaluate(test);

// ---- results ------------------------------------------------------------------------------------------------------
string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
Console.WriteLine();
Console.WriteLine("| weather (test split)      | value |");
Console.WriteLine("| ------------------------- | ----: |");
Console.WriteLine($"| MSE loss, untrained       | {F(before["val_loss"])} |");
Console.WriteLine($"| MSE loss, trained         | {F(after["val_loss"])} |");
Console.WriteLine($"| MAE °C, LSTM              | {F(after["val_mae"])} |");
Console.WriteLine($"| MAE °C, persistence       | {F(persistence)} |");
Console.WriteLine($"| RMSE °C, LSTM             | {F(after["val_rmse"])} |");
Console.WriteLine($"| epochs, seconds           | {epochs}, {clock.Elapsed.TotalSeconds:F1} |");

// ---- checks -------------------------------------------------------------------------------------------------------
var failures = new List<string>();
if (result.Reason != StopReason.Completed) failures.Add($"training stopped early: {result.Message}");
if (!result.StepLosses.All(double.IsFinite)) failures.Add("a training loss was not finite");
if (!(after["val_loss"] < before["val_loss"])) failures.Add($"test loss did not decrease ({F(before["val_loss"])} -> {F(after["val_loss"])})");
if (!quick && !(after["val_mae"] < persistence)) failures.Add($"MAE {F(after["val_mae"])} °C is not below persistence {F(persistence)} °C");
foreach (var failure in failures) Console.Error.WriteLine($"FAIL weather: {failure}");
Console.WriteLine($"RESULT weather: test MAE {F(after["val_mae"])} °C vs persistence {F(persistence)} °C ({(failures.Count == 0 ? "PASS" : "FAIL")})");
return failures.Count == 0 ? 0 : 1;
