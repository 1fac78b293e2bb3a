using RnnTorch.Native;
using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public partial class Tensor
{
    internal unsafe Tensor Unary(UnaryOp op)
    {
        IntPtr r;
        return Wrap(rt_unary((int)op, Handle, &r), r, this);
    }

    internal unsafe Tensor Binary(BinaryOp op, Tensor other)
    {
        ThrowHelper.ThrowIfNull(other);
        IntPtr r;
        int rc = rt_binary((int)op, Handle, other.Handle, &r);
        GC.KeepAlive(other);
        return Wrap(rc, r, this);
    }

    internal unsafe Tensor Binary(BinaryOp op, Scalar other)
    {
        IntPtr r;
        return Wrap(rt_binary_scalar((int)op, Handle, other, &r), r, this);
    }

    internal unsafe Tensor BinaryLeft(BinaryOp op, Scalar left)
    {
        IntPtr r;
        return Wrap(rt_binary_scalar_left((int)op, left, Handle, &r), r, this);
    }

    /// <summary>this + alpha × other.</summary>
    public unsafe Tensor add(Tensor other, Scalar alpha)
    {
        ThrowHelper.ThrowIfNull(other);
        IntPtr r;
        int rc = rt_add_alpha(Handle, other.Handle, alpha, &r);
        GC.KeepAlive(other);
        return Wrap(rc, r, this);
    }

    /// <summary>Elementwise sum (broadcasting).</summary>
    public Tensor add(Tensor other) => Binary(BinaryOp.Add, other);
    /// <summary>Adds a scalar.</summary>
    public Tensor add(Scalar other) => Binary(BinaryOp.Add, other);
    /// <summary>Elementwise difference (broadcasting).</summary>
    public Tensor sub(Tensor other) => Binary(BinaryOp.Sub, other);
    /// <summary>Subtracts a scalar.</summary>
    public Tensor sub(Scalar other) => Binary(BinaryOp.Sub, other);
    /// <summary>Elementwise product (broadcasting).</summary>
    public Tensor mul(Tensor other) => Binary(BinaryOp.Mul, other);
    /// <summary>Multiplies by a scalar.</summary>
    public Tensor mul(Scalar other) => Binary(BinaryOp.Mul, other);
    /// <summary>Elementwise true division (broadcasting; integers divide to floats).</summary>
    public Tensor div(Tensor other) => Binary(BinaryOp.Div, other);
    /// <summary>Divides by a scalar.</summary>
    public Tensor div(Scalar other) => Binary(BinaryOp.Div, other);
    /// <summary>Elementwise power.</summary>
    public Tensor pow(Tensor exponent) => Binary(BinaryOp.Pow, exponent);
    /// <summary>Raises every element to <paramref name="exponent"/>.</summary>
    public Tensor pow(Scalar exponent) => Binary(BinaryOp.Pow, exponent);
    /// <summary>Elementwise maximum of two tensors.</summary>
    public Tensor maximum(Tensor other) => Binary(BinaryOp.Maximum, other);
    /// <summary>Elementwise minimum of two tensors.</summary>
    public Tensor minimum(Tensor other) => Binary(BinaryOp.Minimum, other);
    /// <summary>Python-style remainder (sign of the divisor).</summary>
    public Tensor remainder(Scalar other) => Binary(BinaryOp.Remainder, other);
    /// <summary>Elementwise logical and.</summary>
    public Tensor logical_and(Tensor other) => Binary(BinaryOp.LogicalAnd, other);
    /// <summary>Elementwise logical or.</summary>
    public Tensor logical_or(Tensor other) => Binary(BinaryOp.LogicalOr, other);

    /// <summary>Elementwise == as a bool tensor.</summary>
    public Tensor eq(Tensor other) => Binary(BinaryOp.Eq, other);
    /// <summary>Elementwise == as a bool tensor.</summary>
    public Tensor eq(Scalar other) => Binary(BinaryOp.Eq, other);
    /// <summary>Elementwise != as a bool tensor.</summary>
    public Tensor ne(Tensor other) => Binary(BinaryOp.Ne, other);
    /// <summary>Elementwise != as a bool tensor.</summary>
    public Tensor ne(Scalar other) => Binary(BinaryOp.Ne, other);
    /// <summary>Elementwise &lt; as a bool tensor.</summary>
    public Tensor lt(Tensor other) => Binary(BinaryOp.Lt, other);
    /// <summary>Elementwise &lt; as a bool tensor.</summary>
    public Tensor lt(Scalar other) => Binary(BinaryOp.Lt, other);
    /// <summary>Elementwise &lt;= as a bool tensor.</summary>
    public Tensor le(Tensor other) => Binary(BinaryOp.Le, other);
    /// <summary>Elementwise &lt;= as a bool tensor.</summary>
    public Tensor le(Scalar other) => Binary(BinaryOp.Le, other);
    /// <summary>Elementwise &gt; as a bool tensor.</summary>
    public Tensor gt(Tensor other) => Binary(BinaryOp.Gt, other);
    /// <summary>Elementwise &gt; as a bool tensor.</summary>
    public Tensor gt(Scalar other) => Binary(BinaryOp.Gt, other);
    /// <summary>Elementwise &gt;= as a bool tensor.</summary>
    public Tensor ge(Tensor other) => Binary(BinaryOp.Ge, other);
    /// <summary>Elementwise &gt;= as a bool tensor.</summary>
    public Tensor ge(Scalar other) => Binary(BinaryOp.Ge, other);

    /// <summary>−x.</summary>
    public Tensor neg() => Unary(UnaryOp.Neg);
    /// <summary>√x.</summary>
    public Tensor sqrt() => Unary(UnaryOp.Sqrt);
    /// <summary>1/√x.</summary>
    public Tensor rsqrt() => Unary(UnaryOp.Rsqrt);
    /// <summary>eˣ.</summary>
    public Tensor exp() => Unary(UnaryOp.Exp);
    /// <summary>Natural logarithm.</summary>
    public Tensor log() => Unary(UnaryOp.Log);
    /// <summary>Base-2 logarithm.</summary>
    public Tensor log2() => Unary(UnaryOp.Log2);
    /// <summary>Base-10 logarithm.</summary>
    public Tensor log10() => Unary(UnaryOp.Log10);
    /// <summary>log(1 + x).</summary>
    public Tensor log1p() => Unary(UnaryOp.Log1p);
    /// <summary>eˣ − 1.</summary>
    public Tensor expm1() => Unary(UnaryOp.Expm1);
    /// <summary>|x|; for complex tensors the magnitude (a real tensor).</summary>
    public Tensor abs() => Unary(UnaryOp.Abs);
    /// <summary>Hyperbolic tangent.</summary>
    public Tensor tanh() => Unary(UnaryOp.Tanh);
    /// <summary>Logistic sigmoid 1/(1 + e⁻ˣ).</summary>
    public Tensor sigmoid() => Unary(UnaryOp.Sigmoid);
    /// <summary>max(x, 0).</summary>
    public Tensor relu() => Unary(UnaryOp.Relu);
    /// <summary>Sine.</summary>
    public Tensor sin() => Unary(UnaryOp.Sin);
    /// <summary>Cosine.</summary>
    public Tensor cos() => Unary(UnaryOp.Cos);
    /// <summary>x².</summary>
    public Tensor square() => Unary(UnaryOp.Square);
    /// <summary>Sign (−1, 0, 1).</summary>
    public Tensor sign() => Unary(UnaryOp.Sign);
    /// <summary>Rounds down.</summary>
    public Tensor floor() => Unary(UnaryOp.Floor);
    /// <summary>Rounds up.</summary>
    public Tensor ceil() => Unary(UnaryOp.Ceil);
    /// <summary>Rounds half to even.</summary>
    public Tensor round() => Unary(UnaryOp.Round);
    /// <summary>1/x.</summary>
    public Tensor reciprocal() => Unary(UnaryOp.Reciprocal);
    /// <summary>Logical not as a bool tensor.</summary>
    public Tensor logical_not() => Unary(UnaryOp.LogicalNot);
    /// <summary>True where NaN.</summary>
    public Tensor isnan() => Unary(UnaryOp.IsNan);
    /// <summary>True where ±∞.</summary>
    public Tensor isinf() => Unary(UnaryOp.IsInf);
    /// <summary>True where finite.</summary>
    public Tensor isfinite() => Unary(UnaryOp.IsFinite);
    /// <summary>Real part of a complex tensor.</summary>
    public Tensor real => Unary(UnaryOp.Real);
    /// <summary>Imaginary part of a complex tensor.</summary>
    public Tensor imag => Unary(UnaryOp.Imag);
    /// <summary>Phase angle of a complex tensor.</summary>
    public Tensor angle() => Unary(UnaryOp.Angle);
    /// <summary>A complex tensor as a real one with a last dimension of 2 (real, imaginary).</summary>
    public Tensor view_as_real() => Unary(UnaryOp.ViewAsReal);

    /// <summary>Clamps every element into [<paramref name="min"/>, <paramref name="max"/>] (either may be null).</summary>
    public unsafe Tensor clamp(Scalar? min = null, Scalar? max = null)
    {
        if (min is null && max is null) throw new ArgumentException("clamp needs at least one of min and max.");
        IntPtr r;
        return Wrap(rt_clamp(Handle, Scalar.From(min), Scalar.From(max), &r), r, this);
    }

    /// <summary>Same as <see cref="clamp"/>.</summary>
    public Tensor clip(Scalar? min = null, Scalar? max = null) => clamp(min, max);

    /// <summary>Matrix product with broadcasting (numpy's matmul semantics).</summary>
    public Tensor matmul(Tensor other) => torch.matmul(this, other);

    /// <summary>Product of two 2-D matrices.</summary>
    public Tensor mm(Tensor other) => torch.mm(this, other);

    /// <summary>Batched product of (b, n, m) and (b, m, p).</summary>
    public Tensor bmm(Tensor other) => torch.bmm(this, other);

    /// <summary>beta × this + alpha × (mat1 @ mat2).</summary>
    public Tensor addmm(Tensor mat1, Tensor mat2, Scalar? beta = null, Scalar? alpha = null) => torch.addmm(this, mat1, mat2, beta ?? 1, alpha ?? 1);
}
