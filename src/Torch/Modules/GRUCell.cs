using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>One GRU step on libtorch's kernel (gates reset, update, new, as <see cref="GRU"/>).</summary>
/// <remarks>Shapes: input (N, H_in) or (H_in); hx and the result (N, H_out) or (H_out); hx zeros when null.</remarks>
public sealed class GRUCell : Module<Tensor, Tensor?, Tensor>
{
    private readonly CellCore core;

    internal GRUCell(long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype) : base(nameof(GRUCell))
    {
        core = new CellCore(this, RecurrentMode.Gru, inputSize, hiddenSize, bias, device, dtype);
    }

    /// <summary>One step from <paramref name="h0"/> (zeros when null).</summary>
    public override Tensor forward(Tensor input, Tensor? h0) => core.Step(input, h0, null).h;

    /// <summary>One step from a zero state.</summary>
    public Tensor forward(Tensor input) => forward(input, null);
}
