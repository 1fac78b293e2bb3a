using System.Text;
using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Files assembled byte by byte in the test load with the right values; damaged files of every kind are refused with
/// an <see cref="InvalidDataException"/> that names the file and the problem, and leave no tensor behind.
/// </summary>
public sealed class SafeTensorsReaderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("rnntorch-streader-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(byte[] content, string name = "file.safetensors")
    {
        string path = Path.Combine(directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private InvalidDataException Refused(byte[] content, string fragment)
    {
        string path = Write(content);
        using var scope = NewDisposeScope();
        var error = Assert.Throws<InvalidDataException>(() => load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(fragment, error.Message);
        Assert.Equal(0, scope.DisposablesCount);
        return error;
    }

    [Fact]
    public void HandBuiltFileWithEveryDtypeLoads()
    {
        // The header lists the tensors out of data order, without padding, with an unknown extra field.
        var data = SafeTensorsBytes.Concat(
            SafeTensorsBytes.F32(1.5f, -0.0f, float.PositiveInfinity, 1e-45f),         // f32   [0, 16)
            SafeTensorsBytes.F64(-2.25, double.Epsilon),                            // f64   [16, 32)
            SafeTensorsBytes.I64(long.MinValue, 42, -1),                            // i64   [32, 56)
            SafeTensorsBytes.I32(-7, int.MaxValue),                                 // i32   [56, 64)
            SafeTensorsBytes.I16(-300, 12345, 0),                                   // i16   [64, 70)
            SafeTensorsBytes.I8(-128, 127),                                         // i8    [70, 72)
            new byte[] { 0, 200, 255 },                                             // u8    [72, 75)
            SafeTensorsBytes.Bool(true, false, true, true),                         // bool  [75, 79)
            SafeTensorsBytes.U16(0x3E00, 0xC500, 0x0001),                           // f16   [79, 85): 1.5, -5, 2^-24
            SafeTensorsBytes.U16(0x4049, 0xBF80));                                  // bf16  [85, 89): 3.140625, -1
        string header =
            "{\"bf16\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[85,89]}," +
            "\"f32\":{\"shape\":[2,2],\"dtype\":\"F32\",\"data_offsets\":[0,16],\"comment\":\"ignored\"}," +
            "\"f64\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[16,32]}," +
            "\"i64\":{\"dtype\":\"I64\",\"shape\":[3,1],\"data_offsets\":[32,56]}," +
            "\"i32\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[56,64]}," +
            "\"i16\":{\"dtype\":\"I16\",\"shape\":[3],\"data_offsets\":[64,70]}," +
            "\"i8\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[70,72]}," +
            "\"u8\":{\"dtype\":\"U8\",\"shape\":[3],\"data_offsets\":[72,75]}," +
            "\"bool\":{\"dtype\":\"BOOL\",\"shape\":[2,2],\"data_offsets\":[75,79]}," +
            "\"f16\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[79,85]}," +
            "\"__metadata__\":{\"format\":\"pt\"}}";
        string path = Write(SafeTensorsBytes.File(header, data, pad: false));

        using var scope = NewDisposeScope();
        var t = load(path, out var metadata);
        Assert.Equal(new Dictionary<string, string> { ["format"] = "pt" }, metadata);
        // In data order.
        Assert.Equal(new[] { "f32", "f64", "i64", "i32", "i16", "i8", "u8", "bool", "f16", "bf16" }, t.Keys);

        Assert.Equal(float32, t["f32"].dtype);
        Assert.Equal(new long[] { 2, 2 }, t["f32"].shape);
        Assert.Equal(new[] { 1.5f, -0.0f, float.PositiveInfinity, 1e-45f }.Select(BitConverter.SingleToInt32Bits),
                     t["f32"].data<float>().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(new[] { -2.25, double.Epsilon }, t["f64"].data<double>().ToArray());
        Assert.Equal(new long[] { 3, 1 }, t["i64"].shape);
        Assert.Equal(new[] { long.MinValue, 42, -1 }, t["i64"].data<long>().ToArray());
        Assert.Equal(new[] { -7, int.MaxValue }, t["i32"].data<int>().ToArray());
        Assert.Equal(new short[] { -300, 12345, 0 }, t["i16"].data<short>().ToArray());
        Assert.Equal(new sbyte[] { -128, 127 }, t["i8"].data<sbyte>().ToArray());
        Assert.Equal(new byte[] { 0, 200, 255 }, t["u8"].data<byte>().ToArray());
        Assert.Equal(new[] { true, false, true, true }, t["bool"].data<bool>().ToArray());
        Assert.Equal(new long[] { 2, 2 }, t["bool"].shape);
        Assert.Equal(float16, t["f16"].dtype);
        Assert.Equal(new[] { 1.5f, -5f, MathF.Pow(2, -24) }, t["f16"].to(float32).data<float>().ToArray());
        Assert.Equal(bfloat16, t["bf16"].dtype);
        Assert.Equal(new[] { 3.140625f, -1f }, t["bf16"].to(float32).data<float>().ToArray());
        Assert.All(t.Values, x => Assert.Equal(DeviceType.CPU, x.device_type));
    }

    [Fact]
    public void EmptyTensorsMaySitAnywhere()
    {
        string header =
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}," +
            "\"b\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}," +
            "\"c\":{\"dtype\":\"F64\",\"shape\":[2,0],\"data_offsets\":[8,8]}," +
            "\"d\":{\"dtype\":\"BOOL\",\"shape\":[0],\"data_offsets\":[8,8]}}";
        string path = Write(SafeTensorsBytes.File(header, SafeTensorsBytes.I64(-4)));
        using var scope = NewDisposeScope();
        var t = load(path);
        Assert.Equal(new long[] { 0 }, t["a"].shape);
        Assert.Equal(new[] { -4L }, t["b"].data<long>().ToArray());
        Assert.Equal(new long[] { 2, 0 }, t["c"].shape);
        Assert.Equal(@bool, t["d"].dtype);
    }

    [Fact]
    public void NullMetadataAndNoMetadataMeanNone()
    {
        string path = Write(SafeTensorsBytes.File("{\"__metadata__\":null}", Array.Empty<byte>()));
        Assert.Empty(load_metadata(path));
        Assert.Empty(load(path));
    }

    [Fact]
    public void TooShortForTheHeaderLength()
    {
        Refused(Array.Empty<byte>(), "truncated");
        Refused(new byte[] { 8, 0, 0, 0, 0 }, "too short for the 8-byte header length");
    }

    [Fact]
    public void HeaderLengthBeyondTheFile()
    {
        var ok = SafeTensorsBytes.File("{}", Array.Empty<byte>());
        Refused(SafeTensorsBytes.File(9, ok[8..], Array.Empty<byte>()), "header length 9 runs past the end of the file (16 bytes)");
    }

    [Fact]
    public void AbsurdHeaderLengths()
    {
        Refused(SafeTensorsBytes.File(100_000_001, Encoding.ASCII.GetBytes("{}      "), Array.Empty<byte>()), "larger than the format's limit");
        Refused(SafeTensorsBytes.File(ulong.MaxValue, Encoding.ASCII.GetBytes("{}      "), Array.Empty<byte>()), "larger than the format's limit");
        Refused(SafeTensorsBytes.File(1UL << 63, Encoding.ASCII.GetBytes("{}      "), Array.Empty<byte>()), "larger than the format's limit");
    }

    [Fact]
    public void HeaderThatIsNotUtf8()
    {
        var header = new byte[] { (byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}' };
        Refused(SafeTensorsBytes.File(8, header, Array.Empty<byte>()), "not valid UTF-8");
    }

    [Fact]
    public void ZeroLengthHeader() =>
        Refused(SafeTensorsBytes.File(0, Array.Empty<byte>(), Array.Empty<byte>()), "does not start with '{'");

    [Theory]
    [InlineData("{\"a\":", "not valid JSON")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},}", "not valid JSON")]
    [InlineData("{} {}", "not valid JSON")]
    [InlineData("{}garbage", "not valid JSON")]
    [InlineData("[1, 2]", "does not start with '{'")]
    [InlineData(" {}", "does not start with '{'")]
    [InlineData("\"{}\"", "does not start with '{'")]
    public void HeaderThatIsNotAJsonObject(string header, string fragment) =>
        Refused(SafeTensorsBytes.File(header, Array.Empty<byte>()), fragment);

    [Theory]
    [InlineData("{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}", "tensor 'a' has no 'dtype'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", "tensor 'a' has no 'shape'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", "tensor 'a' has no 'data_offsets'")]
    [InlineData("{\"a\":[1]}", "the entry of tensor 'a' must be an object, but is an array")]
    [InlineData("{\"a\":\"F32\"}", "the entry of tensor 'a' must be an object, but is a string")]
    [InlineData("{\"a\":{\"dtype\":6,\"shape\":[1],\"data_offsets\":[0,4]}}", "'dtype' that is a number, not a string")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":1,\"data_offsets\":[0,4]}}", "'shape' that is a number")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", "'shape' element 0 = -1")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", "'shape' element 0 = 1.5")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1,1.0],\"data_offsets\":[0,4]}}", "'shape' element 1 = 1.0")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[\"1\"],\"data_offsets\":[0,4]}}", "'shape' element 0 = \"1\"")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[99999999999999999999],\"data_offsets\":[0,4]}}", "'shape' element 0 = 99999999999999999999")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", "'data_offsets' of 1 numbers, not 2")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}", "'data_offsets' of 3 numbers, not 2")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,\"4\"]}}", "'data_offsets' element 1 = \"4\"")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":{\"begin\":0}}}", "'data_offsets' that is an object")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[-4,0]}}", "'data_offsets' element 0 = -4")]
    [InlineData("{\"__metadata__\":[\"x\"],\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "'__metadata__' must be an object of strings, but is an array")]
    [InlineData("{\"__metadata__\":{\"epoch\":3},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "metadata value of 'epoch' must be a string, but is a number")]
    public void MissingOrIllTypedFields(string header, string fragment) =>
        Refused(SafeTensorsBytes.File(header, SafeTensorsBytes.F32(1f)), fragment);

    [Theory]
    [InlineData("F33", "unknown dtype 'F33'")]
    [InlineData("f32", "unknown dtype 'f32'")]
    [InlineData("", "unknown dtype ''")]
    [InlineData("U32", "dtype 'U32', which this library does not support")]
    [InlineData("F8_E4M3", "dtype 'F8_E4M3', which this library does not support")]
    public void WrongDtypeNames(string dtype, string fragment) =>
        Refused(SafeTensorsBytes.File($"{{\"a\":{{\"dtype\":\"{dtype}\",\"shape\":[1],\"data_offsets\":[0,4]}}}}", SafeTensorsBytes.F32(1f)), fragment);

    [Theory]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4, "spanning 4 bytes, but dtype F32 and shape [2] need 8")]
    [InlineData("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "spanning 4 bytes, but dtype F64 and shape [1] need 8")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,0]}}", 4, "spanning 0 bytes, but dtype F32 and shape [] need 4")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", 4, "end before they begin")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 4, "beyond the end of the data section (4 bytes)")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[9223372036854775800,9223372036854775804]}}", 4, "beyond the end of the data section")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,4]}}", 4, "whose size in bytes overflows")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8, "overlaps tensor 'a'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12, "tensor 'b' (data_offsets [4, 12]) overlaps tensor 'a', which ends at 8")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12, "gap: tensor 'a' ends at 4 but the next, 'b', starts at 8")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "the first tensor, 'a', starts at 4, not 0")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 5, "1 bytes of trailing data")]
    [InlineData("{}", 3, "3 bytes of trailing data")]
    public void OffsetsThatDoNotTileTheData(string header, int dataLength, string fragment) =>
        Refused(SafeTensorsBytes.File(header, new byte[dataLength]), fragment);

    [Theory]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "the key 'a' twice")]
    [InlineData("{\"__metadata__\":{},\"__metadata__\":{}}", 0, "the key '__metadata__' twice")]
    [InlineData("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 0, "the metadata has the key 'k' twice")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "the field 'dtype' twice")]
    public void DuplicateKeys(string header, int dataLength, string fragment) =>
        Refused(SafeTensorsBytes.File(header, new byte[dataLength]), fragment);

    [Fact]
    public void EveryTruncationOfAValidFileIsRefused()
    {
        using var scope = NewDisposeScope();
        string good = Path.Combine(directory, "good.safetensors");
        save(new Dictionary<string, Tensor>
        {
            ["w"] = ones(2, 3),
            ["b"] = zeros(3, float64),
            ["m"] = ones(2, @bool),
        }, good, new Dictionary<string, string> { ["k"] = "v" });
        byte[] bytes = File.ReadAllBytes(good);
        for (int length = 0; length < bytes.Length; length++)
        {
            string path = Write(bytes[..length], "cut.safetensors");
            var error = Assert.Throws<InvalidDataException>(() => load(path));
            Assert.Contains("cut.safetensors", error.Message);
            Assert.Throws<InvalidDataException>(() => load_metadata(path));
        }
        Assert.Equal(3, load(good).Count);
    }

    [Fact]
    public void BadBooleanIsRefusedAndTheTensorsAlreadyReadAreDisposed()
    {
        // "a" is read (and created) first; "z" then fails: "a" must not leak.
        string header =
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}," +
            "\"z\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[8,11]}}";
        var data = SafeTensorsBytes.Concat(SafeTensorsBytes.F32(1f, 2f), new byte[] { 1, 0, 2 });
        var error = Refused(SafeTensorsBytes.File(header, data), "tensor 'z' (BOOL) holds the byte 2 at element 2");
        Assert.IsType<InvalidDataException>(error);
    }

    [Fact]
    public void MetadataReaderChecksTheWholeHeader()
    {
        string path = Write(SafeTensorsBytes.File("{\"__metadata__\":{\"k\":\"v\"},\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[4]));
        var error = Assert.Throws<InvalidDataException>(() => load_metadata(path));
        Assert.Contains("beyond the end of the data section", error.Message);
    }
}
