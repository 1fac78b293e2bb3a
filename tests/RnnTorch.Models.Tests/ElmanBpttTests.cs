using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models.Tests;

/// <summary>The hand-written BPTT against libtorch's autograd on its built-in RNN, in float64.</summary>
public sealed class ElmanBpttTests
{
    [Theory]
    [InlineData(1, false, false, NonLinearities.Tanh, false)]
    [InlineData(2, true, false, NonLinearities.Tanh, true)]
    [InlineData(3, true, true, NonLinearities.ReLU, true)]
    [InlineData(2, false, true, NonLinearities.ReLU, false)]
    public void GradientsAgreeWithAutogradTo1e10(int layers, bool bidirectional, bool batchFirst, NonLinearities act, bool variable)
    {
        using var scope = NewDisposeScope();
        manual_seed(21 + layers);
        const int input = 3, hidden = 5, batch = 4, steps = 6;
        int dirs = bidirectional ? 2 : 1;
        using var builtIn = RNN(input, hidden, layers, act, true, batchFirst, 0, bidirectional, dtype: ScalarType.Float64);
        using var hand = new ElmanRnn(input, hidden, layers, act, true, batchFirst, 0, bidirectional, dtype: ScalarType.Float64);
        hand.load_state_dict(builtIn.state_dict());
        var x = randn(batchFirst ? new long[] { batch, steps, input } : new long[] { steps, batch, input }, ScalarType.Float64);
        var h0 = randn(new long[] { layers * dirs, batch, hidden }, ScalarType.Float64);
        var lengths = tensor(new long[] { 6, 2, 4, 1 });
        var gOut = randn(batchFirst ? new long[] { batch, steps, dirs * hidden } : new long[] { steps, batch, dirs * hidden }, ScalarType.Float64);
        var gH = randn(new long[] { layers * dirs, batch, hidden }, ScalarType.Float64);
        if (variable)
        {
            // Past a sequence's end the output does not exist: its gradient is zero.
            var t = arange(steps).unsqueeze(1).lt(lengths.unsqueeze(0)).to(ScalarType.Float64).unsqueeze(2);
            gOut = gOut * (batchFirst ? t.transpose(0, 1) : t);
        }

        var xb = x.detach().requires_grad_();
        var hb = h0.detach().requires_grad_();
        Tensor refOut, refH;
        if (variable)
        {
            using var packed = utils.rnn.pack_padded_sequence(xb, lengths, batchFirst, enforce_sorted: false);
            var (op, h) = builtIn.forward(packed, hb);
            using (op) (refOut, _) = utils.rnn.pad_packed_sequence(op, batchFirst, total_length: steps);
            refH = h;
        }
        else
        {
            (refOut, refH) = builtIn.forward(xb, hb);
        }
        ((refOut * gOut).sum() + (refH * gH).sum()).backward();

        using var result = new ElmanBptt(hand).Backward(x, h0, gOut, gH, variable ? lengths : null);
        ElmanEquivalenceTests.AssertClose(refOut, result.Output, 1e-10, "output");
        ElmanEquivalenceTests.AssertClose(refH, result.HN, 1e-10, "h_n");
        ElmanEquivalenceTests.AssertClose(xb.grad!, result.InputGrad, 1e-10, "d input");
        ElmanEquivalenceTests.AssertClose(hb.grad!, result.H0Grad, 1e-10, "d h0");
        Assert.Equal(builtIn.named_parameters().Select(p => p.name).OrderBy(n => n), result.ParameterGrads.Keys.OrderBy(n => n));
        foreach (var (name, p) in builtIn.named_parameters())
            ElmanEquivalenceTests.AssertClose(p.grad!, result.ParameterGrads[name], 1e-10, $"d {name}");
        // No autograd was involved: the hand-rolled network's parameters have no gradient.
        Assert.All(hand.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void RefusesDropoutInTraining()
    {
        using var scope = NewDisposeScope();
        using var net = new ElmanRnn(2, 3, numLayers: 2, dropout: 0.5);
        var x = randn(4, 1, 2);
        Assert.Throws<InvalidOperationException>(() => new ElmanBptt(net).Backward(x, null, zeros(4, 1, 3)));
        net.eval();
        using var ok = new ElmanBptt(net).Backward(x, null, ones(4, 1, 3));
        Assert.Equal(new long[] { 4, 1, 2 }, ok.InputGrad.shape);
    }
}
