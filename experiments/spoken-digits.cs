#!/usr/bin/env -S dotnet run
#:property PublishAot=false
#:project ../src/Training/RnnTorch.Training.csproj
#:project ../src/Data/RnnTorch.Data.csproj
// spoken-digits.cs: which digit ("zero" ... "nine") was spoken? A GRU over MFCC frames of the espeak-ng utterances,
// tested on two voices never heard in training; accuracy against chance (10 %).
//   dotnet run experiments/spoken-digits.cs [-- --quick --seed N --epochs N]      (or RNN_TORCH_QUICK=1 for --quick)
using System.Globalization;
using RnnTorch.Data;
using RnnTorch.Models;
using RnnTorch.Training;
using static RnnTorch.torch;

// ---- settings -----------------------------------------------------------------------------------------------------
bool quick = args.Contains("--quick") || Environment.GetEnvironmentVariable("RNN_TORCH_QUICK") == "1";
int seed = Array.IndexOf(args, "--seed") is var s && s >= 0 ? int.Parse(args[s + 1], CultureInfo.InvariantCulture) : 1;
int epochs = Array.IndexOf(args, "--epochs") is var e && e >= 0 ? int.Parse(args[e + 1], CultureInfo.InvariantCulture) : quick ? 2 : 30;
const int Hidden = 96, BatchSize = 32, Classes = 10;
manual_seed(seed);

// ---- data: 13 MFCCs per 25 ms frame (10 ms hop), normalised per utterance; the test voices are en-029 and en-us-nyc --
ListBatchSource<SequenceBatch> Batches(SpokenDigitsDataset set, bool shuffle)
{
    var clips = Enumerable.Range(0, set.Count).Select(i => set[i]).ToArray();
    if (shuffle) new Random(seed).Shuffle(clips);
    var batches = clips.Chunk(BatchSize).Select(chunk =>
    {
        var padded = Collate.PadFeatures([.. chunk.Select(c => AudioFeatures.Compute(c.Samples, c.SampleRate))]);
        return new SequenceBatch(padded.Data, tensor(chunk.Select(c => (long)c.Label).ToArray()), padded.Lengths);
    });
    return new ListBatchSource<SequenceBatch>([.. batches], shuffle, seed);
}
var (trainSet, testSet) = (new SpokenDigitsDataset(train: true), new SpokenDigitsDataset(train: false));
var (train, test) = (Batches(trainSet, shuffle: true), Batches(testSet, shuffle: false));
Console.WriteLine($"utterances: train {trainSet.Count}, test {testSet.Count} (held-out voices)");

// ---- model and training -------------------------------------------------------------------------------------------
var model = new SequenceClassifier(CoreKind.Gru, SequenceInput.Features(13), Hidden, Classes, dropout: 0.2);
var config = new TrainingConfig
{
    Epochs = epochs, BatchSize = BatchSize, Seed = seed, LogEvery = 25,
    Optimizer = new OptimizerConfig { LearningRate = 3e-3 },
};
var trainer = new Trainer<SequenceBatch>(config, new ClassificationTask(model, Classes));
var before = trainer.Evaluate(test);
var clock = System.Diagnostics.Stopwatch.StartNew();
var result = trainer.Fit(train, test);
var after = trainer.Evaluate(test);

// ---- results ------------------------------------------------------------------------------------------------------
string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
Console.WriteLine();
Console.WriteLine("| spoken-digits (unheard voices) | value |");
Console.WriteLine("| ------------------------------ | ----: |");
Console.WriteLine($"| loss, untrained                | {F(before["val_loss"])} |");
Console.WriteLine($"| loss, trained                  | {F(after["val_loss"])} |");
Console.WriteLine($"| accuracy, GRU                  | {F(after["val_accuracy"])} |");
Console.WriteLine($"| accuracy, chance               | {F(1.0 / Classes)} |");
Console.WriteLine($"| macro F1, GRU                  | {F(after["val_macro_f1"])} |");
Console.WriteLine($"| epochs, seconds                | {epochs}, {clock.Elapsed.TotalSeconds:F1} |");

// ---- checks -------------------------------------------------------------------------------------------------------
var failures = new List<string>();
if (result.Reason != StopReason.Completed) failures.Add($"training stopped early: {result.Message}");
if (!result.StepLosses.All(double.IsFinite)) failures.Add("a training loss was not finite");
if (!(after["val_loss"] < before["val_loss"])) failures.Add($"test loss did not decrease ({F(before["val_loss"])} -> {F(after["val_loss"])})");
double needed = quick ? 0.2 : 0.6;
if (!(after["val_accuracy"] > needed)) failures.Add($"accuracy {F(after["val_accuracy"])} is not above {F(needed)}");
foreach (var failure in failures) Console.Error.WriteLine($"FAIL spoken-digits: {failure}");
Console.WriteLine($"RESULT spoken-digits: accuracy on unheard voices {F(after["val_accuracy"])} vs chance {F(1.0 / Classes)} ({(failures.Count == 0 ? "PASS" : "FAIL")})");
return failures.Count == 0 ? 0 : 1;
