using static RnnTorch.torch;
using static RnnTorch.torch.nn;
using static RnnTorch.torch.nn.init;

namespace RnnTorch.Tests;

/// <summary>
/// torch.nn.init against the bounds and standard deviations of the published schemes (Glorot and Bengio 2010,
/// He et al. 2015, Saxe et al. 2014), with fans computed in the test from the shape; in place, without autograd.
/// </summary>
public sealed class InitTests
{
    private static double[] Values(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    private static double Std(double[] v)
    {
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }

    /// <summary>Asserts every value lies in [−bound, bound] and the largest magnitude comes close to it.</summary>
    private static void AssertUniformBound(double[] v, double bound)
    {
        double max = v.Select(Math.Abs).Max();
        Assert.True(max <= bound, $"max |value| {max} exceeds the bound {bound}");
        Assert.True(max >= 0.95 * bound, $"max |value| {max} is far below the bound {bound}");
    }

    [Fact]
    public void CalculateGainFollowsPyTorchsTable()
    {
        Assert.Equal(1.0, calculate_gain(NonlinearityType.Linear), 12);
        Assert.Equal(1.0, calculate_gain(NonlinearityType.Conv2D), 12);
        Assert.Equal(1.0, calculate_gain(NonlinearityType.ConvTranspose3D), 12);
        Assert.Equal(1.0, calculate_gain(NonlinearityType.Sigmoid), 12);
        Assert.Equal(5.0 / 3.0, calculate_gain(NonlinearityType.Tanh), 12);
        Assert.Equal(Math.Sqrt(2), calculate_gain(NonlinearityType.ReLU), 12);
        // Leaky ReLU: √(2 / (1 + a²)), a = 0.01 by default.
        Assert.Equal(Math.Sqrt(2 / (1 + 0.01 * 0.01)), calculate_gain(NonlinearityType.LeakyReLU), 12);
        Assert.Equal(Math.Sqrt(2 / (1 + 0.2 * 0.2)), calculate_gain(NonlinearityType.LeakyReLU, 0.2), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => calculate_gain((NonlinearityType)42));
    }

    [Fact]
    public void XavierUniformBound()
    {
        using var scope = NewDisposeScope();
        var w = empty(new long[] { 30, 50 }, float64);
        Assert.Same(w, xavier_uniform_(w, gain: 2.0));
        AssertUniformBound(Values(w), 2.0 * Math.Sqrt(6.0 / (50 + 30)));
        // Convolution-shaped: fan_in = 4·3·3, fan_out = 8·3·3.
        var k = empty(new long[] { 8, 4, 3, 3 }, float64);
        xavier_uniform_(k);
        AssertUniformBound(Values(k), Math.Sqrt(6.0 / (36 + 72)));
    }

    [Fact]
    public void XavierNormalStandardDeviation()
    {
        using var scope = NewDisposeScope();
        var w = empty(new long[] { 200, 300 }, float64);
        xavier_normal_(w, gain: 1.5);
        double expected = 1.5 * Math.Sqrt(2.0 / (300 + 200));
        Assert.InRange(Std(Values(w)), 0.97 * expected, 1.03 * expected);
    }

    [Fact]
    public void KaimingUniformBound()
    {
        using var scope = NewDisposeScope();
        // Defaults: leaky ReLU with a = 0 (gain √2), fan_in.
        var w = empty(new long[] { 40, 60 }, float64);
        kaiming_uniform_(w);
        AssertUniformBound(Values(w), Math.Sqrt(2) * Math.Sqrt(3.0 / 60));
        // a = √5 gives PyTorch's Linear default 1/√fan_in.
        kaiming_uniform_(w, a: Math.Sqrt(5));
        AssertUniformBound(Values(w), Math.Sqrt(2 / (1 + 5.0)) * Math.Sqrt(3.0 / 60));
        Assert.Equal(1 / Math.Sqrt(60), Math.Sqrt(2 / (1 + 5.0)) * Math.Sqrt(3.0 / 60), 12);
        // fan_out with tanh's gain 5/3.
        kaiming_uniform_(w, mode: FanInOut.FanOut, nonlinearity: NonlinearityType.Tanh);
        AssertUniformBound(Values(w), 5.0 / 3.0 * Math.Sqrt(3.0 / 40));
    }

    [Fact]
    public void KaimingNormalStandardDeviation()
    {
        using var scope = NewDisposeScope();
        var w = empty(new long[] { 250, 200 }, float64);
        kaiming_normal_(w, nonlinearity: NonlinearityType.ReLU);
        double expected = Math.Sqrt(2) / Math.Sqrt(200);
        Assert.InRange(Std(Values(w)), 0.97 * expected, 1.03 * expected);
        kaiming_normal_(w, mode: FanInOut.FanOut, nonlinearity: NonlinearityType.ReLU);
        expected = Math.Sqrt(2) / Math.Sqrt(250);
        Assert.InRange(Std(Values(w)), 0.97 * expected, 1.03 * expected);
    }

    /// <summary>The (cols × cols) Gram matrix AᵀA of a row-major (rows × cols) matrix.</summary>
    private static double[,] Gram(double[] a, int rows, int cols)
    {
        var g = new double[cols, cols];
        for (int i = 0; i < cols; i++)
        for (int j = 0; j < cols; j++)
        for (int r = 0; r < rows; r++)
            g[i, j] += a[r * cols + i] * a[r * cols + j];
        return g;
    }

    private static void AssertScaledIdentity(double[,] g, double scale, double tol)
    {
        for (int i = 0; i < g.GetLength(0); i++)
        for (int j = 0; j < g.GetLength(1); j++)
            Assert.True(Math.Abs(g[i, j] - (i == j ? scale : 0.0)) <= tol, $"entry ({i}, {j}) = {g[i, j]}");
    }

    [Fact]
    public void OrthogonalGivesOrthonormalColumnsOrRows()
    {
        using var scope = NewDisposeScope();
        // Tall: the 4 columns are orthonormal, WᵀW = I.
        var tall = empty(new long[] { 6, 4 }, float64);
        orthogonal_(tall);
        AssertScaledIdentity(Gram(Values(tall), 6, 4), 1.0, 1e-5);
        // Wide: the 4 rows are orthonormal, WWᵀ = I (the Gram matrix of Wᵀ).
        var wide = empty(new long[] { 4, 6 }, float64);
        orthogonal_(wide);
        var wt = Values(wide.t().contiguous());
        AssertScaledIdentity(Gram(wt, 6, 4), 1.0, 1e-5);
        // gain g: WᵀW = g²I.
        var square = empty(new long[] { 5, 5 }, float64);
        orthogonal_(square, gain: 2.0);
        AssertScaledIdentity(Gram(Values(square), 5, 5), 4.0, 1e-5);
    }

    [Fact]
    public void ConstantZerosOnesUniformNormal()
    {
        using var scope = NewDisposeScope();
        var t = empty(new long[] { 3, 4 }, float64);
        Assert.Same(t, constant_(t, 2.5));
        Assert.All(Values(t), v => Assert.Equal(2.5, v));
        Assert.Same(t, zeros_(t));
        Assert.All(Values(t), v => Assert.Equal(0.0, v));
        Assert.Same(t, ones_(t));
        Assert.All(Values(t), v => Assert.Equal(1.0, v));
        var i = empty(new long[] { 4 }, int64);
        constant_(i, 7);
        Assert.Equal(new long[] { 7, 7, 7, 7 }, i.data<long>().ToArray());

        var u = empty(new long[] { 20000 }, float64);
        Assert.Same(u, uniform_(u, -3, 5));
        var uv = Values(u);
        Assert.True(uv.Min() >= -3 && uv.Max() < 5);
        Assert.InRange(uv.Average(), 0.9, 1.1);         // mean 1, standard error 0.016
        Assert.Same(u, normal_(u, 2, 0.5));
        var nv = Values(u);
        Assert.InRange(nv.Average(), 1.97, 2.03);       // standard error 0.0035
        Assert.InRange(Std(nv), 0.485, 0.515);
    }

    [Fact]
    public void InitialisersKeepLeavesAndRecordNoGradient()
    {
        using var scope = NewDisposeScope();
        var initialisers = new Func<Tensor, Tensor>[]
        {
            t => uniform_(t), t => normal_(t), t => constant_(t, 0.5), t => zeros_(t), t => ones_(t),
            t => xavier_uniform_(t), t => xavier_normal_(t), t => kaiming_uniform_(t), t => kaiming_normal_(t), t => orthogonal_(t),
        };
        foreach (var initialise in initialisers)
        {
            var w = empty(new long[] { 3, 4 }, float64, requires_grad: true);
            Assert.True(is_grad_enabled());
            Assert.Same(w, initialise(w));
            Assert.True(w.is_leaf);
            Assert.True(w.requires_grad);
            Assert.Null(w.grad);
            // Still a usable leaf: a backward pass reaches it with d(sum 3w)/dw = 3.
            (w * 3.0).sum().backward();
            Assert.All(Values(w.grad!), v => Assert.Equal(3.0, v));
        }
    }

    [Fact]
    public void FanBasedInitialisersNeedTwoDimensions()
    {
        using var scope = NewDisposeScope();
        var v = empty(new long[] { 5 }, float64);
        Assert.Throws<TorchException>(() => xavier_uniform_(v));
        Assert.Throws<TorchException>(() => kaiming_normal_(v));
        Assert.Throws<TorchException>(() => orthogonal_(v));
        Assert.Throws<ArgumentNullException>(() => zeros_(null!));
    }
}
