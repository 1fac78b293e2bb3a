using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using static RnnTorch.torch;

namespace RnnTorch.Bench;

/// <summary>
/// Per-op overhead (<see cref="TinyAdd"/>) and BLAS throughput (<see cref="Matmul512"/>) of rnn-torch.
/// RNNTORCH_BENCH_THREADS=N sets torch.set_num_threads(N) in the benchmark process.
/// </summary>
[Config(typeof(Config))]
public class OpBenchmarks
{
    public const int MatmulSize = 512;

    /// <summary>2 * n^3 floating-point operations of an n x n by n x n matmul.</summary>
    public const double Matmul512Flops = 2.0 * MatmulSize * MatmulSize * MatmulSize;

    private Tensor _a = null!;
    private Tensor _b = null!;
    private Tensor _x = null!;
    private Tensor _y = null!;

    public sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new GflopsColumn());
    }

    [GlobalSetup]
    public void Setup()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("RNNTORCH_BENCH_THREADS"), out var threads) && threads > 0)
        {
            torch.set_num_threads(threads);
        }
        _a = torch.randn(new long[] { 1 });
        _b = torch.randn(new long[] { 1 });
        _x = torch.randn(new long[] { MatmulSize, MatmulSize });
        _y = torch.randn(new long[] { MatmulSize, MatmulSize });
        Console.WriteLine($"// rnn-torch: torch {torch.__version__}, threads {torch.get_num_threads()}, blas {QuickBench.BlasDescription()}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _a.Dispose();
        _b.Dispose();
        _x.Dispose();
        _y.Dispose();
    }

    /// <summary><c>a + b</c> on two 1-element float32 tensors, result freed: the cost of one op call.</summary>
    [Benchmark]
    public void TinyAdd()
    {
        using var c = _a + _b;
    }

    /// <summary>512 x 512 float32 matmul, result freed.</summary>
    [Benchmark]
    [Flops(Matmul512Flops)]
    public void Matmul512()
    {
        using var c = _x.matmul(_y);
    }
}

/// <summary>Marks a benchmark with its floating-point operation count, for <see cref="GflopsColumn"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FlopsAttribute(double flops) : Attribute
{
    public double Flops { get; } = flops;
}

/// <summary>GFLOP/s column: the <see cref="FlopsAttribute"/> count over the mean time.</summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => nameof(GflopsColumn);
    public string ColumnName => "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "10^9 floating-point operations per second, from the mean time";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var flops = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<FlopsAttribute>()?.Flops;
        var meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (flops is null || meanNs is null || meanNs <= 0)
        {
            return "-";
        }
        // flops per nanosecond = GFLOP/s
        return (flops.Value / meanNs.Value).ToString("F1", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}
