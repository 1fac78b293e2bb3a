using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;
using Kind = RnnTorch.Tests.Modules.RecurrentReference.Kind;

namespace RnnTorch.Tests.Modules;

/// <summary>nn.RNN, nn.LSTM, nn.GRU and their cells against the published equations run as plain float64 loops.</summary>
public sealed class BuiltInRecurrentTests
{
    private const int In = 4, Hidden = 5, Batch = 3, Steps = 6;

    public static TheoryData<Kind, int, bool, bool, bool> Grid()
    {
        var data = new TheoryData<Kind, int, bool, bool, bool>();
        foreach (var kind in new[] { Kind.Tanh, Kind.Relu, Kind.Lstm, Kind.Gru })
        foreach (int layers in new[] { 1, 2 })
        foreach (bool bidirectional in new[] { false, true })
        foreach (bool batchFirst in new[] { false, true })
            data.Add(kind, layers, bidirectional, batchFirst, layers == 2 && !bidirectional);
        return data;
    }

    private static Module Make(Kind kind, int layers, bool bidirectional, bool batchFirst, bool bias = true) => kind switch
    {
        Kind.Tanh => RNN(In, Hidden, layers, NonLinearities.Tanh, bias, batchFirst, 0, bidirectional, dtype: ScalarType.Float64),
        Kind.Relu => RNN(In, Hidden, layers, NonLinearities.ReLU, bias, batchFirst, 0, bidirectional, dtype: ScalarType.Float64),
        Kind.Lstm => LSTM(In, Hidden, layers, bias, batchFirst, 0, bidirectional, dtype: ScalarType.Float64),
        _ => GRU(In, Hidden, layers, bias, batchFirst, 0, bidirectional, dtype: ScalarType.Float64),
    };

    private static RecurrentReference.LayerWeights[][] Weights(Module m, int layers, int dirs)
    {
        var p = m.named_parameters().ToDictionary(x => x.name, x => x.parameter.data<double>().ToArray());
        var result = new RecurrentReference.LayerWeights[layers][];
        for (int l = 0; l < layers; l++)
        {
            result[l] = new RecurrentReference.LayerWeights[dirs];
            for (int d = 0; d < dirs; d++)
            {
                string s = $"l{l}{(d == 1 ? "_reverse" : "")}";
                result[l][d] = new RecurrentReference.LayerWeights(p[$"weight_ih_{s}"], p[$"weight_hh_{s}"],
                    p.GetValueOrDefault($"bias_ih_{s}"), p.GetValueOrDefault($"bias_hh_{s}"), l == 0 ? In : Hidden * dirs);
            }
        }
        return result;
    }

    /// <summary>x[b][t][i] from a (L, N, In) or (N, L, In) tensor.</summary>
    private static double[][][] Sequences(Tensor x, bool batchFirst)
    {
        var v = x.data<double>().ToArray();
        var r = new double[Batch][][];
        for (int b = 0; b < Batch; b++)
        {
            r[b] = new double[Steps][];
            for (int t = 0; t < Steps; t++)
            {
                int offset = batchFirst ? (b * Steps + t) * In : (t * Batch + b) * In;
                r[b][t] = v.AsSpan(offset, In).ToArray();
            }
        }
        return r;
    }

