using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>
/// The hand-rolled ElmanRnn against libtorch's nn.RNN with the same state dict: outputs, h_n and every parameter's
/// gradient, over the whole grid of layer counts, directions, layouts, non-linearities, biases and sequence lengths.
/// </summary>
public sealed class ElmanEquivalenceTests
{
    private const int In = 4, Hidden = 6, Batch = 3, Steps = 5;

    public static TheoryData<int, bool, bool, NonLinearities, bool, bool> Grid()
    {
        var data = new TheoryData<int, bool, bool, NonLinearities, bool, bool>();
        foreach (int layers in new[] { 1, 2, 3 })
        foreach (bool bidirectional in new[] { false, true })
        foreach (bool batchFirst in new[] { false, true })
        foreach (var act in new[] { NonLinearities.Tanh, NonLinearities.ReLU })
        foreach (bool bias in new[] { true, false })
        foreach (bool variable in new[] { false, true })
            data.Add(layers, bidirectional, batchFirst, act, bias, variable);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Float64AgreesTo1e10(int layers, bool bidirectional, bool batchFirst, NonLinearities act, bool bias, bool variable)
    {
        foreach (var mode in new[] { ElmanBackward.Manual, ElmanBackward.Autograd })
            Compare(ScalarType.Float64, 1e-10, mode, layers, bidirectional, batchFirst, act, bias, variable);
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Float32AgreesTo1e5(int layers, bool bidirectional, bool batchFirst, NonLinearities act, bool bias, bool variable)
    {
        foreach (var mode in new[] { ElmanBackward.Manual, ElmanBackward.Autograd })
            Compare(ScalarType.Float32, 1e-5, mode, layers, bidirectional, batchFirst, act, bias, variable);
    }

    private static void Compare(ScalarType dtype, double tol, ElmanBackward mode, int layers, bool bidirectional, bool batchFirst,
        NonLinearities act, bool bias, bool variable)
    {
        using var scope = NewDisposeScope();
        manual_seed(layers * 100 + (bidirectional ? 10 : 0) + (batchFirst ? 1 : 0));
        int dirs = bidirectional ? 2 : 1;
        using var builtIn = RNN(In, Hidden, layers, act, bias, batchFirst, 0, bidirectional, dtype: dtype);
        using var hand = new ElmanRnn(In, Hidden, layers, act, bias, batchFirst, 0, bidirectional, dtype: dtype, backward: mode);
        hand.load_state_dict(builtIn.state_dict());

        var x = randn(batchFirst ? new long[] { Batch, Steps, In } : new long[] { Steps, Batch, In }, dtype);
        var h0 = randn(new long[] { layers * dirs, Batch, Hidden }, dtype);
        var lengths = tensor(new long[] { 3, 5, 1 });
        var outShape = batchFirst ? new long[] { Batch, Steps, dirs * Hidden } : new long[] { Steps, Batch, dirs * Hidden };
        var rOut = randn(outShape, dtype);
        var rH = randn(new long[] { layers * dirs, Batch, Hidden }, dtype);

        Tensor refOut, refH;
        var xb = x.detach().requires_grad_();
        var hb = h0.detach().requires_grad_();
        if (variable)
        {
            using var packed = utils.rnn.pack_padded_sequence(xb, lengths, batchFirst, enforce_sorted: false);
            var (outPacked, h) = builtIn.forward(packed, hb);
            using (outPacked) (refOut, _) = utils.rnn.pad_packed_sequence(outPacked, batchFirst, total_length: Steps);
            refH = h;
        }
        else
        {
            (refOut, refH) = builtIn.forward(xb, hb);
        }
        ((refOut * rOut).sum() + (refH * rH).sum()).backward();

        var xh = x.detach().requires_grad_();
        var hh = h0.detach().requires_grad_();
        var (out2, h2) = hand.forward(xh, hh, variable ? lengths : null);
        ((out2 * rOut).sum() + (h2 * rH).sum()).backward();

        AssertClose(refOut, out2, tol, "output");
        AssertClose(refH, h2, tol, "h_n");
        AssertClose(xb.grad!, xh.grad!, tol, "d input");
        AssertClose(hb.grad!, hh.grad!, tol, "d h0");
        var handParams = hand.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, p) in builtIn.named_parameters())
        {
            AssertClose(p.grad!, handParams[name].grad!, tol, $"d {name} ({mode})");
        }
    }

    internal static void AssertClose(Tensor expected, Tensor actual, double tol, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        var e = expected.detach().to(ScalarType.Float64).data<double>().ToArray();
        var a = actual.detach().to(ScalarType.Float64).data<double>().ToArray();
        for (int i = 0; i < e.Length; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) <= tol * Math.Max(1, Math.Abs(e[i])), $"{what}[{i}]: built-in {e[i]:R}, hand-rolled {a[i]:R}");
        }
    }
}
