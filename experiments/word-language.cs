#!/usr/bin/env -S dotnet run
#:property PublishAot=false
#:project ../src/Training/RnnTorch.Training.csproj
#:project ../src/Data/RnnTorch.Data.csproj
// word-language.cs: which of 10 languages is a word? A character-level GRU classifier on Debian's word lists
// (/usr/share/dict, 2,000 words per language); accuracy on a held-out 20 % against chance (10 %).
//   dotnet run experiments/word-language.cs [-- --quick --seed N --epochs N]      (or RNN_TORCH_QUICK=1 for --quick)
using System.Globalization;
using RnnTorch.Data;
using RnnTorch.Models;
using RnnTorch.Training;
using static RnnTorch.torch;

// ---- settings -----------------------------------------------------------------------------------------------------
bool quick = args.Contains("--quick") || Environment.GetEnvironmentVariable("RNN_TORCH_QUICK") == "1";
int seed = Array.IndexOf(args, "--seed") is var s && s >= 0 ? int.Parse(args[s + 1], CultureInfo.InvariantCulture) : 1;
int epochs = Array.IndexOf(args, "--epochs") is var e && e >= 0 ? int.Parse(args[e + 1], CultureInfo.InvariantCulture) : quick ? 2 : 10;
const int Embedding = 32, Hidden = 128, BatchSize = 64, Classes = 10;
manual_seed(seed);

// ---- data: a seeded 80/20 split of the words; tokens are characters (the dataset's vocabulary) ----------------------
var data = WordLanguageDataset.Load(wordsPerLanguage: quick ? 500 : 2000, seed: seed);
var parts = Split.ByFraction(data.Count, [0.8, 0.2], seed);
ListBatchSource<SequenceBatch> Batches(int[] indices, bool shuffle)
{
    var examples = indices.Select(i => data[i]).ToArray();
    if (shuffle) new Random(seed).Shuffle(examples);
    var batches = examples.Chunk(BatchSize).Select(chunk =>
    {
        var padded = Collate.PadTokens([.. chunk.Select(x => x.Tokens)]);
        return new SequenceBatch(padded.Data, tensor(chunk.Select(x => (long)x.Label).ToArray()), padded.Lengths);
    });
    return new ListBatchSource<SequenceBatch>([.. batches], shuffle, seed);
}
var (train, test) = (Batches(parts[0], shuffle: true), Batches(parts[1], shuffle: false));
double majority = parts[1].GroupBy(i => data[i].Label).Max(g => g.Count()) / (double)parts[1].Length;
Console.WriteLine($"words: train {parts[0].Length}, test {parts[1].Length}; {data.Vocabulary.Count} characters; {string.Join(", ", data.Classes)}");

// ---- model and training -------------------------------------------------------------------------------------------
var model = new SequenceClassifier(CoreKind.Gru, SequenceInput.Tokens(data.Vocabulary.Count, Embedding), Hidden, Classes);
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
Console.WriteLine("| word-language (20 % held out) | value |");
Console.WriteLine("| ----------------------------- | ----: |");
Console.WriteLine($"| loss, untrained               | {F(before["val_loss"])} |");
Console.WriteLine($"| loss, trained                 | {F(after["val_loss"])} |");
Console.WriteLine($"| accuracy, GRU                 | {F(after["val_accuracy"])} |");
Console.WriteLine($"| accuracy, largest class       | {F(majority)} |");
Console.WriteLine($"| macro F1, GRU                 | {F(after["val_macro_f1"])} |");
Console.WriteLine($"| epochs, seconds               | {epochs}, {clock.Elapsed.TotalSeconds:F1} |");

// ---- checks -------------------------------------------------------------------------------------------------------
var failures = new List<string>();
if (result.Reason != StopReason.Completed) failures.Add($"training stopped early: {result.Message}");
if (!result.StepLosses.All(double.IsFinite)) failures.Add("a training loss was not finite");
if (!(after["val_loss"] < before["val_loss"])) failures.Add($"held-out loss did not decrease ({F(before["val_loss"])} -> {F(after["val_loss"])})");
double needed = quick ? 0.2 : 0.5;
if (!(after["val_accuracy"] > needed)) failures.Add($"accuracy {F(after["val_accuracy"])} is not above {F(needed)}");
foreach (var failure in failures) Console.Error.WriteLine($"FAIL word-language: {failure}");
Console.WriteLine($"RESULT word-language: held-out accuracy {F(after["val_accuracy"])} vs largest class {F(majority)} ({(failures.Count == 0 ? "PASS" : "FAIL")})");
return failures.Count == 0 ? 0 : 1;