    private static double[][] StateFor(double[] all, int b, int count)
    {
        var r = new double[count][];
        for (int k = 0; k < count; k++) r[k] = all.AsSpan((k * Batch + b) * Hidden, Hidden).ToArray();
        return r;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void PaddedBatchMatchesThePlainLoop(Kind kind, int layers, bool bidirectional, bool batchFirst, bool withoutBias)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        int dirs = bidirectional ? 2 : 1;
        using var m = Make(kind, layers, bidirectional, batchFirst, bias: !withoutBias);
        var x = randn(batchFirst ? new long[] { Batch, Steps, In } : new long[] { Steps, Batch, In }, ScalarType.Float64);
        var h0 = randn(new long[] { layers * dirs, Batch, Hidden }, ScalarType.Float64);
        var c0 = randn(new long[] { layers * dirs, Batch, Hidden }, ScalarType.Float64);
        Tensor output, hN;
        Tensor? cN = null;
        switch (m)
        {
            case RNN rnn: (output, hN) = rnn.forward(x, h0); break;
            case GRU gru: (output, hN) = gru.forward(x, h0); break;
            default: (output, hN, cN) = ((LSTM)m).forward(x, (h0, c0)); break;
        }
        Assert.Equal(batchFirst ? new long[] { Batch, Steps, dirs * Hidden } : new long[] { Steps, Batch, dirs * Hidden }, output.shape);
        Assert.Equal(new long[] { layers * dirs, Batch, Hidden }, hN.shape);

        var w = Weights(m, layers, dirs);
        var xs = Sequences(x, batchFirst);
        var h0v = h0.data<double>().ToArray();
        var c0v = c0.data<double>().ToArray();
        var outV = output.data<double>().ToArray();
        var hV = hN.data<double>().ToArray();
        var cV = cN?.data<double>().ToArray();
        for (int b = 0; b < Batch; b++)
        {
            var (refOut, refH, refC) = RecurrentReference.Run(kind, xs[b], w, Hidden, StateFor(h0v, b, layers * dirs), StateFor(c0v, b, layers * dirs));
            for (int t = 0; t < Steps; t++)
            for (int k = 0; k < dirs * Hidden; k++)
            {
                int idx = batchFirst ? (b * Steps + t) * dirs * Hidden + k : (t * Batch + b) * dirs * Hidden + k;
                Assert.True(Math.Abs(refOut[t][k] - outV[idx]) < 1e-10, $"output b={b} t={t} k={k}: {outV[idx]} vs {refOut[t][k]}");
            }
            for (int s = 0; s < layers * dirs; s++)
            for (int k = 0; k < Hidden; k++)
            {
                Assert.True(Math.Abs(refH[s][k] - hV[(s * Batch + b) * Hidden + k]) < 1e-10, $"h_n state {s} b={b} k={k}");
                if (cV is not null) Assert.True(Math.Abs(refC[s][k] - cV[(s * Batch + b) * Hidden + k]) < 1e-10, $"c_n state {s} b={b} k={k}");
            }
        }
    }

    [Theory]
    [InlineData(Kind.Tanh, false)]
    [InlineData(Kind.Relu, true)]
    [InlineData(Kind.Lstm, false)]
    [InlineData(Kind.Gru, true)]
    public void PackedUnsortedBatchMatchesEachSequenceRunAlone(Kind kind, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        int dirs = bidirectional ? 2 : 1, layers = 2;
        long[] lengths = { 4, 6, 2 };
        using var m = Make(kind, layers, bidirectional, batchFirst: true);
        var x = randn(new long[] { Batch, Steps, In }, ScalarType.Float64);
        using var packed = utils.rnn.pack_padded_sequence(x, tensor(lengths), batch_first: true, enforce_sorted: false);
        PackedSequence outPacked;
        Tensor hN;
        switch (m)
        {
            case RNN rnn: (outPacked, hN) = rnn.forward(packed); break;
            case GRU gru: (outPacked, hN) = gru.forward(packed); break;
            default: (outPacked, hN, _) = ((LSTM)m).forward(packed); break;
        }
        using (outPacked)
        {
            var (padded, outLengths) = utils.rnn.pad_packed_sequence(outPacked, batch_first: true, total_length: Steps);
            Assert.Equal(lengths, outLengths.data<long>().ToArray());
            Assert.Equal(new long[] { Batch, Steps, dirs * Hidden }, padded.shape);
            var w = Weights(m, layers, dirs);
            var xs = Sequences(x, batchFirst: true);
            var outV = padded.data<double>().ToArray();
            var hV = hN.data<double>().ToArray();
            for (int b = 0; b < Batch; b++)
            {
                var seq = xs[b].Take((int)lengths[b]).ToArray();
                var (refOut, refH, _) = RecurrentReference.Run(kind, seq, w, Hidden);
                for (int t = 0; t < Steps; t++)
                for (int k = 0; k < dirs * Hidden; k++)
                {
                    double expected = t < lengths[b] ? refOut[t][k] : 0.0;
                    double got = outV[(b * Steps + t) * dirs * Hidden + k];
                    Assert.True(Math.Abs(expected - got) < 1e-10, $"output b={b} t={t} k={k}: {got} vs {expected}");
                }
                for (int s = 0; s < layers * dirs; s++)
                for (int k = 0; k < Hidden; k++)
                    Assert.True(Math.Abs(refH[s][k] - hV[(s * Batch + b) * Hidden + k]) < 1e-10, $"h_n state {s} b={b} k={k}");
            }
        }
    }

