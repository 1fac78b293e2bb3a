using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Autograd's gradients against central finite differences in float64 (<see cref="GradCheck"/>), op by op.
/// Outputs are multiplied by a fixed random weight before the sum wherever a plain sum would make the gradient
/// trivial or blind (softmax rows sum to 1, so d(sum softmax) = 0; a plain sum of a permutation is all ones).
/// Inputs of functions with kinks or poles (relu, clamp, log, sqrt, max) are kept away from them.
/// </summary>
public sealed class GradientCheckTests
{
    private static Tensor Rand(params long[] shape) => randn(shape, float64);

    /// <summary>Uniform values in [lo, hi).</summary>
    private static Tensor Uniform(double lo, double hi, params long[] shape) => rand(shape, float64) * (hi - lo) + lo;

    [Fact]
    public void Matmul()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var w = Rand(3, 2);
        GradCheck.Check(x => x[0].matmul(x[1]) * w, new[] { Rand(3, 4), Rand(4, 2) });
        // Batched with a broadcast right operand, and matrix @ vector.
        var wb = Rand(2, 3, 5);
        GradCheck.Check(x => matmul(x[0], x[1]) * wb, new[] { Rand(2, 3, 4), Rand(4, 5) });
        var wv = Rand(3);
        GradCheck.Check(x => matmul(x[0], x[1]) * wv, new[] { Rand(3, 4), Rand(4) });
    }

    [Fact]
    public void Addmm()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        var w = Rand(3, 2);
        GradCheck.Check(x => addmm(x[0], x[1], x[2]) * w, new[] { Rand(3, 2), Rand(3, 4), Rand(4, 2) });
        // A broadcast bias row, with beta and alpha.
        GradCheck.Check(x => addmm(x[0], x[1], x[2], 0.5, -2.0) * w, new[] { Rand(2), Rand(3, 4), Rand(4, 2) });
    }

    [Fact]
    public void TanhAndSigmoid()
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        var w = Rand(3, 4);
        GradCheck.Check(x => x[0].tanh() * w, new[] { Rand(3, 4) });
        GradCheck.Check(x => x[0].sigmoid() * w, new[] { Rand(3, 4) });
    }

    [Fact]
    public void Softmax()
    {
        using var scope = NewDisposeScope();
        manual_seed(14);
        var w = Rand(3, 5);
        GradCheck.Check(x => x[0].softmax(1) * w, new[] { Rand(3, 5) });
        GradCheck.Check(x => softmax(x[0], 0) * w, new[] { Rand(3, 5) });
    }

    [Fact]
    public void LogSoftmax()
    {
        using var scope = NewDisposeScope();
        manual_seed(15);
        var w = Rand(3, 5);
        GradCheck.Check(x => x[0].log_softmax(1) * w, new[] { Rand(3, 5) });
        GradCheck.Check(x => log_softmax(x[0], 0) * w, new[] { Rand(3, 5) });
    }

    [Fact]
    public void CatAndStack()
    {
        using var scope = NewDisposeScope();
        manual_seed(16);
        var wc = Rand(2, 5);
        GradCheck.Check(x => cat(new[] { x[0], x[1] }, 1) * wc, new[] { Rand(2, 3), Rand(2, 2) });
        var wc0 = Rand(5, 2);
        GradCheck.Check(x => cat(new[] { x[0], x[1] }, 0) * wc0, new[] { Rand(3, 2), Rand(2, 2) });
        var ws = Rand(2, 3, 4);
        GradCheck.Check(x => stack(new[] { x[0], x[1] }, 0) * ws, new[] { Rand(3, 4), Rand(3, 4) });
        var ws1 = Rand(3, 2, 4);
        GradCheck.Check(x => stack(new[] { x[0], x[1] }, 1) * ws1, new[] { Rand(3, 4), Rand(3, 4) });
    }

    [Fact]
    public void IndexSelectWithRepeatedIndices()
    {
        using var scope = NewDisposeScope();
        manual_seed(17);
        var rows = tensor(new long[] { 2, 0, 2, 3 }); // row 2 twice, row 1 never: gradients add up / stay 0
        var w = Rand(4, 3);
        GradCheck.Check(x => x[0].index_select(0, rows) * w, new[] { Rand(4, 3) });
        var cols = tensor(new long[] { 1, 1 });
        var wc = Rand(4, 2);
        GradCheck.Check(x => index_select(x[0], 1, cols) * wc, new[] { Rand(4, 3) });
    }

    [Fact]
    public void Gather()
    {
        using var scope = NewDisposeScope();
        manual_seed(18);
        var index = tensor(new long[] { 0, 0, 2, 1, 3, 3 }, new long[] { 3, 2 });
        var w = Rand(3, 2);
        GradCheck.Check(x => x[0].gather(1, index) * w, new[] { Rand(3, 4) });
    }

    [Fact]
    public void Where()
    {
        using var scope = NewDisposeScope();
        manual_seed(19);
        var condition = tensor(new[] { true, false, false, true, true, false }, new long[] { 2, 3 });
        var w = Rand(2, 3);
        GradCheck.Check(x => where(condition, x[0], x[1]) * w, new[] { Rand(2, 3), Rand(2, 3) });
        // A broadcast branch.
        GradCheck.Check(x => where(condition, x[0], x[1]) * w, new[] { Rand(2, 3), Rand(3) });
    }

    [Fact]
    public void PowWithATensorExponentAndAPositiveBase()
    {
        using var scope = NewDisposeScope();
        manual_seed(20);
        var w = Rand(2, 3);
        // d/db b^e = e·b^(e−1), d/de b^e = b^e·ln b: both checked.
        GradCheck.Check(x => x[0].pow(x[1]) * w, new[] { Uniform(0.5, 2.0, 2, 3), Rand(2, 3) });
        GradCheck.Check(x => pow(x[0], x[1]) * w, new[] { Uniform(0.5, 2.0, 2, 3), Rand(3) });
    }

    [Fact]
    public void PowWithAScalarExponent()
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        var w = Rand(2, 3);
        GradCheck.Check(x => x[0].pow(3) * w, new[] { Rand(2, 3) });
        GradCheck.Check(x => x[0].pow(2.5) * w, new[] { Uniform(0.5, 2.0, 2, 3) });
        GradCheck.Check(x => pow(x[0], -1.5) * w, new[] { Uniform(0.5, 2.0, 2, 3) });
    }

    [Fact]
    public void SumAndMean()
    {
        using var scope = NewDisposeScope();
        manual_seed(22);
        GradCheck.Check(x => x[0].sum(), new[] { Rand(3, 4) });
        GradCheck.Check(x => x[0].mean() * 3.0, new[] { Rand(3, 4) });
        var w3 = Rand(3);
        GradCheck.Check(x => x[0].sum(1) * w3, new[] { Rand(3, 4) });
        var w4 = Rand(1, 4);
        GradCheck.Check(x => x[0].mean(0, keepdim: true) * w4, new[] { Rand(3, 4) });
        var w2 = Rand(2);
        GradCheck.Check(x => x[0].sum(new long[] { 1, 2 }) * w2, new[] { Rand(2, 3, 4) });
        var w3b = Rand(3);
        GradCheck.Check(x => x[0].mean(new long[] { 0, 2 }) * w3b, new[] { Rand(2, 3, 4) });
    }

    [Fact]
    public void ComposedNetworkExpression()
    {
        using var scope = NewDisposeScope();
        manual_seed(23);
        var r = Rand(4, 3);
        // log_softmax(tanh(x @ W + b)) weighted by a fixed random tensor: inputs x, W and b all checked.
        GradCheck.Check(p => (p[0].matmul(p[1]) + p[2]).tanh().log_softmax(1) * r,
            new[] { Rand(4, 5), Rand(5, 3), Rand(3) });
    }

    [Fact]
    public void ExpLogAndSqrt()
    {
        using var scope = NewDisposeScope();
        manual_seed(24);
        var w = Rand(2, 3);
        GradCheck.Check(x => x[0].exp() * w, new[] { Rand(2, 3) });
        GradCheck.Check(x => x[0].log() * w, new[] { Uniform(0.3, 3.0, 2, 3) });
        GradCheck.Check(x => sqrt(x[0]) * w, new[] { Uniform(0.3, 3.0, 2, 3) });
    }

    [Fact]
    public void ReluAwayFromZero()
    {
        using var scope = NewDisposeScope();
        manual_seed(25);
        var w = Rand(2, 3);
        var x0 = tensor(new double[] { -1.3, 0.4, -0.2, 2.1, 0.7, -0.9 }, new long[] { 2, 3 });
        GradCheck.Check(x => x[0].relu() * w, new[] { x0 });
    }

    [Fact]
    public void MulAndDivBroadcasting()
    {
        using var scope = NewDisposeScope();
        manual_seed(26);
        var w = Rand(3, 4);
        GradCheck.Check(x => x[0] * x[1] * w, new[] { Rand(3, 4), Rand(4) });
        GradCheck.Check(x => x[0] / x[1] * w, new[] { Rand(3, 1), Uniform(0.5, 2.0, 1, 4) });
        GradCheck.Check(x => (2.0 / x[0]) * w, new[] { Uniform(0.5, 2.0, 3, 4) });
    }

    [Fact]
    public void ViewsAndIndexing()
    {
        using var scope = NewDisposeScope();
        manual_seed(27);
        var wt = Rand(4, 3);
        GradCheck.Check(x => x[0].transpose(0, 1) * wt, new[] { Rand(3, 4) });
        var wr = Rand(2, 6);
        GradCheck.Check(x => x[0].reshape(2, 6) * wr, new[] { Rand(3, 4) });
        var wn = Rand(3, 2);
        GradCheck.Check(x => x[0].narrow(1, 1, 2) * wn, new[] { Rand(3, 4) });
        var ws = Rand(4);
        GradCheck.Check(x => x[0].select(0, 2) * ws, new[] { Rand(3, 4) });
        var wi = Rand(2);
        GradCheck.Check(x => x[0][TensorIndex.Slice(1, 3), TensorIndex.Single(-1)] * wi, new[] { Rand(3, 4) });
        var we = Rand(3, 2);
        GradCheck.Check(x => x[0][TensorIndex.Ellipsis, TensorIndex.Slice(null, null, 2)] * we, new[] { Rand(3, 4) });
        // Advanced indexing with a repeated index (index backward accumulates).
        var rows = tensor(new long[] { 0, 2, 0 });
        var wa = Rand(3, 4);
        GradCheck.Check(x => x[0][TensorIndex.Tensor(rows)] * wa, new[] { Rand(3, 4) });
        var mask = tensor(new[] { true, false, true, true }, new long[] { 2, 2 });
        var wm = Rand(3);
        GradCheck.Check(x => x[0][mask] * wm, new[] { Rand(2, 2) });
    }

    [Fact]
    public void ClampAwayFromTheBounds()
    {
        using var scope = NewDisposeScope();
        manual_seed(28);
        var w = Rand(2, 4);
        var x0 = tensor(new double[] { -1.5, -0.3, 0.2, 0.9, 1.7, -0.8, 0.45, 2.5 }, new long[] { 2, 4 });
        GradCheck.Check(x => x[0].clamp(-0.5, 1.0) * w, new[] { x0 });
        GradCheck.Check(x => clamp(x[0], min: 0.0) * w, new[] { x0 });
        GradCheck.Check(x => x[0].clamp(max: 0.5) * w, new[] { x0 });
    }

    [Fact]
    public void NormAndStd()
    {
        using var scope = NewDisposeScope();
        manual_seed(29);
        GradCheck.Check(x => x[0].norm(), new[] { Rand(3, 4) });
        var w3 = Rand(3);
        GradCheck.Check(x => x[0].norm(1, p: 3) * w3, new[] { Rand(3, 4) });
        GradCheck.Check(x => x[0].std(), new[] { Rand(3, 4) });
        var w4 = Rand(4);
        GradCheck.Check(x => x[0].std(0, unbiased: false) * w4, new[] { Rand(3, 4) });
    }

    [Fact]
    public void MaxAlongADimension()
    {
        using var scope = NewDisposeScope();
        manual_seed(30);
        var w = Rand(3);
        // Continuous random values have no ties, so the max is differentiable there.
        GradCheck.Check(x => x[0].max(1).values * w, new[] { Rand(3, 5) });
        GradCheck.Check(x => x[0].max(), new[] { Rand(3, 5) });
    }

    [Fact]
    public void MaskedFill()
    {
        using var scope = NewDisposeScope();
        manual_seed(31);
        var mask = tensor(new[] { false, true, true, false, false, true }, new long[] { 2, 3 });
        var w = Rand(2, 3);
        GradCheck.Check(x => x[0].masked_fill(mask, 0.5) * w, new[] { Rand(2, 3) });
    }

    [Fact]
    public void GradCheckCatchesAWrongGradient()
    {
        // The oracle itself must be able to fail: a function whose autograd gradient is deliberately cut
        // (detach) disagrees with its finite differences.
        using var scope = NewDisposeScope();
        manual_seed(32);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            GradCheck.Check(x => x[0].detach() * x[0], new[] { Rand(3) }));
    }
}
