using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// What RNNCell, LSTMCell and GRUCell share: parameters <c>weight_ih</c> (G·H, H_in), <c>weight_hh</c> (G·H, H),
/// <c>bias_ih</c>, <c>bias_hh</c> (G·H), initialised U(−1/√H, 1/√H); shape checks; the call into libtorch's cell kernel.
/// </summary>
internal sealed class CellCore
{
    private readonly Module owner;
    private readonly Parameter weightIh, weightHh;
    private readonly Parameter? biasIh, biasHh;

    public CellCore(Module owner, RecurrentMode mode, long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype)
    {
        ThrowHelper.ThrowIfNotPositive(inputSize);
        ThrowHelper.ThrowIfNotPositive(hiddenSize);
        this.owner = owner;
        Mode = mode;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        long gates = mode switch { RecurrentMode.Lstm => 4, RecurrentMode.Gru => 3, _ => 1 };
        double k = 1 / Math.Sqrt(hiddenSize);
        using var scope = NewDisposeScope();
        Parameter Make(long[] shape) => new(empty(shape, dtype, device).uniform_(-k, k));
        weightIh = Make(new[] { gates * hiddenSize, inputSize });
        weightHh = Make(new[] { gates * hiddenSize, hiddenSize });
        owner.register_parameter("weight_ih", weightIh);
        owner.register_parameter("weight_hh", weightHh);
        if (bias)
        {
            biasIh = Make(new[] { gates * hiddenSize });
            biasHh = Make(new[] { gates * hiddenSize });
        }
        owner.register_parameter("bias_ih", biasIh);
        owner.register_parameter("bias_hh", biasHh);
    }

    public RecurrentMode Mode { get; }
    public long InputSize { get; }
    public long HiddenSize { get; }

    /// <summary>One step: input (N, H_in) or (H_in); states (N, H) or (H), zeros when null.</summary>
    public unsafe (Tensor h, Tensor? c) Step(Tensor input, Tensor? hx, Tensor? cx)
    {
        ThrowHelper.ThrowIfNull(input);
        string name = owner.GetName();
        long dim = input.dim();
        if (dim is not (1 or 2) || input.size(-1) != InputSize)
            throw new ArgumentException($"{name}: expected input of shape (N, {InputSize}) or ({InputSize}), but got ({string.Join(", ", input.shape)}).", nameof(input));
        bool unbatched = dim == 1;
        using var scope = NewDisposeScope();
        var x = unbatched ? input.unsqueeze(0) : input;
        var expected = new[] { x.size(0), HiddenSize };
        Tensor State(Tensor? given, string what)
        {
            if (given is null) return zeros(expected, x.dtype, x.device);
            var s = unbatched ? given.unsqueeze(0) : given;
            if (!s.shape.SequenceEqual(expected))
                throw new ArgumentException($"{name}: expected {what} of shape ({string.Join(", ", unbatched ? new[] { HiddenSize } : expected)}), but got ({string.Join(", ", given.shape)}).", what);
            return s;
        }
        var h0 = State(hx, "hx");
        var c0 = Mode == RecurrentMode.Lstm ? State(cx, "cx") : null;
        IntPtr h, c;
        int rc = Native.NativeMethods.rt_rnn_cell((int)Mode, x.Handle, h0.Handle, c0?.Handle ?? IntPtr.Zero, weightIh.Handle, weightHh.Handle,
            biasIh?.Handle ?? IntPtr.Zero, biasHh?.Handle ?? IntPtr.Zero, &h, &c);
        GC.KeepAlive(x);
        GC.KeepAlive(h0);
        GC.KeepAlive(c0);
        Native.NativeMethods.Check(rc);
        var hOut = new Tensor(h);
        var cOut = c == IntPtr.Zero ? null : new Tensor(c);
        if (unbatched)
        {
            hOut = hOut.squeeze(0);
            cOut = cOut?.squeeze(0);
        }
        hOut.MoveToOuterDisposeScope();
        cOut?.MoveToOuterDisposeScope();
        return (hOut, cOut);
    }
}
