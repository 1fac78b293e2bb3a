using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>Gradient clipping (torch.nn.utils) against norms computed in float64 loops.</summary>
public sealed class NnUtilsTests
{
    private static readonly double[] G1 = { 0.5, -1.5, 2.0, 0.25, -3.0, 1.0 };
    private static readonly double[] G2 = { -4.0, 0.75, 0.0 };

    private static double[] Vals(Tensor t)
    {
        using var d = t.to(ScalarType.Float64, CPU);
        return d.data<double>().ToArray();
    }

    /// <summary>Two parameters with gradients G1 (2×3) and G2 (3) and one without a gradient.</summary>
    private static (nn.Parameter a, nn.Parameter b, nn.Parameter idle) Make(ScalarType dtype = ScalarType.Float64)
    {
        var a = new nn.Parameter(zeros(2, 3, dtype));
        var b = new nn.Parameter(zeros(3, dtype));
        var idle = new nn.Parameter(ones(2, dtype));
        a.grad = tensor(G1, new long[] { 2, 3 }, dtype);
        b.grad = tensor(G2, dtype);
        return (a, b, idle);
    }

    private static double Norm(double p) =>
        double.IsPositiveInfinity(p)
            ? G1.Concat(G2).Max(Math.Abs)
            : Math.Pow(G1.Concat(G2).Sum(v => Math.Pow(Math.Abs(v), p)), 1 / p);

    [Theory]
    [InlineData(2.0)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(double.PositiveInfinity)]
    public void ClipGradNormScalesToMaxNormAndReturnsTheTotal(double p)
    {
        using var scope = NewDisposeScope();
        var (a, b, idle) = Make();
        using (a) using (b) using (idle)
        {
            const double maxNorm = 1.5;
            double total = nn.utils.clip_grad_norm_(new[] { a, b, idle }, maxNorm, p);
            double expectedTotal = Norm(p);
            Assert.Equal(expectedTotal, total, 1e-12);
            double coef = maxNorm / (expectedTotal + 1e-6);
            Assert.True(coef < 1);
            TensorAssert.Close(G1.Select(v => v * coef).ToArray(), new long[] { 2, 3 }, a.grad!, 1e-12, 1e-15);
            TensorAssert.Close(G2.Select(v => v * coef).ToArray(), new long[] { 3 }, b.grad!, 1e-12, 1e-15);
            Assert.Null(idle.grad);
            // The clipped gradients now have norm max_norm (up to the 1e-6 guard): a second call finds them within the limit.
            double again = nn.utils.clip_grad_norm_(new[] { a, b }, maxNorm, p);
            Assert.Equal(maxNorm, again, 1e-5);
        }
    }

    [Fact]
    public void ClipGradNormBelowTheLimitLeavesGradientsAlone()
    {
        using var scope = NewDisposeScope();
        var (a, b, idle) = Make();
        using (a) using (b) using (idle)
        {
            double total = nn.utils.clip_grad_norm_(new[] { a, b }, 100.0);
            Assert.Equal(Norm(2), total, 1e-12);
            Assert.Equal(G1, Vals(a.grad!));
            Assert.Equal(G2, Vals(b.grad!));
        }
    }

    [Fact]
    public void ClipGradNormInFloat32()
    {
        using var scope = NewDisposeScope();
        var (a, b, idle) = Make(ScalarType.Float32);
        using (a) using (b) using (idle)
        {
            double total = nn.utils.clip_grad_norm_(new[] { a, b }, 2.0);
            Assert.Equal(Norm(2), total, 1e-5);
            var got = Vals(a.grad!).Concat(Vals(b.grad!)).ToArray();
            Assert.Equal(2.0, Math.Sqrt(got.Sum(v => v * v)), 1e-5);
            Assert.Equal(ScalarType.Float32, a.grad!.dtype);
        }
    }

    [Fact]
    public void ClipGradNormWithoutGradientsReturnsZero()
    {
        using var scope = NewDisposeScope();
        using var p = new nn.Parameter(ones(3));
        Assert.Equal(0.0, nn.utils.clip_grad_norm_(new[] { p }, 1.0));
    }

    [Fact]
    public void ClipGradNormCanRefuseNonFiniteNorms()
    {
        using var scope = NewDisposeScope();
        using var p = new nn.Parameter(zeros(2));
        p.grad = tensor(new[] { 1.0, double.PositiveInfinity });
        Assert.Throws<InvalidOperationException>(() => nn.utils.clip_grad_norm_(new[] { p }, 1.0, error_if_nonfinite: true));
        Assert.Equal(new[] { 1.0, double.PositiveInfinity }, Vals(p.grad!));
    }

    [Theory]
    [InlineData(-1.0, 2.0, "max_norm")]
    [InlineData(1.0, 0.0, "norm_type")]
    [InlineData(1.0, -2.0, "norm_type")]
    public void ClipGradNormRejectsBadArguments(double maxNorm, double normType, string name)
    {
        using var scope = NewDisposeScope();
        using var p = new nn.Parameter(zeros(2));
        Assert.Equal(name, Assert.Throws<ArgumentException>(() => nn.utils.clip_grad_norm_(new[] { p }, maxNorm, normType)).ParamName);
    }

    [Fact]
    public void ClipGradValueClampsEachElement()
    {
        using var scope = NewDisposeScope();
        var (a, b, idle) = Make();
        using (a) using (b) using (idle)
        {
            nn.utils.clip_grad_value_(new[] { a, b, idle }, 1.0);
            Assert.Equal(G1.Select(v => Math.Clamp(v, -1.0, 1.0)).ToArray(), Vals(a.grad!));
            Assert.Equal(G2.Select(v => Math.Clamp(v, -1.0, 1.0)).ToArray(), Vals(b.grad!));
            Assert.Null(idle.grad);
            Assert.Equal("clip_value", Assert.Throws<ArgumentException>(() => nn.utils.clip_grad_value_(new[] { a }, -0.5)).ParamName);
        }
    }
}
