using System.Runtime.InteropServices;

namespace RnnTorch;

/// <summary>
/// A number passed to an operation; keeps whether it is integral, floating or boolean so that type promotion
/// follows PyTorch's (an int64 tensor plus <c>1</c> stays int64; plus <c>1.0</c> becomes float32).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Scalar
{
    internal readonly long i;
    internal readonly double d;
    internal readonly int kind; // 0 integral, 1 floating, 2 bool, -1 absent

    private Scalar(long i, double d, int kind)
    {
        this.i = i;
        this.d = d;
        this.kind = kind;
    }

    internal static Scalar None => new(0, 0, -1);

    internal static Scalar From(Scalar? s) => s ?? None;

    /// <summary>True for an integral scalar.</summary>
    public bool IsIntegral => kind == 0;

    /// <summary>True for a floating-point scalar.</summary>
    public bool IsFloatingPoint => kind == 1;

    /// <summary>True for a boolean scalar.</summary>
    public bool IsBoolean => kind == 2;

    /// <summary>The value as double.</summary>
    public double ToDouble() => kind == 1 ? d : i;

    /// <summary>The value as long (floating values truncated).</summary>
    public long ToInt64() => kind == 1 ? (long)d : i;

    /// <summary>The value as bool (non-zero is true).</summary>
    public bool ToBoolean() => kind == 1 ? d != 0 : i != 0;

    /// <summary>An integral scalar.</summary>
    public static implicit operator Scalar(int v) => new(v, v, 0);

    /// <summary>An integral scalar.</summary>
    public static implicit operator Scalar(long v) => new(v, v, 0);

    /// <summary>A floating scalar.</summary>
    public static implicit operator Scalar(float v) => new((long)v, v, 1);

    /// <summary>A floating scalar.</summary>
    public static implicit operator Scalar(double v) => new((long)v, v, 1);

    /// <summary>A boolean scalar.</summary>
    public static implicit operator Scalar(bool v) => new(v ? 1 : 0, v ? 1 : 0, 2);

    /// <inheritdoc />
    public override string ToString() => kind switch
    {
        0 => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        2 => i != 0 ? "True" : "False",
        _ => "None",
    };
}
