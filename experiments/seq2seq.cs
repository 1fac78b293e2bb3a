#!/usr/bin/env -S dotnet run
#:property PublishAot=false
#:project ../src/Training/RnnTorch.Training.csproj
#:project ../src/Data/RnnTorch.Data.csproj
// seq2seq.cs: a toy translation with a GRU encoder–decoder: spelled-out digits into numerals, reversed
// ("four two seven" -> "724"); the data is generated here. Exact-match accuracy of greedy decoding on unseen strings.
//   dotnet run experiments/seq2seq.cs [-- --quick --seed N --epochs N]      (or RNN_TORCH_QUICK=1 for --quick)
using System.Globalization;
using RnnTorch.Data;
using RnnTorch.Models;
using RnnTorch.Training;
using static RnnTorch.torch;

// ---- settings -----------------------------------------------------------------------------------------------------
bool quick = args.Contains("--quick") || Environment.GetEnvironmentVariable("RNN_TORCH_QUICK") == "1";
int seed = Array.IndexOf(args, "--seed") is var s && s >= 0 ? int.Parse(args[s + 1], CultureInfo.InvariantCulture) : 1;
int epochs = Array.IndexOf(args, "--epochs") is var e && e >= 0 ? int.Parse(args[e + 1], CultureInfo.InvariantCulture) : quick ? 3 : 25;
const int MinDigits = 3, MaxDigits = 7, Embedding = 32, Hidden = 128, BatchSize = 64;
int trainCount = quick ? 2_000 : 8_000, testCount = 500;
manual_seed(seed);

// ---- data: random digit strings, the test strings unseen in training --------------------------------------------------
string[] words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
var source = Vocabulary.FromTokens(words, TokenLevel.Word);
var target = Vocabulary.FromTokens(Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)), TokenLevel.Character);
var random = new Random(seed);
var strings = new HashSet<string>();
while (strings.Count < trainCount + testCount)
    strings.Add(string.Concat(Enumerable.Range(0, random.Next(MinDigits, MaxDigits + 1)).Select(_ => (char)('0' + random.Next(10)))));
var pairs = strings.Select(d => (Source: string.Join(' ', d.Select(c => words[c - '0'])), Target: new string([.. d.Reverse()]))).ToArray();
var (trainPairs, testPairs) = (pairs[..trainCount], pairs[trainCount..]);
Console.WriteLine($"pairs: train {trainPairs.Length}, test {testPairs.Length}; e.g. \"{pairs[0].Source}\" -> \"{pairs[0].Target}\"");
ListBatchSource<Seq2SeqBatch> Batches((string Source, string Target)[] set, bool shuffle) => new([.. set.Chunk(BatchSize).Select(chunk =>
{
    var src = Collate.PadTokens([.. chunk.Select(p => source.Encode(p.Source))]);
    var decoderInput = Collate.PadTokens([.. chunk.Select(p => target.Encode(p.Target, addBegin: true))]);
    var targets = Collate.PadTokens([.. chunk.Select(p => target.Encode(p.Target, addEnd: true))]);
    return new Seq2SeqBatch(src.Data, src.Lengths, decoderInput.Data, targets.Data, targets.Lengths);
})], shuffle, seed);
var (train, test) = (Batches(trainPairs, shuffle: true), Batches(testPairs, shuffle: false));

// ---- model and training (teacher forcing) ----------------------------------------------------------------------------
var model = new Seq2Seq(CoreKind.Gru, source.Count, target.Count, Embedding, Hidden);
var config = new TrainingConfig
{
    Epochs = epochs, BatchSize = BatchSize, Seed = seed, LogEvery = 25,
    Optimizer = new OptimizerConfig { LearningRate = 3e-3 },
};
var trainer = new Trainer<Seq2SeqBatch>(config, new Seq2SeqTask(model));
var before = trainer.Evaluate(test);
var clock = System.Diagnostics.Stopwatch.StartNew();
var result = trainer.Fit(train, test);
var after = trainer.Evaluate(test);

// ---- greedy decoding of the test strings ------------------------------------------------------------------------------
var padded = Collate.PadTokens([.. testPairs.Select(p => source.Encode(p.Source))]);
string[] decoded = [.. model.Translate(padded.Data, padded.Lengths, MaxDigits + 2, Vocabulary.BeginId, Vocabulary.EndId).Select(ids => target.Decode(ids))];
double exact = testPairs.Zip(decoded).Average(x => x.First.Target == x.Second ? 1.0 : 0.0);
for (int i = 0; i < 3; i++) Console.WriteLine($"\"{testPairs[i].Source}\" -> \"{decoded[i]}\" (expected \"{testPairs[i].Target}\")");

// ---- results ------------------------------------------------------------------------------------------------------
string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
Console.WriteLine();
Console.WriteLine("| seq2seq (unseen strings)       | value |");
Console.WriteLine("| ------------------------------ | ----: |");
Console.WriteLine($"| loss, untrained                | {F(before["val_loss"])} |");
Console.WriteLine($"| loss, trained                  | {F(after["val_loss"])} |");
Console.WriteLine($"| token accuracy, teacher forced | {F(after["val_accuracy"])} |");
Console.WriteLine($"| exact match, greedy            | {F(exact)} |");
Console.WriteLine($"| epochs, seconds                | {epochs}, {clock.Elapsed.TotalSeconds:F1} |");

// ---- checks -------------------------------------------------------------------------------------------------------
var failures = new List<string>();
if (result.Reason != StopReason.Completed) failures.Add($"training stopped early: {result.Message}");
if (!result.StepLosses.All(double.IsFinite)) failures.Add("a training loss was not finite");
if (!(after["val_loss"] < before["val_loss"])) failures.Add($"test loss did not decrease ({F(before["val_loss"])} -> {F(after["val_loss"])})");
if (quick && !(after["val_accuracy"] > 0.3)) failures.Add($"token accuracy {F(after["val_accuracy"])} is not above 0.3 (chance is about 0.1)");
if (!quick && !(exact >= 0.75)) failures.Add($"exact match {F(exact)} is below 0.75");
foreach (var failure in failures) Console.Error.WriteLine($"FAIL seq2seq: {failure}");
Console.WriteLine($"RESULT seq2seq: exact match {F(exact)}, token accuracy {F(after["val_accuracy"])} ({(failures.Count == 0 ? "PASS" : "FAIL")})");
return failures.Count == 0 ? 0 : 1;
