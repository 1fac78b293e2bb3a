#!/usr/bin/env -S dotnet run
#:property PublishAot=false
#:project ../src/Training/RnnTorch.Training.csproj
#:project ../src/Data/RnnTorch.Data.csproj
// sentiment.cs: is a review sentence negative or positive? A word-level GRU classifier on the 3,000 UCI sentences
// (Amazon, IMDB, Yelp); accuracy on a held-out 20 % against the majority class.
//   dotnet run experiments/sentiment.cs [-- --quick --seed N --epochs N]      (or RNN_TORCH_QUICK=1 for --quick)
using System.Globalization;
using RnnTorch.Data;
using RnnTorch.Models;
using RnnTorch.Training;
using static RnnTorch.torch;

// ---- settings -----------------------------------------------------------------------------------------------------
bool quick = args.Contains("--quick") || Environment.GetEnvironmentVariable("RNN_TORCH_QUICK") == "1";
int seed = Array.IndexOf(args, "--seed") is var s && s >= 0 ? int.Parse(args[s + 1], CultureInfo.InvariantCulture) : 1;
int epochs = Array.IndexOf(args, "--epochs") is var e && e >= 0 ? int.Parse(args[e + 1], CultureInfo.InvariantCulture) : quick ? 2 : 10;
const int Embedding = 64, Hidden = 64, BatchSize = 32;
manual_seed(seed);

// ---- data: a seeded 80/20 split; the vocabulary (words seen twice) comes from the training sentences only -------------
var data = SentimentDataset.Load();
var parts = Split.ByFraction(data.Count, [0.8, 0.2], seed);
var vocabulary = Vocabulary.Build(parts[0].Select(i => data[i].Text), TokenLevel.Word, minFrequency: 2, lowercase: true);
ListBatchSource<SequenceBatch> Batches(int[] indices, bool shuffle)
{
    var examples = indices.Select(i => data[i]).ToArray();
    if (shuffle) new Random(seed).Shuffle(examples);
    var batches = examples.Chunk(BatchSize).Select(chunk =>
    {
        var padded = Collate.PadTokens([.. chunk.Select(x => vocabulary.Encode(x.Text))]);
        return new SequenceBatch(padded.Data, tensor(chunk.Select(x => (long)x.Label).ToArray()), padded.Lengths);
    });
    return new ListBatchSource<SequenceBatch>([.. batches], shuffle, seed);
}
var (train, test) = (Batches(parts[0], shuffle: true), Batches(parts[1], shuffle: false));
double majority = Math.Max(parts[1].Average(i => data[i].Label), 1 - parts[1].Average(i => data[i].Label));
Console.WriteLine($"sentences: train {parts[0].Length}, test {parts[1].Length}; vocabulary {vocabulary.Count} words");

// ---- model and training -------------------------------------------------------------------------------------------
var model = new SequenceClassifier(CoreKind.Gru, SequenceInput.Tokens(vocabulary.Count, Embedding), Hidden, classes: 2, dropout: 0.3);
var config = new TrainingConfig
{
    Epochs = epochs, BatchSize = BatchSize, Seed = seed, LogEvery = 25,
    Optimizer = new OptimizerConfig { LearningRate = 3e-3 },
};
var trainer = new Trainer<SequenceBatch>(config, new ClassificationTask(model, classes: 2));
var before = trainer.Evaluate(test);
var clock = System.Diagnostics.Stopwatch.StartNew();
var result = trainer.Fit(train, test);
var after = trainer.Evaluate(test);

// ---- results ------------------------------------------------------------------------------------------------------
string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
Console.WriteLine();
Console.WriteLine("| sentiment (held-out 20 %) | value |");
Console.WriteLine("| ------------------------- | ----: |");
Console.WriteLine($"| loss, untrained           | {F(before["val_loss"])} |");
Console.WriteLine($"| loss, trained             | {F(after["val_loss"])} |");
Console.WriteLine($"| accuracy, GRU             | {F(after["val_accuracy"])} |");
Console.WriteLine($"| accuracy, majority class  | {F(majority)} |");
Console.WriteLine($"| macro F1, GRU             | {F(after["val_macro_f1"])} |");
Console.WriteLine($"| epochs, seconds           | {epochs}, {clock.Elapsed.TotalSeconds:F1} |");

// ---- checks -------------------------------------------------------------------------------------------------------
var failures = new List<string>();
if (result.Reason != StopReason.Completed) failures.Add($"training stopped early: {result.Message}");
if (!result.StepLosses.All(double.IsFinite)) failures.Add("a training loss was not finite");
if (!(after["val_loss"] < before["val_loss"])) failures.Add($"held-out loss did not decrease ({F(before["val_loss"])} -> {F(after["val_loss"])})");
double needed = quick ? majority + 0.05 : 0.70;
if (!(after["val_accuracy"] > needed)) failures.Add($"accuracy {F(after["val_accuracy"])} is not above {F(needed)}");
foreach (var failure in failures) Console.Error.WriteLine($"FAIL sentiment: {failure}");
Console.WriteLine($"RESULT sentiment: held-out accuracy {F(after["val_accuracy"])} vs majority {F(majority)} ({(failures.Count == 0 ? "PASS" : "FAIL")})");
return failures.Count == 0 ? 0 : 1;
