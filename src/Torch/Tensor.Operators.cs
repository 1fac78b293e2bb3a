using RnnTorch.Native;

namespace RnnTorch;

public partial class Tensor
{
    /// <summary>Elementwise sum.</summary>
    public static Tensor operator +(Tensor left, Tensor right) => NotNull(left).Binary(BinaryOp.Add, NotNull(right));
    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Tensor left, Scalar right) => NotNull(left).Binary(BinaryOp.Add, right);
    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Scalar left, Tensor right) => NotNull(right).Binary(BinaryOp.Add, left);
    /// <summary>Elementwise difference.</summary>
    public static Tensor operator -(Tensor left, Tensor right) => NotNull(left).Binary(BinaryOp.Sub, NotNull(right));
    /// <summary>Subtracts a scalar.</summary>
    public static Tensor operator -(Tensor left, Scalar right) => NotNull(left).Binary(BinaryOp.Sub, right);
    /// <summary>A scalar minus each element.</summary>
    public static Tensor operator -(Scalar left, Tensor right) => NotNull(right).BinaryLeft(BinaryOp.Sub, left);
    /// <summary>Elementwise product.</summary>
    public static Tensor operator *(Tensor left, Tensor right) => NotNull(left).Binary(BinaryOp.Mul, NotNull(right));
    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Tensor left, Scalar right) => NotNull(left).Binary(BinaryOp.Mul, right);
    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Scalar left, Tensor right) => NotNull(right).Binary(BinaryOp.Mul, left);
    /// <summary>Elementwise true division.</summary>
    public static Tensor operator /(Tensor left, Tensor right) => NotNull(left).Binary(BinaryOp.Div, NotNull(right));
    /// <summary>Divides by a scalar.</summary>
    public static Tensor operator /(Tensor left, Scalar right) => NotNull(left).Binary(BinaryOp.Div, right);
    /// <summary>A scalar divided by each element.</summary>
    public static Tensor operator /(Scalar left, Tensor right) => NotNull(right).BinaryLeft(BinaryOp.Div, left);
    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor tensor) => NotNull(tensor).Unary(UnaryOp.Neg);

    private static Tensor NotNull(Tensor tensor, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(tensor))] string? name = null)
    {
        ThrowHelper.ThrowIfNull(tensor, name);
        return tensor;
    }
}
