using static RnnTorch.torch;

namespace RnnTorch.Models.Tests;

/// <summary>Small comparisons for the model tests.</summary>
internal static class TestTensors
{
    /// <summary>Asserts equal shapes and |expected − actual| ≤ <paramref name="atol"/> everywhere (compared in float64).</summary>
    public static void Close(Tensor expected, Tensor actual, double atol, string what = "")
    {
        Assert.Equal(expected.shape, actual.shape);
        var e = Values(expected);
        var a = Values(actual);
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - a[i]) <= atol, $"{what}[{i}]: expected {e[i]:R}, got {a[i]:R} (tolerance {atol})");
    }

    /// <summary>The elements as float64, row-major.</summary>
    public static double[] Values(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64, CPU);
        return d.data<double>().ToArray();
    }

    /// <summary>Standard normal numbers from <paramref name="random"/> (Box–Muller), independent of libtorch's generator.</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
