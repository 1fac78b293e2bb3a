using static RnnTorch.torch;

namespace RnnTorch.Models.Tests;

/// <summary>Bad input to the hand-rolled layer and cell fails with a message naming the expected and actual shapes.</summary>
public sealed class ElmanErrorTests
{
    [Fact]
    public void WrongRankSizeStateAndLengthsAreNamed()
    {
        using var scope = NewDisposeScope();
        using var rnn = new ElmanRnn(4, 5, numLayers: 2, bidirectional: true);
        var rank = Assert.Throws<ArgumentException>(() => rnn.forward(randn(new long[] { 2, 3, 4, 4 })));
        Assert.Contains("[2, 3, 4, 4]", rank.Message);
        var size = Assert.Throws<ArgumentException>(() => rnn.forward(randn(6, 3, 7)));
        Assert.Contains("input_size = 4", size.Message);
        Assert.Contains("[6, 3, 7]", size.Message);
        var state = Assert.Throws<ArgumentException>(() => rnn.forward(randn(6, 3, 4), randn(2, 3, 5)));
        Assert.Contains("(4, 3, 5)", state.Message);
        Assert.Contains("(2, 3, 5)", state.Message);
        var tooLong = Assert.Throws<ArgumentException>(() => rnn.forward(randn(6, 3, 4), null, tensor(new long[] { 6, 7, 1 })));
        Assert.Contains("lengths[1] is 7", tooLong.Message);
        Assert.Contains("1..6", tooLong.Message);
        var count = Assert.Throws<ArgumentException>(() => rnn.forward(randn(6, 3, 4), null, tensor(new long[] { 6, 2 })));
        Assert.Contains("one length per sequence (3)", count.Message);
        using var cell = new ElmanCell(4, 5);
        var cellInput = Assert.Throws<ArgumentException>(() => cell.forward(randn(3, 5)));
        Assert.Contains("(N, 4)", cellInput.Message);
        Assert.Contains("(3, 5)", cellInput.Message);
        var cellState = Assert.Throws<ArgumentException>(() => cell.forward(randn(3, 4), randn(2, 5)));
        Assert.Contains("(3, 5)", cellState.Message);
        Assert.Contains("(2, 5)", cellState.Message);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => new ElmanRnn(4, 0));
        Assert.Equal("hiddenSize", bad.ParamName);
    }

    [Fact]
    public void UnbatchedInputMatchesABatchOfOne()
    {
        using var scope = NewDisposeScope();
        using var rnn = new ElmanRnn(3, 4, numLayers: 2);
        var x = randn(5, 3);
        var (o1, h1) = rnn.forward(x);
        var (o2, h2) = rnn.forward(x.unsqueeze(1));
        Assert.Equal(new long[] { 5, 4 }, o1.shape);
        Assert.Equal(new long[] { 2, 4 }, h1.shape);
        ElmanEquivalenceTests.AssertClose(o2.squeeze(1), o1, 1e-6, "output");
        ElmanEquivalenceTests.AssertClose(h2.squeeze(1), h1, 1e-6, "h_n");
    }
}
