using BenchmarkDotNet.Running;

namespace RnnTorch.Bench;

/// <summary>
/// <c>./run.sh bench --quick [--threads N] [--rounds R] [--seconds S]</c>: a plain Stopwatch loop, one process,
/// the same lines as bench/python/bench_ops.py. Any other arguments go to BenchmarkDotNet, for example
/// <c>./run.sh bench --filter '*'</c> (every benchmark) or <c>./run.sh bench --filter '*Matmul512*'</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--rnn"))
        {
            return RecurrentStepBench.Run(args.Where(a => a != "--rnn").ToArray());
        }
        if (args.Contains("--quick"))
        {
            return QuickBench.Run(args.Where(a => a != "--quick").ToArray());
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
