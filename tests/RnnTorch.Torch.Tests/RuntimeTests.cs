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
}
