namespace RnnTorch.Serialization;

/// <summary>The safetensors names of the dtypes this library reads and writes, and the reference writer's order.</summary>
internal static class SafeTensorsDType
{
    /// <summary>Dtype names of the format that no libtorch 1.13 dtype matches (unsigned wider than 8 bits, 8-bit and smaller floats, complex).</summary>
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "U16", "U32", "U64", "F8_E5M2", "F8_E4M3", "F8_E8M0", "F4", "F6_E2M3", "F6_E3M2", "C64",
    };

    /// <summary>The format's name of <paramref name="type"/>, or null when the format has none (complex dtypes).</summary>
    public static string? NameOf(ScalarType type) => type switch
    {
        ScalarType.Float32 => "F32",
        ScalarType.Float64 => "F64",
        ScalarType.Float16 => "F16",
        ScalarType.BFloat16 => "BF16",
        ScalarType.Int64 => "I64",
        ScalarType.Int32 => "I32",
        ScalarType.Int16 => "I16",
        ScalarType.Int8 => "I8",
        ScalarType.Byte => "U8",
        ScalarType.Bool => "BOOL",
        _ => null,
    };

    /// <summary>The dtype named <paramref name="name"/> (case-sensitive, as the format spells it).</summary>
    public static bool TryParse(string name, out ScalarType type)
    {
        switch (name)
        {
            case "F32": type = ScalarType.Float32; return true;
            case "F64": type = ScalarType.Float64; return true;
            case "F16": type = ScalarType.Float16; return true;
            case "BF16": type = ScalarType.BFloat16; return true;
            case "I64": type = ScalarType.Int64; return true;
            case "I32": type = ScalarType.Int32; return true;
            case "I16": type = ScalarType.Int16; return true;
            case "I8": type = ScalarType.Int8; return true;
            case "U8": type = ScalarType.Byte; return true;
            case "BOOL": type = ScalarType.Bool; return true;
            default: type = default; return false;
        }
    }

    /// <summary>True for a dtype name the format defines but this library cannot represent.</summary>
    public static bool IsKnownButUnsupported(string name) => Unsupported.Contains(name);

    /// <summary>
    /// The position of <paramref name="type"/> in the reference implementation's dtype enumeration (BOOL, U8, I8, I16,
    /// F16, BF16, I32, F32, F64, I64, in that order): its writer puts higher ranks first, which keeps every tensor's
    /// data aligned to its element size once the header is padded to 8 bytes.
    /// </summary>
    public static int Rank(ScalarType type) => type switch
    {
        ScalarType.Bool => 0,
        ScalarType.Byte => 1,
        ScalarType.Int8 => 2,
        ScalarType.Int16 => 3,
        ScalarType.Float16 => 4,
        ScalarType.BFloat16 => 5,
        ScalarType.Int32 => 6,
        ScalarType.Float32 => 7,
        ScalarType.Float64 => 8,
        ScalarType.Int64 => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "the safetensors format has no such dtype."),
    };
}
