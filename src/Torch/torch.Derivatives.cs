using RnnTorch.Native;

namespace RnnTorch;

public static partial class torch
{
    /// <summary>
    /// libtorch's fused derivative of tanh, for hand-written backward passes: <c>grad_output ⊙ (1 − output²)</c>, where
    /// <paramref name="output"/> = tanh(x). One kernel instead of three.
    /// </summary>
    public static Tensor tanh_backward(Tensor grad_output, Tensor output) => NotNull(grad_output).Binary(BinaryOp.TanhBackward, NotNull(output));

    /// <summary>The fused derivative of sigmoid: <c>grad_output ⊙ output ⊙ (1 − output)</c>, where output = σ(x).</summary>
    public static Tensor sigmoid_backward(Tensor grad_output, Tensor output) => NotNull(grad_output).Binary(BinaryOp.SigmoidBackward, NotNull(output));

    /// <summary>The fused derivative of relu: <c>grad_output</c> where <paramref name="output"/> &gt; 0, else 0.</summary>
    public static Tensor relu_backward(Tensor grad_output, Tensor output) => NotNull(grad_output).Binary(BinaryOp.ReluBackward, NotNull(output));
}
