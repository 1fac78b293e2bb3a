#!/usr/bin/env -S dotnet run
#:property PublishAot=false
#:project ../src/Training/RnnTorch.Training.csproj
#:project ../src/Data/RnnTorch.Data.csproj
// speech-frames.cs: voice-activity detection, speech or not for every 10 ms frame: a bidirectional GRU tagger over
// MFCC frames of spoken digits padded with noisy silence; frame accuracy on unheard voices against the majority label.
//   dotnet run experiments/speech-frames.cs [-- --quick --seed N --epochs N]      (or RNN_TORCH_QUICK=1 for --quick)
using System.Globalization;
using RnnTorch.Data;
using RnnTorch.Models;
using RnnTorch.Training;
using static RnnTorch.torch;

// ---- settings -----------------------------------------------------------------------------------------------------
bool quick = args.Contains("--quick") || Environment.GetEnvironmentVariable("RNN_TORCH_QUICK") == "1";
int seed = Array.IndexOf(args, "--seed") is var s && s >= 0 ? int.Parse(args[s + 1], CultureInfo.InvariantCulture) : 1;
int epochs = Array.IndexOf(args, "--epochs") is var e && e >= 0 ? int.Parse(args[e + 1], CultureInfo.InvariantCulture) : quick ? 2 : 15;
const int Hidden = 32, BatchSize = 32, Classes = 2;
manual_seed(seed);

// ---- data: each utterance embedded in 0.2-1 s of seeded noise; 13 MFCCs and a 0/1 label per frame --------------------
ListBatchSource<SequenceBatch> Batches(SpeechFramesDataset set, int count, bool shuffle)
{
    var items = Enumerable.Range(0, count).Select(i => set[i]).ToArray();
    if (shuffle) new Random(seed).Shuffle(items);
    var batches = items.Chunk(BatchSize).Select(chunk =>
    {
        var padded = Collate.PadFeatures([.. chunk.Select(u => AudioFeatures.Compute(u.Samples, u.SampleRate, set.Options.Features))]);
        return new SequenceBatch(padded.Data, Collate.PadTokens([.. chunk.Select(u => u.Labels)]).Data, padded.Lengths);
    });
    return new ListBatchSource<SequenceBatch>([.. batches], shuffle, seed);
}
var (trainSet, testSet) = (SpeechFramesDataset.FromSpokenDigits(train: true), SpeechFramesDataset.FromSpokenDigits(train: false));
int trainCount = quick ? 240 : trainSet.Count;
var (train, test) = (Batches(trainSet, trainCount, shuffle: true), Batches(testSet, testSet.Count, shuffle: false));
long[] testLabels = [.. Enumerable.Range(0, testSet.Count).SelectMany(i => testSet[i].Labels)];
double majority = Math.Max(testLabels.Average(), 1 - testLabels.Average());
Console.WriteLine($"utterances: train {trainCount}, test {testSet.Count} (held-out voices); {testLabels.Length} test frames");

// ---- model and training -------------------------------------------------------------------------------------------
var model = new SequenceTagger(CoreKind.Gru, SequenceInput.Features(13), Hidden, Classes, bidirectional: true);
var config = new TrainingConfig
{
    Epochs = epochs, BatchSize = BatchSize, Seed = seed, LogEvery = 25,
    Optimizer = new OptimizerConfig { LearningRate = 3e-3 },
};
var trainer = new Trainer<SequenceBatch>(config, new TaggingTask(model, Classes));
var before = trainer.Evaluate(test);
var clock = System.Diagnostics.Stopwatch.StartNew();
var result = trainer.Fit(train, test);
var after = trainer.Evaluate(test);

// ---- results ------------------------------------------------------------------------------------------------------
string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
Console.WriteLine();
Console.WriteLine("| speech-frames (unheard voices) | value |");
Console.WriteLine("| ------------------------------ | ----: |");
Console.WriteLine($"| loss, untrained                | {F(before["val_loss"])} |");
Console.WriteLine($"| loss, trained                  | {F(after["val_loss"])} |");
Console.WriteLine($"| frame accuracy, GRU            | {F(after["val_accuracy"])} |");
Console.WriteLine($"| frame accuracy, majority label | {F(majority)} |");
Console.WriteLine($"| macro F1, GRU                  | {F(after["val_macro_f1"])} |");
Console.WriteLine($"| epochs, seconds                | {epochs}, {clock.Elapsed.TotalSeconds:F1} |");

// ---- checks -------------------------------------------------------------------------------------------------------
var failures = new List<string>();
if (result.Reason != StopReason.Completed) failures.Add($"training stopped early: {result.Message}");
if (!result.StepLosses.All(double.IsFinite)) failures.Add("a training loss was not finite");
if (!(after["val_loss"] < before["val_loss"])) failures.Add($"test loss did not decrease ({F(before["val_loss"])} -> {F(after["val_loss"])})");
double needed = quick ? majority + 0.05 : Math.Max(0.9, majority + 0.1);
if (!(after["val_accuracy"] > needed)) failures.Add($"frame accuracy {F(after["val_accuracy"])} is not above {F(needed)}");
foreach (var failure in failures) Console.Error.WriteLine($"FAIL speech-frames: {failure}");
Console.WriteLine($"RESULT speech-frames: frame accuracy {F(after["val_accuracy"])} vs majority label {F(majority)} ({(failures.Count == 0 ? "PASS" : "FAIL")})");
return failures.Count == 0 ? 0 : 1;
