using System.Diagnostics;
using System.Globalization;
using RnnTorch.Models;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Bench;

/// <summary>
/// <c>--rnn</c>: one training step (forward, MSE loss, backward, SGD step) of the hand-rolled ElmanRnn and the built-in
/// nn.RNN side by side, from the same weights, at each (batch, time, input, hidden) shape. Rounds alternate between the
/// two so that both see the same machine; the best round of each is reported, with the ratio built-in / hand-rolled.
/// </summary>
public static class RecurrentStepBench
{
    public static readonly (int Batch, int Time, int Input, int Hidden)[] Shapes =
    {
        (32, 50, 16, 64), (64, 100, 128, 256), (64, 100, 512, 1024), (1, 200, 32, 128),
    };

    public static int Run(string[] args)
    {
        int rounds = 5, threads = 0;
        double seconds = 1.0;
        var modes = new List<ElmanBackward> { ElmanBackward.Manual };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--autograd": modes.Add(ElmanBackward.Autograd); break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: --rnn [--rounds R] [--seconds S] [--threads N] [--autograd]");
                    return 2;
            }
        }
        if (threads > 0) set_num_threads(threads);
        Console.WriteLine($"rnn-torch {__version__}, {get_num_threads()} threads, {blas_info()}");
        Console.WriteLine("training step = zero_grad, forward, MSE loss, backward, SGD step; ms per step (best round)");
        Console.WriteLine($"| (batch, time, input, hidden) | nn.RNN | {string.Join(" | ", modes.Select(m => $"ElmanRnn ({m})"))} | {string.Join(" | ", modes.Select(m => $"speed-up ({m})"))} |");
        Console.WriteLine($"|---|---:|{string.Concat(modes.Select(_ => "---:|"))}{string.Concat(modes.Select(_ => "---:|"))}");
        foreach (var shape in Shapes)
        {
            manual_seed(1);
            using var builtIn = RNN(shape.Input, shape.Hidden, batchFirst: true);
            var hands = modes.Select(m => new ElmanRnn(shape.Input, shape.Hidden, batchFirst: true, backward: m)).ToList();
            foreach (var h in hands) h.load_state_dict(builtIn.state_dict());
            using var x = randn(shape.Batch, shape.Time, shape.Input);
            using var y = randn(shape.Batch, shape.Time, shape.Hidden);
            var steps = new List<Action> { Step(builtIn, x, y, (m, v) => m.forward(v).output) };
            steps.AddRange(hands.Select(h => Step(h, x, y, (m, v) => m.forward(v).output)));
            var best = Measure(steps, rounds, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| ({shape.Batch}, {shape.Time}, {shape.Input}, {shape.Hidden}) | {best[0]:F2} | {string.Join(" | ", best.Skip(1).Select(b => b.ToString("F2", CultureInfo.InvariantCulture)))} | {string.Join(" | ", best.Skip(1).Select(b => (best[0] / b).ToString("F2", CultureInfo.InvariantCulture) + "×"))} |"));
            foreach (var h in hands) h.Dispose();
        }
        return 0;
    }

    private static Action Step<T>(T model, Tensor x, Tensor y, Func<T, Tensor, Tensor> forward) where T : Module
    {
        var opt = optim.SGD(model.parameters(), 0.01);
        return () =>
        {
            using var scope = NewDisposeScope();
            opt.zero_grad();
            var loss = functional.mse_loss(forward(model, x), y);
            loss.backward();
            opt.step();
        };
    }

    /// <summary>Alternates rounds of each step (each round about seconds / rounds long); best ms per step for each.</summary>
    private static double[] Measure(IReadOnlyList<Action> steps, int rounds, double seconds)
    {
        var iters = new int[steps.Count];
        for (int k = 0; k < steps.Count; k++)
        {
            steps[k]();
            var sw = Stopwatch.StartNew();
            steps[k]();
            iters[k] = Math.Max(1, (int)(seconds / rounds / Math.Max(sw.Elapsed.TotalSeconds, 1e-6)));
        }
        var best = Enumerable.Repeat(double.PositiveInfinity, steps.Count).ToArray();
        for (int r = 0; r < rounds; r++)
        {
            for (int k = 0; k < steps.Count; k++)
            {
                var sw = Stopwatch.StartNew();
                for (int i = 0; i < iters[k]; i++) steps[k]();
                best[k] = Math.Min(best[k], sw.Elapsed.TotalMilliseconds / iters[k]);
            }
        }
        return best;
    }
}
