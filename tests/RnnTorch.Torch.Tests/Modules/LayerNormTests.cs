using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Tests.Modules;

/// <summary>nn.LayerNorm: the formula as float64 loops, its parameters and their defaults.</summary>
public sealed class LayerNormTests
{
    private static double[] Values(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    [Fact]
    public void NormalisesTheTrailingDimensions()
    {
        using var scope = NewDisposeScope();
        using var ln = LayerNorm(new long[] { 2, 3 }, eps: 1e-3, dtype: float64);
        Assert.Equal(new[] { "weight", "bias" }, ln.named_parameters().Select(p => p.name).ToArray());
        Assert.All(Values(ln.weight!), v => Assert.Equal(1.0, v));
        Assert.All(Values(ln.bias!), v => Assert.Equal(0.0, v));
        using (no_grad())
        {
            ln.weight!.copy_(tensor(new[] { 1.0, -2.0, 0.5, 3.0, 1.5, -1.0 }, new long[] { 2, 3 }));
            ln.bias!.copy_(tensor(new[] { 0.1, 0.2, -0.3, 0.0, 1.0, -2.0 }, new long[] { 2, 3 }));
        }
        var x = randn(new long[] { 4, 2, 3 }, float64) * 5.0 - 2.0;
        var xv = Values(x);
        var w = Values(ln.weight!);
        var b = Values(ln.bias!);
        var expected = new double[24];
        for (int g = 0; g < 4; g++)
        {
            var group = xv.Skip(g * 6).Take(6).ToArray();
            double mean = group.Average();
            double var = group.Sum(v => (v - mean) * (v - mean)) / 6;   // biased, as layer norm defines it
            for (int i = 0; i < 6; i++) expected[g * 6 + i] = (group[i] - mean) / Math.Sqrt(var + 1e-3) * w[i] + b[i];
        }
        TensorAssert.Close(expected, new long[] { 4, 2, 3 }, ln.call(x), 1e-10, 1e-10);
    }

    [Fact]
    public void WithoutAffineParameters()
    {
        using var scope = NewDisposeScope();
        using var ln = LayerNorm(3, elementwise_affine: false, dtype: float64);
        Assert.Null(ln.weight);
        Assert.Null(ln.bias);
        Assert.Empty(ln.parameters());
        Assert.Equal(new long[] { 3 }, ln.normalized_shape);
        // [1, 2, 3]: mean 2, biased variance 2/3.
        double s = Math.Sqrt(2.0 / 3.0 + 1e-5);
        TensorAssert.Close(new[] { -1 / s, 0, 1 / s }, new long[] { 1, 3 }, ln.call(tensor(new[] { 1.0, 2.0, 3.0 }, new long[] { 1, 3 })), 1e-12, 1e-12);
        using var noBias = LayerNorm(3, bias: false);
        Assert.Equal(new[] { "weight" }, noBias.state_dict().Keys.ToArray());
    }
}
