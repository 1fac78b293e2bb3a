namespace RnnTorch.Native;

/// <summary>Binary operation codes of <c>rt_binary*</c> (mirrors rt_math.cpp).</summary>
internal enum BinaryOp
{
    Add = 0, Sub = 1, Mul = 2, Div = 3, Pow = 4, Eq = 5, Ne = 6, Lt = 7, Le = 8, Gt = 9, Ge = 10,
    Maximum = 11, Minimum = 12, Remainder = 13, LogicalAnd = 14, LogicalOr = 15,
    TanhBackward = 16, SigmoidBackward = 17, ReluBackward = 18,
}

/// <summary>Unary operation codes of <c>rt_unary</c> (mirrors rt_math.cpp).</summary>
internal enum UnaryOp
{
    Neg = 0, Sqrt = 1, Rsqrt = 2, Exp = 3, Log = 4, Abs = 5, Tanh = 6, Sigmoid = 7, Relu = 8, Sin = 9, Cos = 10,
    Square = 11, Sign = 12, Floor = 13, Ceil = 14, Round = 15, Log1p = 16, Expm1 = 17, Reciprocal = 18,
    LogicalNot = 19, IsNan = 20, IsInf = 21, Real = 22, Imag = 23, Angle = 24, ViewAsReal = 25, IsFinite = 26,
    Log2 = 27, Log10 = 28,
}
