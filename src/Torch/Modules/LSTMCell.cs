using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>One LSTM step on libtorch's kernel (gates input, forget, cell, output, as <see cref="LSTM"/>).</summary>
/// <remarks>Shapes: input (N, H_in) or (H_in); h, c and the results (N, H_out) or (H_out); zeros when null.</remarks>
public sealed class LSTMCell : Module<Tensor, (Tensor h0, Tensor c0)?, (Tensor h, Tensor c)>
{
    private readonly CellCore core;

    internal LSTMCell(long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype) : base(nameof(LSTMCell))
    {
        core = new CellCore(this, RecurrentMode.Lstm, inputSize, hiddenSize, bias, device, dtype);
    }

    /// <summary>One step from (h0, c0) (zeros when null).</summary>
    public override (Tensor h, Tensor c) forward(Tensor input, (Tensor h0, Tensor c0)? state)
    {
        var (h, c) = core.Step(input, state?.h0, state?.c0);
        return (h, c!);
    }

    /// <summary>One step from a zero state.</summary>
    public (Tensor h, Tensor c) forward(Tensor input) => forward(input, null);
}
