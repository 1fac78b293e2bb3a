#!/usr/bin/env -S dotnet run
#:property PublishAot=false
#:project ../src/Training/RnnTorch.Training.csproj
#:project ../src/Data/RnnTorch.Data.csproj
// char-lm.cs: a character-level LSTM language model on Moby-Dick (next character from the ones before), evaluated in
// bits per character on the validation part, then sampled from ("Call me Ishmael." continued).
//   dotnet run experiments/char-lm.cs [-- --quick --seed N --epochs N]      (or RNN_TORCH_QUICK=1 for --quick)
using System.Globalization;
using RnnTorch.Data;
using RnnTorch.Models;
using RnnTorch.Training;
using static RnnTorch.torch;

// ---- settings -----------------------------------------------------------------------------------------------------
bool quick = args.Contains("--quick") || Environment.GetEnvironmentVariable("RNN_TORCH_QUICK") == "1";
int seed = Array.IndexOf(args, "--seed") is var s && s >= 0 ? int.Parse(args[s + 1], CultureInfo.InvariantCulture) : 1;
int epochs = Array.IndexOf(args, "--epochs") is var e && e >= 0 ? int.Parse(args[e + 1], CultureInfo.InvariantCulture) : quick ? 1 : 2;
const int Window = 100, Embedding = 32, Hidden = 192, BatchSize = 64, SampleLength = 300;
manual_seed(seed);

// ---- data: 100-character windows (target = input shifted by one); quick runs read the first 60,000 characters ------
var book = MobyDickDataset.Load();
var vocabulary = book.Vocabulary;
ListBatchSource<SequenceBatch> Batches(ReadOnlyMemory<long> ids, bool shuffle)
{
    var windows = MobyDickDataset.Windows(ids, Window);
    var batches = Enumerable.Range(0, windows.Count).Chunk(BatchSize).Select(chunk => new SequenceBatch(
        tensor(chunk.SelectMany(i => windows[i].Input).ToArray(), new long[] { chunk.Length, Window }),
        tensor(chunk.SelectMany(i => windows[i].Target).ToArray(), new long[] { chunk.Length, Window })));
    return new ListBatchSource<SequenceBatch>([.. batches], shuffle, seed);
}
var trainIds = quick ? book.Train[..60_000] : book.Train;
var validationIds = quick ? book.Validation[..20_000] : book.Validation;
var (train, validation) = (Batches(trainIds, shuffle: true), Batches(validationIds, shuffle: false));
Console.WriteLine($"characters: train {trainIds.Length:N0}, validation {validationIds.Length:N0}; vocabulary {vocabulary.Count}");

// ---- model and training (full backpropagation through each 100-character window) -----------------------------------
var model = new LanguageModel(CoreKind.Lstm, vocabulary.Count, Embedding, Hidden);
var config = new TrainingConfig
{
    Epochs = epochs, BatchSize = BatchSize, Seed = seed, LogEvery = 20,
    Optimizer = new OptimizerConfig { LearningRate = 1e-2 },
};
var trainer = new Trainer<SequenceBatch>(config, new LanguageModelTask(model, sequenceLength: Window));
var before = trainer.Evaluate(validation);
var clock = System.Diagnostics.Stopwatch.StartNew();
var result = trainer.Fit(train, validation);
var after = trainer.Evaluate(validation);

// ---- sampling: temperature 0.8 among the 10 likeliest characters -----------------------------------------------------
const string Prompt = "Call me Ishmael. ";
long[] sample = model.Generate(vocabulary.Encode(Prompt), SampleLength, temperature: 0.8, topK: 10, seed: seed);
Console.WriteLine($"\nsample: {Prompt}{vocabulary.Decode(sample)}\n");

// ---- results ------------------------------------------------------------------------------------------------------
string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
Console.WriteLine("| char-lm (validation)        | value |");
Console.WriteLine("| --------------------------- | ----: |");
Console.WriteLine($"| bits/char, untrained        | {F(before["val_bits_per_char"])} |");
Console.WriteLine($"| bits/char, trained          | {F(after["val_bits_per_char"])} |");
Console.WriteLine($"| bits/char, uniform guess    | {F(Math.Log2(vocabulary.Count))} |");
Console.WriteLine($"| next-character accuracy     | {F(after["val_accuracy"])} |");
Console.WriteLine($"| epochs, seconds             | {epochs}, {clock.Elapsed.TotalSeconds:F1} |");

// ---- checks -------------------------------------------------------------------------------------------------------
var failures = new List<string>();
if (result.Reason != StopReason.Completed) failures.Add($"training stopped early: {result.Message}");
if (!result.StepLosses.All(double.IsFinite)) failures.Add("a training loss was not finite");
if (!(after["val_loss"] < before["val_loss"])) failures.Add($"validation loss did not decrease ({F(before["val_loss"])} -> {F(after["val_loss"])})");
if (sample.Length != SampleLength || sample.Any(id => id < Vocabulary.Specials.Count || id >= vocabulary.Count))
    failures.Add("the sample holds ids that are not characters of the vocabulary");
double needed = quick ? 0.8 * Math.Log2(vocabulary.Count) : 2.7;
if (!(after["val_bits_per_char"] < needed)) failures.Add($"{F(after["val_bits_per_char"])} bits/char is not below {F(needed)}");
foreach (var failure in failures) Console.Error.WriteLine($"FAIL char-lm: {failure}");
Console.WriteLine($"RESULT char-lm: validation {F(after["val_bits_per_char"])} bits/char ({(failures.Count == 0 ? "PASS" : "FAIL")})");
return failures.Count == 0 ? 0 : 1;
