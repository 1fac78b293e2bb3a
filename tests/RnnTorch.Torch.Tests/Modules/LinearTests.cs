using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Tests.Modules;

/// <summary>nn.Linear: the forward pass against loops of x·Wᵀ + b, PyTorch's default initialisation, its parameters.</summary>
public sealed class LinearTests
{
    private static double[] Values(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    [Fact]
    public void ForwardMatchesLoops()
    {
        using var scope = NewDisposeScope();
        using var lin = Linear(4, 3, dtype: float64);
        Assert.Equal(4, lin.in_features);
        Assert.Equal(3, lin.out_features);
        var x = randn(new long[] { 2, 5, 4 }, float64);
        var xv = Values(x);
        var w = Values(lin.weight);
        var b = Values(lin.bias!);
        var expected = new double[2 * 5 * 3];
        for (int r = 0; r < 10; r++)
        for (int o = 0; o < 3; o++)
        {
            double s = b[o];
            for (int i = 0; i < 4; i++) s += xv[r * 4 + i] * w[o * 4 + i];
            expected[r * 3 + o] = s;
        }
        TensorAssert.Close(expected, new long[] { 2, 5, 3 }, lin.call(x), 1e-12, 1e-12);
    }

    [Fact]
    public void ParametersHavePyTorchsShapesAndNames()
    {
        using var lin = Linear(7, 2);
        Assert.Equal(new[] { "weight", "bias" }, lin.named_parameters().Select(p => p.name).ToArray());
        Assert.Equal(new long[] { 2, 7 }, lin.weight.shape);
        Assert.Equal(new long[] { 2 }, lin.bias!.shape);
        Assert.Equal(ScalarType.Float32, lin.weight.dtype);
        Assert.True(lin.weight.requires_grad && lin.weight.is_leaf);
        using var noBias = Linear(7, 2, hasBias: false);
        Assert.Null(noBias.bias);
        Assert.Single(noBias.parameters());
        Assert.Throws<ArgumentException>(() => Linear(-1, 2));
    }

    [Fact]
    public void DefaultInitialisationIsUniformWithinOneOverSqrtFanIn()
    {
        using var small = Linear(9, 50);
        double bound = 1.0 / 3.0;
        Assert.All(Values(small.weight), v => Assert.InRange(v, -bound, bound));
        Assert.All(Values(small.bias!), v => Assert.InRange(v, -bound, bound));

        // U(−b, b) has standard deviation b/√3 = 1/√(3·in).
        using var large = Linear(400, 500);
        var w = Values(large.weight);
        double mean = w.Average();
        double std = Math.Sqrt(w.Sum(v => (v - mean) * (v - mean)) / (w.Length - 1));
        double expected = 1.0 / Math.Sqrt(3 * 400);
        Assert.InRange(std, 0.9 * expected, 1.1 * expected);
        Assert.InRange(w.Max(), 0.95 / Math.Sqrt(400), 1.0 / Math.Sqrt(400));
        Assert.InRange(w.Min(), -1.0 / Math.Sqrt(400), -0.95 / Math.Sqrt(400));
        var b = Values(large.bias!);
        Assert.All(b, v => Assert.InRange(v, -0.05, 0.05));
        Assert.True(b.Max() > 0.04 && b.Min() < -0.04, "bias samples should spread over U(−1/√in, 1/√in)");
    }

    [Fact]
    public void WeightCanBeReplaced()
    {
        using var scope = NewDisposeScope();
        using var lin = Linear(2, 2, dtype: float64);
        var w = new Parameter(tensor(new[] { 1.0, 2.0, 3.0, 4.0 }, new long[] { 2, 2 }));
        lin.weight = w;
        lin.bias = null;
        Assert.Same(w, lin.parameters().Single());
        Assert.Equal(new[] { "weight" }, lin.state_dict().Keys.ToArray());
        // [1, 1]·Wᵀ = [1 + 2, 3 + 4].
        TensorAssert.Close(new[] { 3.0, 7.0 }, new long[] { 1, 2 }, lin.call(ones(1, 2, float64)), 0, 0);
    }
}
