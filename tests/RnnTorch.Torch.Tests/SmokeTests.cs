using static RnnTorch.torch;

namespace RnnTorch.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void AddsTwoTensorsAndReadsTheValuesBack()
    {
        using var a = tensor(new float[] { 1, 2, 3 });
        using var b = tensor(new float[] { 10, 20, 30 });
        using var c = a + b;
        Assert.Equal(new float[] { 11, 22, 33 }, c.data<float>().ToArray());
        Assert.Equal(new long[] { 3 }, c.shape);
    }

    [Fact]
    public void GradCheckPassesForTanhOfMatmul()
    {
        manual_seed(1);
        GradCheck.Check(x => x[0].matmul(x[1]).tanh(), new[] { randn(3, 4), randn(4, 2) });
    }
}