    [Theory]
    [InlineData(Kind.Tanh)]
    [InlineData(Kind.Relu)]
    [InlineData(Kind.Lstm)]
    [InlineData(Kind.Gru)]
    public void CellsMatchOneStepOfThePlainLoop(Kind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        Module cell = kind switch
        {
            Kind.Tanh => RNNCell(In, Hidden, dtype: ScalarType.Float64),
            Kind.Relu => RNNCell(In, Hidden, NonLinearities.ReLU, dtype: ScalarType.Float64),
            Kind.Lstm => LSTMCell(In, Hidden, dtype: ScalarType.Float64),
            _ => GRUCell(In, Hidden, dtype: ScalarType.Float64),
        };
        using var _ = cell;
        Assert.Equal(new[] { "weight_ih", "weight_hh", "bias_ih", "bias_hh" }, cell.named_parameters().Select(p => p.name));
        var x = randn(new long[] { Batch, In }, ScalarType.Float64);
        var h = randn(new long[] { Batch, Hidden }, ScalarType.Float64);
        var c = randn(new long[] { Batch, Hidden }, ScalarType.Float64);
        Tensor hOut;
        Tensor? cOut = null;
        switch (cell)
        {
            case RNNCell r: hOut = r.forward(x, h); break;
            case GRUCell g: hOut = g.forward(x, h); break;
            default: (hOut, cOut) = ((LSTMCell)cell).forward(x, (h, c)); break;
        }
        var p = cell.named_parameters().ToDictionary(q => q.name, q => q.parameter.data<double>().ToArray());
        var w = new RecurrentReference.LayerWeights(p["weight_ih"], p["weight_hh"], p["bias_ih"], p["bias_hh"], In);
        var xv = x.data<double>().ToArray();
        var hv = h.data<double>().ToArray();
        var cv = c.data<double>().ToArray();
        var hGot = hOut.data<double>().ToArray();
        var cGot = cOut?.data<double>().ToArray();
        for (int b = 0; b < Batch; b++)
        {
            var (rh, rc) = RecurrentReference.Step(kind, xv.AsSpan(b * In, In).ToArray(), hv.AsSpan(b * Hidden, Hidden).ToArray(),
                cv.AsSpan(b * Hidden, Hidden).ToArray(), w, Hidden);
            for (int k = 0; k < Hidden; k++)
            {
                Assert.True(Math.Abs(rh[k] - hGot[b * Hidden + k]) < 1e-12);
                if (cGot is not null) Assert.True(Math.Abs(rc[k] - cGot[b * Hidden + k]) < 1e-12);
            }
        }
    }

    [Fact]
    public void ParametersHavePyTorchsNamesShapesAndInitRange()
    {
        using var lstm = LSTM(3, 7, numLayers: 2, bidirectional: true);
        var names = lstm.named_parameters().Select(p => p.name).ToArray();
        Assert.Equal(new[]
        {
            "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
            "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
            "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
            "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse",
        }, names);
        var shapes = lstm.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal(new long[] { 28, 3 }, shapes["weight_ih_l0"]);
        Assert.Equal(new long[] { 28, 7 }, shapes["weight_hh_l0"]);
        Assert.Equal(new long[] { 28, 14 }, shapes["weight_ih_l1_reverse"]);
        Assert.Equal(new long[] { 28 }, shapes["bias_hh_l1"]);
        double bound = 1 / Math.Sqrt(7);
        foreach (var (_, p) in lstm.named_parameters())
        {
            Assert.True(p.requires_grad);
            Assert.All(p.data<float>().ToArray(), v => Assert.InRange(v, -bound, bound));
        }
        using var noBias = RNN(3, 4, bias: false);
        Assert.Equal(new[] { "weight_ih_l0", "weight_hh_l0" }, noBias.state_dict().Keys);
    }

