using static RnnTorch.torch;

namespace RnnTorch.Models.Tests;

/// <summary>
/// The uniform recurrent layer over every core: PyTorch's parameter names under <c>rnn.</c>, batch-first shapes, variable
/// lengths (each sequence as if run alone), state carried between calls, the Elman and Rnn cores interchangeable, and
/// argument checks.
/// </summary>
public sealed class RecurrentLayerTests
{
    public static TheoryData<CoreKind> Kinds() => new() { CoreKind.Elman, CoreKind.Rnn, CoreKind.Lstm, CoreKind.Gru };

    public static TheoryData<CoreKind, bool> KindsAndDirections()
    {
        var data = new TheoryData<CoreKind, bool>();
        foreach (var kind in Enum.GetValues<CoreKind>())
        foreach (bool bidirectional in new[] { false, true })
            data.Add(kind, bidirectional);
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ParametersHavePyTorchNamesAndShapesUnderRnn(CoreKind kind)
    {
        using var layer = new RecurrentLayer(kind, 3, 4, numLayers: 2, bidirectional: true);
        long g = kind switch { CoreKind.Lstm => 4, CoreKind.Gru => 3, _ => 1 };
        var expected = new List<(string, long[])>();
        foreach (int l in new[] { 0, 1 })
        foreach (string dir in new[] { "", "_reverse" })
        {
            long input = l == 0 ? 3 : 8;
            expected.Add(($"rnn.weight_ih_l{l}{dir}", new[] { g * 4, input }));
            expected.Add(($"rnn.weight_hh_l{l}{dir}", new[] { g * 4, 4L }));
            expected.Add(($"rnn.bias_ih_l{l}{dir}", new[] { g * 4 }));
            expected.Add(($"rnn.bias_hh_l{l}{dir}", new[] { g * 4 }));
        }
        var actual = layer.named_parameters().Select(p => (p.name, p.parameter.shape)).ToList();
        Assert.Equal(expected.Select(e => e.Item1), actual.Select(a => a.name));
        for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i].Item2, actual[i].shape);
        Assert.Equal(kind, layer.Kind);
        Assert.Equal(4, layer.HiddenSize);
        Assert.Equal(2, layer.NumLayers);
        Assert.True(layer.Bidirectional);
        Assert.Equal(8, layer.OutputSize);
    }

    [Theory]
    [MemberData(nameof(KindsAndDirections))]
    public void ShapesAreBatchFirstWithCellStateOnlyForLstm(CoreKind kind, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var layer = new RecurrentLayer(kind, 3, 5, numLayers: 2, bidirectional: bidirectional);
        int d = bidirectional ? 2 : 1;
        var (output, state) = layer.forward(randn(4, 6, 3));
        Assert.Equal(new long[] { 4, 6, d * 5 }, output.shape);
        Assert.Equal(new long[] { 2 * d, 4, 5 }, state.H.shape);
        Assert.Equal(layer.StateShape(4), state.H.shape);
        if (kind == CoreKind.Lstm) Assert.Equal(new long[] { 2 * d, 4, 5 }, state.C!.shape);
        else Assert.Null(state.C);
    }

    /// <summary>
    /// A padded batch with unsorted lengths gives, for each sequence, the output and final state of running that sequence
    /// alone at its own length, and zeros past its end: packing (built-in cores) and masking (Elman) both do it right.
    /// </summary>
    [Theory]
    [MemberData(nameof(KindsAndDirections))]
    public void VariableLengthsActAsIfEachSequenceRanAlone(CoreKind kind, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var layer = new RecurrentLayer(kind, 3, 4, numLayers: 2, bidirectional: bidirectional, dtype: ScalarType.Float64);
        var lengths = new long[] { 2, 5, 3 };
        var x = randn(new long[] { 3, 5, 3 }, ScalarType.Float64);
        int d = bidirectional ? 2 : 1;
        var h0 = randn(new long[] { 2 * d, 3, 4 }, ScalarType.Float64);
        var c0 = kind == CoreKind.Lstm ? randn(new long[] { 2 * d, 3, 4 }, ScalarType.Float64) : null;
        var (output, state) = layer.forward(x, new RecurrentState(h0, c0), tensor(lengths));
        for (int i = 0; i < 3; i++)
        {
            long len = lengths[i];
            var alone = x.narrow(0, i, 1).narrow(1, 0, len);
            var (o, s) = layer.forward(alone, new RecurrentState(h0.narrow(1, i, 1), c0?.narrow(1, i, 1)));
            TestTensors.Close(o, output.narrow(0, i, 1).narrow(1, 0, len), 1e-10, $"output of sequence {i}");
            TestTensors.Close(s.H, state.H.narrow(1, i, 1), 1e-10, $"h of sequence {i}");
            if (c0 is not null) TestTensors.Close(s.C!, state.C!.narrow(1, i, 1), 1e-10, $"c of sequence {i}");
            if (len < 5) Assert.All(TestTensors.Values(output.narrow(0, i, 1).narrow(1, len, 5 - len)), v => Assert.Equal(0.0, v));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void StateCarriedBetweenCallsEqualsOneLongRun(CoreKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var layer = new RecurrentLayer(kind, 2, 3, numLayers: 2, dtype: ScalarType.Float64);
        var x = randn(new long[] { 2, 7, 2 }, ScalarType.Float64);
        var (whole, final) = layer.forward(x);
        var (first, middle) = layer.forward(x.narrow(1, 0, 4));
        var (second, end) = layer.forward(x.narrow(1, 4, 3), middle);
        TestTensors.Close(whole, cat(new[] { first, second }, 1), 1e-12, "output");
        TestTensors.Close(final.H, end.H, 1e-12, "h");
        if (kind == CoreKind.Lstm) TestTensors.Close(final.C!, end.C!, 1e-12, "c");
    }

    [Fact]
    public void ElmanAndRnnCoresAreInterchangeableThroughTheStateDict()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var elman = new RecurrentLayer(CoreKind.Elman, 3, 5, numLayers: 2, bidirectional: true);
        using var rnn = new RecurrentLayer(CoreKind.Rnn, 3, 5, numLayers: 2, bidirectional: true);
        rnn.load_state_dict(elman.state_dict());
        var x = randn(3, 6, 3);
        var h0 = randn(4, 3, 5);
        var lengths = tensor(new long[] { 6, 2, 4 });
        var (oe, se) = elman.forward(x, new RecurrentState(h0, null), lengths);
        var (or, sr) = rnn.forward(x, new RecurrentState(h0, null), lengths);
        TestTensors.Close(oe, or, 1e-6, "output");
        TestTensors.Close(se.H, sr.H, 1e-6, "h");
    }

    [Fact]
    public void LstmWithoutCellStateStartsFromZeroCells()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var layer = new RecurrentLayer(CoreKind.Lstm, 2, 3);
        var x = randn(2, 4, 2);
        var h0 = randn(1, 2, 3);
        var (a, sa) = layer.forward(x, new RecurrentState(h0, null));
        var (b, sb) = layer.forward(x, new RecurrentState(h0, zeros(1, 2, 3)));
        TestTensors.Close(b, a, 0, "output");
        TestTensors.Close(sb.C!, sa.C!, 0, "c");
    }

    /// <summary>The top layer's final state is the last step's forward output next to the first step's reverse output.</summary>
    [Theory]
    [MemberData(nameof(KindsAndDirections))]
    public void TopLayerStateIsTheOutputAtEachDirectionsLastStep(CoreKind kind, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var layer = new RecurrentLayer(kind, 2, 3, numLayers: 2, bidirectional: bidirectional);
        var (output, state) = layer.forward(randn(2, 5, 2));
        var top = layer.TopLayerState(state);
        var expected = bidirectional
            ? cat(new[] { output.select(1, 4).narrow(1, 0, 3), output.select(1, 0).narrow(1, 3, 3) }, 1)
            : output.select(1, 4);
        TestTensors.Close(expected, top, 0, "top state");
    }

    [Fact]
    public void BadArgumentsThrowNamingExpectedAndActual()
    {
        using var scope = NewDisposeScope();
        using var layer = new RecurrentLayer(CoreKind.Gru, 3, 4);
        using var elman = new RecurrentLayer(CoreKind.Elman, 3, 4);
        var x = randn(2, 5, 3);
        Assert.Contains("(N, L, 3)", Assert.Throws<ArgumentException>(() => layer.forward(randn(5, 3))).Message);
        Assert.Contains("[2, 5, 4]", Assert.Throws<ArgumentException>(() => layer.forward(randn(2, 5, 4))).Message);
        Assert.Contains("Float64", Assert.Throws<ArgumentException>(() => layer.forward(x.to(ScalarType.Float64))).Message);
        var badState = Assert.Throws<ArgumentException>(() => layer.forward(x, new RecurrentState(zeros(1, 3, 4), null)));
        Assert.Contains("(1, 2, 4)", badState.Message);
        Assert.Contains("[1, 3, 4]", badState.Message);
        Assert.Contains("LSTM", Assert.Throws<ArgumentException>(() => layer.forward(x, new RecurrentState(zeros(1, 2, 4), zeros(1, 2, 4)))).Message);
        foreach (var l in new[] { layer, elman })
        {
            Assert.Contains("(2)", Assert.Throws<ArgumentException>(() => l.forward(x, null, tensor(new long[] { 5, 5, 5 }))).Message);
            Assert.Contains("1..5", Assert.Throws<ArgumentException>(() => l.forward(x, null, tensor(new long[] { 0, 5 }))).Message);
            Assert.Contains("1..5", Assert.Throws<ArgumentException>(() => l.forward(x, null, tensor(new long[] { 6, 5 }))).Message);
            Assert.Contains("integer", Assert.Throws<ArgumentException>(() => l.forward(x, null, tensor(new float[] { 5, 5 }))).Message);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecurrentLayer(CoreKind.Rnn, 0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecurrentLayer(CoreKind.Rnn, 3, 4, dropout: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecurrentLayer((CoreKind)9, 3, 4));
    }
}
