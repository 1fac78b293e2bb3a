using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>One Elman step on libtorch's kernel: h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh) (or relu).</summary>
/// <remarks>Shapes: input (N, H_in) or (H_in); hx and the result (N, H_out) or (H_out); hx zeros when null.</remarks>
public sealed class RNNCell : Module<Tensor, Tensor?, Tensor>
{
    private readonly CellCore core;

    internal RNNCell(long inputSize, long hiddenSize, NonLinearities nonLinearity, bool bias, Device? device, ScalarType? dtype) : base(nameof(RNNCell))
    {
        if (!Enum.IsDefined(nonLinearity)) ThrowHelper.ThrowOutOfRange(nameof(nonLinearity), nonLinearity, "is not a non-linearity.");
        core = new CellCore(this, nonLinearity == NonLinearities.Tanh ? RecurrentMode.RnnTanh : RecurrentMode.RnnRelu, inputSize, hiddenSize, bias, device, dtype);
    }

    /// <summary>One step from <paramref name="h0"/> (zeros when null).</summary>
    public override Tensor forward(Tensor input, Tensor? h0) => core.Step(input, h0, null).h;

    /// <summary>One step from a zero state.</summary>
    public Tensor forward(Tensor input) => forward(input, null);
}