    [Fact]
    public void UnbatchedInputGivesUnbatchedResults()
    {
        using var scope = NewDisposeScope();
        using var gru = GRU(In, Hidden, numLayers: 2);
        var x = randn(Steps, In);
        var (output, h) = gru.forward(x);
        Assert.Equal(new long[] { Steps, Hidden }, output.shape);
        Assert.Equal(new long[] { 2, Hidden }, h.shape);
        var (batched, hb) = gru.forward(x.unsqueeze(1));
        TensorAssert.Close(batched.squeeze(1).data<float>().Select(v => (double)v).ToArray(), output, 1e-6, 1e-7);
        TensorAssert.Close(hb.squeeze(1).data<float>().Select(v => (double)v).ToArray(), h, 1e-6, 1e-7);
    }

    [Fact]
    public void BadShapesAreNamedInTheError()
    {
        using var scope = NewDisposeScope();
        using var rnn = RNN(In, Hidden, numLayers: 2);
        var rank = Assert.Throws<ArgumentException>(() => rnn.forward(randn(new long[] { 2, 3, 4, In })));
        Assert.Contains("[2, 3, 4, 4]", rank.Message);
        var size = Assert.Throws<ArgumentException>(() => rnn.forward(randn(Steps, Batch, In + 1)));
        Assert.Contains($"input_size = {In}", size.Message);
        Assert.Contains($"[{Steps}, {Batch}, {In + 1}]", size.Message);
        var state = Assert.Throws<ArgumentException>(() => rnn.forward(randn(Steps, Batch, In), randn(1, Batch, Hidden)));
        Assert.Contains($"(2, {Batch}, {Hidden})", state.Message);
        Assert.Contains($"(1, {Batch}, {Hidden})", state.Message);
        var x = randn(Steps, Batch, In);
        var tooLong = Assert.Throws<ArgumentException>(() => utils.rnn.pack_padded_sequence(x, tensor(new long[] { 9, 2, 1 })));
        Assert.Contains("9", tooLong.Message);
        Assert.Contains($"1..{Steps}", tooLong.Message);
        var unsorted = Assert.Throws<ArgumentException>(() => utils.rnn.pack_padded_sequence(x, tensor(new long[] { 2, 5, 1 })));
        Assert.Contains("enforce_sorted", unsorted.Message);
        using var cell = LSTMCell(In, Hidden);
        var cellState = Assert.Throws<ArgumentException>(() => cell.forward(randn(Batch, In), (randn(Batch, Hidden + 1), randn(Batch, Hidden))));
        Assert.Contains($"({Batch}, {Hidden})", cellState.Message);
    }

    [Fact]
    public void PadSequenceAndPackSequenceRoundTrip()
    {
        using var scope = NewDisposeScope();
        var a = arange(6, dtype: ScalarType.Float32).reshape(3, 2);
        var b = arange(6, 10, dtype: ScalarType.Float32).reshape(2, 2);
        var padded = utils.rnn.pad_sequence(new[] { a, b }, batch_first: true, padding_value: -1);
        Assert.Equal(new long[] { 2, 3, 2 }, padded.shape);
        TensorAssert.Close(new double[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1 }, padded);
        using var packed = utils.rnn.pack_sequence(new[] { a, b });
        // Time-major packing: step 0 of both, step 1 of both, step 2 of the first.
        TensorAssert.Close(new double[] { 0, 1, 6, 7, 2, 3, 8, 9, 4, 5 }, packed.data);
        Assert.Equal(new long[] { 2, 2, 1 }, packed.batch_sizes.data<long>().ToArray());
        var (back, lengths) = utils.rnn.pad_packed_sequence(packed, batch_first: true);
        Assert.Equal(new long[] { 3, 2 }, lengths.data<long>().ToArray());
        TensorAssert.Close(new double[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0 }, back);
    }
}
