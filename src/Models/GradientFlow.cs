using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// How far the gradient reaches back in time: ‖∂L/∂h_t‖₂ for every step t of a one-layer recurrent core, where L reads
/// only the LAST hidden state, L = Σ_n r·h_{L−1}⁽ⁿ⁾ (r a fixed readout, by default the unit vector 1/√H). Plotting these
/// norms against t shows the vanishing gradient of the Elman RNN (the norms shrink by orders of magnitude going back)
/// against the gated cores (LSTM, GRU), whose additive paths carry it further.
/// </summary>
/// <remarks>
/// Shapes: input (N, L, H_in) batch-first whatever the core's own layout; readout (H); the result has L entries, entry t
/// the mean over the N sequences of ‖∂L/∂h_t⁽ⁿ⁾‖₂ (each sequence's loss term depends only on its own states, so this is
/// the per-sequence gradient). For an LSTM h_t is the hidden state, not the cell state c_t. The core's weights are read,
/// never changed (works on trained models too). Implementation: the matching cell is stepped with the core's own weights
/// and a zero "probe" tensor p_t is added to each h_t; ∂L/∂p_t = ∂L/∂h_t, all taken in one <c>autograd.grad</c> call.
/// </remarks>
public static partial class GradientFlow
{
    /// <summary>The mean ‖∂L/∂h_t‖₂ for t = 0..L−1 through the core of <paramref name="layer"/> (one layer, one direction).</summary>
    /// <param name="layer">A recurrent layer with one unidirectional layer.</param>
    /// <param name="input">(N, L, H_in), the parameters' dtype.</param>
    /// <param name="readout">r (H); null: 1/√H in every entry, so that ‖∂L/∂h_{L−1}‖ = 1.</param>
    public static double[] HiddenGradientNorms(RecurrentLayer layer, Tensor input, Tensor? readout = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return HiddenGradientNorms(layer.Core, input, readout);
    }

    /// <summary>
    /// The mean ‖∂L/∂h_t‖₂ for t = 0..L−1 through <paramref name="core"/>: an <see cref="ElmanRnn"/>, or a built-in
    /// <see cref="Modules.RNN"/>, <see cref="Modules.LSTM"/> or <see cref="Modules.GRU"/>, with one layer and one direction.
    /// </summary>
    /// <param name="core">The recurrent core whose weights are measured.</param>
    /// <param name="input">(N, L, H_in), the parameters' dtype.</param>
    /// <param name="readout">r (H); null: 1/√H in every entry, so that ‖∂L/∂h_{L−1}‖ = 1.</param>
    public static double[] HiddenGradientNorms(Module core, Tensor input, Tensor? readout = null)
    {
        var cell = StepperOf(core);
        using var scope = NewDisposeScope();
        var grads = HiddenGradients(cell, input, readout);          // (L, N, H)
        using var norms = grads.pow(2).sum(2).sqrt().mean(new long[] { 1 }).to(ScalarType.Float64, CPU);
        return norms.data<double>().ToArray();
    }

    /// <summary>
    /// The same measurement on a freshly initialised core of <paramref name="kind"/> (PyTorch's default initialisation,
    /// from the global generator; seed it with <c>manual_seed</c>), input size from <paramref name="input"/>.
    /// </summary>
    /// <param name="kind">Which core.</param>
    /// <param name="input">(N, L, H_in) floating.</param>
    /// <param name="hiddenSize">H.</param>
    public static double[] HiddenGradientNorms(CoreKind kind, Tensor input, long hiddenSize)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3)
            throw new ArgumentException($"GradientFlow: expected input of shape (N, L, H_in), but got {Checks.Shape(input)}.", nameof(input));
        using var layer = new RecurrentLayer(kind, input.size(2), hiddenSize, device: input.device, dtype: input.dtype);
        return HiddenGradientNorms(layer, input);
    }

    /// <summary>∂L/∂h_t for every step: (L, N, H), with L = Σ_n r·h_{L−1}⁽ⁿ⁾.</summary>
    internal static Tensor HiddenGradients(Module core, Tensor input, Tensor? readout = null) =>
        HiddenGradients(StepperOf(core), input, readout);

    private static Tensor HiddenGradients(CellStepper cell, Tensor input, Tensor? readout)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3 || input.size(2) != cell.InputSize || input.size(1) < 1)
            throw new ArgumentException($"GradientFlow: expected input of shape (N, L ≥ 1, H_in = {cell.InputSize}), but got {Checks.Shape(input)}.", nameof(input));
        if (input.dtype != cell.DType)
            throw new ArgumentException($"GradientFlow: input has dtype {input.dtype}, but the core's parameters have dtype {cell.DType}.", nameof(input));
        if (readout is not null && (readout.dim() != 1 || readout.size(0) != cell.HiddenSize))
            throw new ArgumentException($"GradientFlow: expected readout of shape ({cell.HiddenSize}) (H), but got {Checks.Shape(readout)}.", nameof(readout));
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        long batch = input.size(0), steps = input.size(1), hidden = cell.HiddenSize;
        var r = readout?.detach().to(cell.DType, input.device) ?? full(hidden, 1 / Math.Sqrt(hidden), cell.DType, input.device);
        var x = input.detach();
        var probes = new Tensor[steps];
        Tensor h = zeros(batch, hidden, cell.DType, input.device);
        Tensor c = zeros(batch, hidden, cell.DType, input.device);
        for (long t = 0; t < steps; t++)
        {
            probes[t] = zeros(new[] { batch, hidden }, cell.DType, input.device, requires_grad: true);
            (h, c) = cell.Step(x.select(1, t), h, c);
            h = h + probes[t];
        }
        var loss = h.matmul(r).sum();
        var grads = autograd.grad(new[] { loss }, probes);
        return stack(grads.Select(g => g!).ToArray(), 0).MoveToOuterDisposeScope();
    }
}
