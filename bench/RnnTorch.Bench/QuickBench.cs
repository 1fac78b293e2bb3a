using System.Diagnostics;
using System.Globalization;
using static RnnTorch.torch;

namespace RnnTorch.Bench;

/// <summary>
/// <c>--quick</c>: the two measurements of <see cref="OpBenchmarks"/> with a plain Stopwatch loop, printed in the
/// format of bench/python/bench_ops.py (best of R rounds, each about S / R seconds long).
/// </summary>
public static class QuickBench
{
    public static int Run(string[] args)
    {
        int threads = 0, rounds = 5;
        double seconds = 2.0;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: --quick [--threads N] [--rounds R] [--seconds S]");
                    return 2;
            }
        }

        if (threads > 0)
        {
            torch.set_num_threads(threads);
        }
        using var a = torch.randn(new long[] { 1 });
        using var b = torch.randn(new long[] { 1 });
        using var x = torch.randn(new long[] { OpBenchmarks.MatmulSize, OpBenchmarks.MatmulSize });
        using var y = torch.randn(new long[] { OpBenchmarks.MatmulSize, OpBenchmarks.MatmulSize });

        Console.WriteLine($"impl:      C# .NET {Environment.Version}, rnn-torch, torch {torch.__version__}");
        Console.WriteLine($"threads:   {torch.get_num_threads()}");
        Console.WriteLine($"blas:      {BlasDescription()}");
        Console.WriteLine($"coretype:  OPENBLAS_CORETYPE={Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") ?? "(unset)"}");
        Console.WriteLine($"blas_info: {torch.blas_info()}");

        var (ns, iters) = BestNsPerOp(() => { using var c = a + b; }, rounds, seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TinyAdd:   {ns:F1} ns/op (best of {rounds} rounds x {iters})"));

        (ns, iters) = BestNsPerOp(() => { using var c = x.matmul(y); }, rounds, seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Matmul512: {OpBenchmarks.Matmul512Flops / ns:F1} GFLOP/s ({ns / 1e6:F3} ms/op, best of {rounds} rounds x {iters})"));
        return 0;
    }

    /// <summary>Calibrates a loop so that one round lasts seconds / rounds; returns the best ns per call.</summary>
    private static (double Ns, long Iters) BestNsPerOp(Action op, int rounds, double seconds)
    {
        for (var i = 0; i < 3; i++)
        {
            op();
        }
        long n = 1;
        double dtNs;
        while (true)
        {
            var sw = Stopwatch.StartNew();
            for (long i = 0; i < n; i++)
            {
                op();
            }
            dtNs = sw.Elapsed.TotalNanoseconds;
            if (dtNs >= 20e6 || n >= 1 << 24)
            {
                break;
            }
            n *= 2;
        }
        var iters = Math.Max(1, (long)(n * (seconds * 1e9 / rounds) / Math.Max(dtNs, 1)));
        var best = double.PositiveInfinity;
        for (var r = 0; r < rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            for (long i = 0; i < iters; i++)
            {
                op();
            }
            best = Math.Min(best, sw.Elapsed.TotalNanoseconds / iters);
        }
        return (best, iters);
    }

    /// <summary>OpenBLAS's kernel family and build, as bench_ops.py prints them, from <c>torch.blas_info()</c>.</summary>
    public static string BlasDescription()
    {
        var info = torch.blas_info();
        return info.IsOpenBlas ? $"OpenBLAS {info.CoreName} ({info.Config})" : $"not OpenBLAS ({info.Library})";
    }
}
