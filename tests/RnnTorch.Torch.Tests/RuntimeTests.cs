using System.Text.RegularExpressions;
using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>Process-wide settings: version, threads, configuration reports.</summary>
[Collection(GlobalTorchStateCollection.Name)]
public sealed class RuntimeTests
{
    [Fact]
    public void VersionIsLibtorchsSemanticVersion()
    {
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+"), __version__);
    }

    [Fact]
    public void ThreadsDefaultToEveryCoreUnlessOmpNumThreadsIsSet()
    {
        var omp = Environment.GetEnvironmentVariable("OMP_NUM_THREADS");
        if (string.IsNullOrEmpty(omp))
            Assert.Equal(Environment.ProcessorCount, get_num_threads());
        else
            Assert.Equal(int.Parse(omp, System.Globalization.CultureInfo.InvariantCulture), get_num_threads());
    }

    [Fact]
    public void SetNumThreadsChangesTheCountAndParallelInfoReportsIt()
    {
        int before = get_num_threads();
        try
        {
            set_num_threads(1);
            Assert.Equal(1, get_num_threads());
            Assert.Contains("at::get_num_threads() : 1", parallel_info());
            using var a = randn(64, 64);
            using var c = a.matmul(a);
            Assert.Equal(new long[] { 64, 64 }, c.shape);
        }
        finally
        {
            set_num_threads(before);
        }
        Assert.Equal(before, get_num_threads());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void SetNumThreadsRejectsNonPositiveCounts(int n)
    {
        var e = Assert.Throws<ArgumentException>(() => set_num_threads(n));
        Assert.Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [Fact]
    public void ConfigInfoDescribesTheBuild()
    {
        var info = config_info();
        Assert.Contains("BLAS_INFO", info);
        Assert.Contains("TORCH_VERSION", info);
    }

    [Fact]
    public void RngStateRestoresTheSameRandomStream()
    {
        manual_seed(99);
        using var _ = randn(10);
        using var state = get_rng_state();
        Assert.Equal(ScalarType.Byte, state.dtype);
        using var first = randn(20);
        using var between = rand(7);
        set_rng_state(state);
        using var again = randn(20);
        Assert.Equal(first.data<float>().ToArray(), again.data<float>().ToArray());
        Assert.NotEqual(first.data<float>().ToArray(), randn(20).data<float>().ToArray());
        var wrong = Assert.Throws<ArgumentException>(() => set_rng_state(zeros(4)));
        Assert.Contains("Float32", wrong.Message);
    }
}
