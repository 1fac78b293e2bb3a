using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Tests.Modules;

/// <summary>nn.Embedding: lookup, the padding row (zero and gradient-free), N(0, 1) initialisation.</summary>
public sealed class EmbeddingTests
{
    private static double[] Values(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    [Fact]
    public void LooksUpRowsOfItsWeight()
    {
        using var scope = NewDisposeScope();
        using var emb = Embedding(7, 3, dtype: float64);
        Assert.Equal(new[] { "weight" }, emb.named_parameters().Select(p => p.name).ToArray());
        Assert.Equal(new long[] { 7, 3 }, emb.weight.shape);
        var w = Values(emb.weight);
        var ids = new long[] { 6, 0, 3, 3, 1, 6 };
        var expected = ids.SelectMany(i => w.Skip((int)i * 3).Take(3)).ToArray();
        TensorAssert.Close(expected, new long[] { 2, 3, 3 }, emb.call(tensor(ids, new long[] { 2, 3 })), 0, 0);
    }

    [Fact]
    public void PaddingRowIsZeroAndGetsNoGradient()
    {
        using var scope = NewDisposeScope();
        // −2 counts from the end, as in PyTorch: row 3 of 5.
        using var emb = Embedding(5, 4, padding_idx: -2, dtype: float64);
        Assert.Equal(3L, emb.padding_idx);
        var w = Values(emb.weight);
        for (int r = 0; r < 5; r++)
        {
            var row = w.Skip(r * 4).Take(4).ToArray();
            if (r == 3) Assert.All(row, v => Assert.Equal(0.0, v));
            else Assert.Contains(row, v => v != 0.0);
        }
        var ids = tensor(new long[] { 3, 1, 3, 4 }, new long[] { 4 });
        var output = emb.call(ids);
        TensorAssert.Close(new double[4], output[0], 0, 0);
        (output * 2.0).sum().backward();
        var g = Values(emb.weight.grad!);
        var expected = new double[20];
        for (int c = 0; c < 4; c++)
        {
            expected[1 * 4 + c] = 2.0;
            expected[4 * 4 + c] = 2.0;
        }
        Assert.Equal(expected, g);
        Assert.Throws<ArgumentOutOfRangeException>(() => Embedding(5, 4, padding_idx: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Embedding(5, 4, padding_idx: -6));
    }

    [Fact]
    public void WeightIsStandardNormal()
    {
        using var emb = Embedding(1000, 20);
        var w = Values(emb.weight);
        double mean = w.Average();
        double std = Math.Sqrt(w.Sum(v => (v - mean) * (v - mean)) / (w.Length - 1));
        Assert.InRange(mean, -0.05, 0.05);
        Assert.InRange(std, 0.95, 1.05);
        Assert.Contains(w, v => Math.Abs(v) > 3);
    }
}
