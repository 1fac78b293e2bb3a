using System.Diagnostics;
using System.Globalization;
using static RnnTorch.torch;

namespace RnnTorch.Cli;

/// <summary>
/// A tiny Elman RNN, written from tensor ops, learns to predict the next value of a noisy sine wave:
/// h_t = tanh(x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh), y_t = h_t W_hyᵀ + b_hy, trained by backpropagation through time
/// with plain SGD. Prints the loss falling.
/// </summary>
internal static class Demo
{
    public static int Run(string[] args)
    {
        int steps = 300, hidden = 32;
        long seed = 42;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            bool ok = args[i] switch
            {
                "--steps" => int.TryParse(value, CultureInfo.InvariantCulture, out steps) && steps > 0,
                "--hidden" => int.TryParse(value, CultureInfo.InvariantCulture, out hidden) && hidden > 0,
                "--seed" => long.TryParse(value, CultureInfo.InvariantCulture, out seed),
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine($"rnn-torch demo: bad argument '{args[i]}{(value is null ? "" : " " + value)}' (expected --steps N, --hidden H, --seed S with N, H > 0)");
                return 2;
            }
            i++;
        }

        // ---- data: noisy sine waves, the task is to predict x_{t+1} from x_0..x_t -------------------------
        manual_seed(seed);
        const int batch = 32, time = 40;
        using var phase = rand(batch, 1) * (2 * Math.PI);
        using var t = arange(0, time + 1, dtype: ScalarType.Float32).unsqueeze(0);
        using var clean = (t * 0.3 + phase).sin();
        using var wave = clean + randn(batch, time + 1) * 0.05;
        using var inputs = wave[TensorIndex.Slice(), TensorIndex.Slice(0, time)].unsqueeze(-1);   // (N, L, 1)
        using var targets = wave[TensorIndex.Slice(), TensorIndex.Slice(1, time + 1)].unsqueeze(-1); // (N, L, 1)

        // ---- parameters, PyTorch's default initialisation U(-1/sqrt(H), 1/sqrt(H)) ---------------------------
        double k = 1 / Math.Sqrt(hidden);
        var parameters = new[]
        {
            empty(hidden, 1).uniform_(-k, k).requires_grad_(),      // W_ih
            empty(hidden, hidden).uniform_(-k, k).requires_grad_(), // W_hh
            empty(hidden).uniform_(-k, k).requires_grad_(),         // b (b_ih + b_hh folded)
            empty(1, hidden).uniform_(-k, k).requires_grad_(),      // W_hy
            zeros(1).requires_grad_(),                              // b_hy
        };
        var (wIh, wHh, b, wHy, bHy) = (parameters[0], parameters[1], parameters[2], parameters[3], parameters[4]);

        Console.WriteLine($"rnn-torch demo: Elman RNN (hidden {hidden}) learns the next value of a noisy sine wave");
        Console.WriteLine($"libtorch {__version__}, {get_num_threads()} threads; {blas_info()}");
        var clock = Stopwatch.StartNew();
        double first = double.NaN, last = double.NaN;
        const double lr = 0.1;
        for (int step = 1; step <= steps; step++)
        {
            using var scope = NewDisposeScope();

            // forward: unroll over time, one input projection for all steps
            var projected = inputs.matmul(wIh.t()) + b;              // (N, L, H)
            var h = zeros(batch, hidden);
            var outputs = new List<Tensor>(time);
            foreach (var xt in projected.unbind(1))
            {
                h = (xt + h.matmul(wHh.t())).tanh();
                outputs.Add(h);
            }
            var y = stack(outputs, 1).matmul(wHy.t()) + bHy;          // (N, L, 1)
            var loss = (y - targets).square().mean();

            // backward and SGD step
            foreach (var p in parameters) p.grad = null;
            loss.backward();
            using (no_grad())
            {
                foreach (var p in parameters)
                {
                    using var g = p.grad!;
                    p.sub_(g, alpha: lr);
                }
            }

            double value = loss.item<double>();
            if (!double.IsFinite(value))
            {
                Console.Error.WriteLine($"rnn-torch demo: loss became {value} at step {step}; stopping.");
                return 1;
            }
            if (step == 1) first = value;
            last = value;
            if (step == 1 || step % Math.Max(1, steps / 10) == 0)
                Console.WriteLine($"step {step,5}  loss {value:F5}");
        }
        foreach (var p in parameters) p.Dispose();
        Console.WriteLine($"loss {first:F4} -> {last:F4} in {steps} steps, {clock.Elapsed.TotalSeconds:F1} s");
        return last < first ? 0 : 1;
    }
}
