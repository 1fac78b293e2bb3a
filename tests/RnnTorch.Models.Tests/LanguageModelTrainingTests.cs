using System.Diagnostics;
using Xunit.Abstractions;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>
/// The language model memorises a short string — "the " four times, each followed by something else, so it must keep its
/// place in the hidden state — and regenerates all of it exactly, greedily, from its first character alone, with the
/// hand-rolled and the built-in Elman core. Also: generation leaves libtorch's global generator untouched.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class LanguageModelTrainingTests(ITestOutputHelper output)
{
    private const string Text = "the cat sat on the mat, the rat ate the hat.";

    [Theory]
    [InlineData(CoreKind.Elman)]
    [InlineData(CoreKind.Rnn)]
    public void MemorisesAStringAndRegeneratesItGreedily(CoreKind kind)
    {
        var clock = Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        var alphabet = Text.Distinct().OrderBy(c => c).ToArray();
        long[] ids = Text.Select(c => (long)Array.IndexOf(alphabet, c) + 1).ToArray();   // 0 is padding
        manual_seed(400);
        using var model = new LanguageModel(kind, vocabSize: alphabet.Length + 1, embeddingSize: 8, hiddenSize: 48);
        var input = tensor(ids[..^1], new long[] { 1, ids.Length - 1 });
        var target = tensor(ids[1..], new long[] { 1, ids.Length - 1 });
        double loss = TrainingLoop.Fit(model, steps: 300, lr: 0.02, _ =>
            functional.cross_entropy(model.forward(input).logits.permute(0, 2, 1), target));
        var continuation = model.Generate(new[] { ids[0] }, ids.Length - 1, temperature: 0);
        string text = Text[0] + new string(continuation.Select(t => alphabet[t - 1]).ToArray());
        output.WriteLine($"{kind}: final training loss {loss:F4}, regenerated \"{text}\", {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(Text, text);
    }

    [Fact]
    public void GenerateLeavesTheGlobalGeneratorAlone()
    {
        using var scope = NewDisposeScope();
        manual_seed(401);
        using var model = new LanguageModel(CoreKind.Lstm, 6, 3, 4, dropout: 0.5);
        manual_seed(7);
        var expected = TestTensors.Values(rand(5));
        manual_seed(7);
        model.Generate(new long[] { 1, 2 }, 10, temperature: 1.0, seed: 3);
        var actual = TestTensors.Values(rand(5));
        Assert.Equal(expected, actual);
    }
}
