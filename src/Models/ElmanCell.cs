using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// The hand-rolled Elman cell: h' = φ(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh), φ = tanh or relu, written from tensor ops.
/// Parameters as <c>nn.RNNCell</c>'s: <c>weight_ih</c> (H, H_in), <c>weight_hh</c> (H, H), <c>bias_ih</c>, <c>bias_hh</c> (H),
/// initialised U(−1/√H, 1/√H), so a state dict moves between the two.
/// </summary>
/// <remarks>Shapes: x (N, H_in) or (H_in); h and the result (N, H) or (H); h zeros when null.</remarks>
public sealed class ElmanCell : Module<Tensor, Tensor?, Tensor>
{
    /// <summary>Creates a cell with its own parameters.</summary>
    public ElmanCell(long inputSize, long hiddenSize, NonLinearities nonLinearity = NonLinearities.Tanh, bool bias = true,
        Device? device = null, ScalarType? dtype = null) : base(nameof(ElmanCell))
    {
        if (inputSize <= 0) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "inputSize must be positive.");
        if (hiddenSize <= 0) throw new ArgumentOutOfRangeException(nameof(hiddenSize), hiddenSize, "hiddenSize must be positive.");
        if (!Enum.IsDefined(nonLinearity)) throw new ArgumentOutOfRangeException(nameof(nonLinearity), nonLinearity, "not a non-linearity.");
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NonLinearity = nonLinearity;
        double k = 1 / Math.Sqrt(hiddenSize);
        using var scope = NewDisposeScope();
        weight_ih = new Parameter(empty(new[] { hiddenSize, inputSize }, dtype, device).uniform_(-k, k));
        weight_hh = new Parameter(empty(new[] { hiddenSize, hiddenSize }, dtype, device).uniform_(-k, k));
        if (bias)
        {
            bias_ih = new Parameter(empty(new[] { hiddenSize }, dtype, device).uniform_(-k, k));
            bias_hh = new Parameter(empty(new[] { hiddenSize }, dtype, device).uniform_(-k, k));
        }
        register_parameter(nameof(weight_ih), weight_ih);
        register_parameter(nameof(weight_hh), weight_hh);
        register_parameter(nameof(bias_ih), bias_ih);
        register_parameter(nameof(bias_hh), bias_hh);
    }

    /// <summary>W_ih (H, H_in).</summary>
    public Parameter weight_ih { get; }
    /// <summary>W_hh (H, H).</summary>
    public Parameter weight_hh { get; }
    /// <summary>b_ih (H), or null without bias.</summary>
    public Parameter? bias_ih { get; }
    /// <summary>b_hh (H), or null without bias.</summary>
    public Parameter? bias_hh { get; }
    /// <summary>H_in.</summary>
    public long InputSize { get; }
    /// <summary>H.</summary>
    public long HiddenSize { get; }
    /// <summary>φ.</summary>
    public NonLinearities NonLinearity { get; }

    /// <summary>One step from <paramref name="h"/> (zeros when null).</summary>
    public override Tensor forward(Tensor x, Tensor? h)
    {
        ArgumentNullException.ThrowIfNull(x);
        long dim = x.dim();
        if (dim is not (1 or 2) || x.size(-1) != InputSize)
            throw new ArgumentException($"ElmanCell: expected input of shape (N, {InputSize}) or ({InputSize}), but got ({string.Join(", ", x.shape)}).", nameof(x));
        using var scope = NewDisposeScope();
        var input = dim == 1 ? x.unsqueeze(0) : x;
        var expected = new[] { input.size(0), HiddenSize };
        var state = h is null ? zeros(expected, x.dtype, x.device) : dim == 1 ? h.unsqueeze(0) : h;
        if (!state.shape.SequenceEqual(expected))
            throw new ArgumentException($"ElmanCell: expected hidden state of shape ({string.Join(", ", dim == 1 ? new[] { HiddenSize } : expected)}), but got ({string.Join(", ", h!.shape)}).", nameof(h));
        var pre = functional.linear(input, weight_ih, bias_ih) + functional.linear(state, weight_hh, bias_hh);
        var result = NonLinearity == NonLinearities.Tanh ? pre.tanh() : pre.relu();
        if (dim == 1) result = result.squeeze(0);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>One step from a zero state.</summary>
    public Tensor forward(Tensor x) => forward(x, null);

    /// <summary>
    /// The recurrent half of a step, for layers that project every step's input at once:
    /// φ(<paramref name="projected"/> + h W_hhᵀ), where projected = x W_ihᵀ + b_ih + b_hh.
    /// </summary>
    public Tensor Recur(Tensor projected, Tensor h) => Recur(projected, h, weight_hh, NonLinearity);

    internal static Tensor Recur(Tensor projected, Tensor h, Tensor weightHh, NonLinearities nonLinearity)
    {
        using var pre = projected.addmm(h, weightHh.t());
        return nonLinearity == NonLinearities.Tanh ? pre.tanh() : pre.relu();
    }
}
