using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// <c>torch.save</c> / <c>torch.load</c> round trips: every supported dtype comes back bit for bit (NaN payloads,
/// negative zero, subnormals, extremes), with its shape (0-dim and empty included), and the metadata comes back as written.
/// </summary>
public sealed class SerializationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("rnntorch-serialization-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathOf(string name) => Path.Combine(directory, name);

    private Tensor RoundTrip(Tensor t, string name = "t")
    {
        string path = PathOf(name + ".safetensors");
        save(new Dictionary<string, Tensor> { [name] = t }, path);
        var loaded = load(path);
        Assert.Equal(new[] { name }, loaded.Keys);
        var r = loaded[name];
        Assert.Equal(t.dtype, r.dtype);
        Assert.Equal(t.shape, r.shape);
        Assert.Equal(DeviceType.CPU, r.device_type);
        return r;
    }

    [Fact]
    public void Float32IsBitExact()
    {
        using var scope = NewDisposeScope();
        int[] bits =
        {
            0x7FC00001, unchecked((int)0xFFC12345), 0x7F800001 /* signalling NaN */, unchecked((int)0x80000000) /* -0 */,
            0x00000001 /* smallest subnormal */, unchecked((int)0x807FFFFF) /* largest negative subnormal */, 0x7F800000, unchecked((int)0xFF800000),
            0x7F7FFFFF, 0x3EAAAAAB, 0x00800000, 0,
        };
        var values = bits.Select(BitConverter.Int32BitsToSingle).ToArray();
        var r = RoundTrip(tensor(values, new long[] { 3, 4 }));
        Assert.Equal(bits, r.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Float64IsBitExact()
    {
        using var scope = NewDisposeScope();
        long[] bits =
        {
            0x7FF8000000000001, unchecked((long)0xFFF0000000000001), 0x7FF0000000000001, unchecked((long)0x8000000000000000),
            0x0000000000000001, 0x000FFFFFFFFFFFFF, 0x7FF0000000000000, unchecked((long)0xFFF0000000000000),
            0x7FEFFFFFFFFFFFFF, 0x3FD5555555555555,
        };
        var values = bits.Select(BitConverter.Int64BitsToDouble).ToArray();
        var r = RoundTrip(tensor(values, new long[] { 5, 2 }));
        Assert.Equal(bits, r.data<double>().ToArray().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Int64IsExact()
    {
        using var scope = NewDisposeScope();
        long[] values = { long.MinValue, long.MaxValue, -1, 0, 1, 1234567890123456789, -(1L << 53) - 1 };
        var r = RoundTrip(tensor(values));
        Assert.Equal(values, r.data<long>().ToArray());
    }

    [Fact]
    public void Int32Int16Int8Uint8AndBoolAreExact()
    {
        using var scope = NewDisposeScope();
        int[] i32 = { int.MinValue, int.MaxValue, -1, 0, 7 };
        Assert.Equal(i32, RoundTrip(tensor(i32), "i32").data<int>().ToArray());

        int[] i16 = { short.MinValue, short.MaxValue, -1, 0, 300 };
        Assert.Equal(i16.Select(v => (short)v), RoundTrip(tensor(i16, int16), "i16").data<short>().ToArray());

        int[] i8 = { sbyte.MinValue, sbyte.MaxValue, -1, 0, 5, 6 };
        Assert.Equal(i8.Select(v => (sbyte)v), RoundTrip(tensor(i8, new long[] { 2, 3 }, int8), "i8").data<sbyte>().ToArray());

        int[] u8 = { 0, 1, 127, 128, 255 };
        Assert.Equal(u8.Select(v => (byte)v), RoundTrip(tensor(u8, uint8), "u8").data<byte>().ToArray());

        bool[] b = { true, false, false, true, true, false };
        Assert.Equal(b, RoundTrip(tensor(b, new long[] { 3, 1, 2 }), "b").data<bool>().ToArray());
    }

    [Fact]
    public void Float16AndBFloat16AreBitExact()
    {
        using var scope = NewDisposeScope();
        // float16: NaN with payload, -0, smallest subnormal, +inf, largest finite, 1.0, -2.5.
        ushort[] half = { 0x7E01, 0x8000, 0x0001, 0x7C00, 0x7BFF, 0x3C00, 0xC100, 0xFC01 };
        var h = RoundTrip(Tensor.FromBytes(SafeTensorsBytes.U16(half), new long[] { 2, 4 }, float16), "h");
        Assert.Equal(SafeTensorsBytes.U16(half), h.ToBytes());
        // bfloat16: NaN with payload, -0, smallest subnormal, +inf, negative NaN, 1.5.
        ushort[] brain = { 0x7FC1, 0x8000, 0x0001, 0x7F80, 0xFF81, 0x3FC0 };
        var bf = RoundTrip(Tensor.FromBytes(SafeTensorsBytes.U16(brain), new long[] { 6 }, bfloat16), "bf");
        Assert.Equal(SafeTensorsBytes.U16(brain), bf.ToBytes());
        // The values mean what the bits say: bfloat16 is the top half of a float32.
        Assert.Equal(1.5f, bf.to(float32).data<float>()[5]);
        Assert.Equal(-2.5f, h.to(float32).data<float>()[6]);
    }

    [Fact]
    public void ZeroDimensionalAndEmptyTensorsKeepTheirShapes()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("shapes.safetensors");
        var source = new Dictionary<string, Tensor>
        {
            ["scalar"] = tensor(3.25f),
            ["scalar_long"] = tensor(-9L),
            ["empty"] = zeros(new long[] { 0, 3 }),
            ["empty_long"] = zeros(new long[] { 4, 0, 2 }, int64),
            ["empty_1d_bool"] = zeros(new long[] { 0 }, @bool),
        };
        save(source, path);
        var loaded = load(path);
        Assert.Equal(source.Keys.Order(), loaded.Keys.Order());
        Assert.Empty(loaded["scalar"].shape);
        Assert.Equal(3.25f, loaded["scalar"].item<float>());
        Assert.Empty(loaded["scalar_long"].shape);
        Assert.Equal(-9L, loaded["scalar_long"].item<long>());
        Assert.Equal(new long[] { 0, 3 }, loaded["empty"].shape);
        Assert.Equal(new long[] { 4, 0, 2 }, loaded["empty_long"].shape);
        Assert.Equal(int64, loaded["empty_long"].dtype);
        Assert.Equal(new long[] { 0 }, loaded["empty_1d_bool"].shape);
        Assert.Equal(@bool, loaded["empty_1d_bool"].dtype);
    }

    [Fact]
    public void EmptyDictionaryRoundTrips()
    {
        string path = PathOf("none.safetensors");
        save(new Dictionary<string, Tensor>(), path);
        Assert.Empty(load(path));
        Assert.Empty(load_metadata(path));
    }

    [Fact]
    public void MetadataRoundTrips()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("meta.safetensors");
        var metadata = new Dictionary<string, string>
        {
            ["format"] = "pt",
            ["note"] = "ünïcødé \"quoted\" \\ / <tag> & + 😀\n\ttabs",
            ["empty"] = "",
        };
        save(new Dictionary<string, Tensor> { ["x"] = ones(2) }, path, metadata);
        Assert.Equal(metadata.OrderBy(kv => kv.Key), load_metadata(path).OrderBy(kv => kv.Key));
        var loaded = load(path, out var read);
        Assert.Equal(metadata.OrderBy(kv => kv.Key), read.OrderBy(kv => kv.Key));
        Assert.Equal(new[] { 1f, 1f }, loaded["x"].data<float>().ToArray());

        string bare = PathOf("bare.safetensors");
        save(new Dictionary<string, Tensor> { ["x"] = ones(2) }, bare);
        Assert.Empty(load_metadata(bare));
        load(bare, out var none);
        Assert.Empty(none);
    }

    [Fact]
    public void ManyTensorsWithAwkwardNamesRoundTrip()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("many.safetensors");
        var source = new Dictionary<string, Tensor>
        {
            ["encoder.layers.0.weight"] = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 }),
            ["encoder.layers.0.bias"] = tensor(new double[] { -1, 0.5 }),
            ["ñame with spaces \"and quotes\""] = tensor(new long[] { 7, 8, 9 }),
            [""] = tensor(new int[] { 42 }),
            ["mask"] = tensor(new[] { true, false, true }),
        };
        save(source, path);
        var loaded = load(path);
        Assert.Equal(source.Keys.Order(StringComparer.Ordinal), loaded.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, loaded["encoder.layers.0.weight"].data<float>().ToArray());
        Assert.Equal(new long[] { 2, 3 }, loaded["encoder.layers.0.weight"].shape);
        Assert.Equal(new double[] { -1, 0.5 }, loaded["encoder.layers.0.bias"].data<double>().ToArray());
        Assert.Equal(new long[] { 7, 8, 9 }, loaded["ñame with spaces \"and quotes\""].data<long>().ToArray());
        Assert.Equal(new[] { 42 }, loaded[""].data<int>().ToArray());
        Assert.Equal(new[] { true, false, true }, loaded["mask"].data<bool>().ToArray());
    }

    [Fact]
    public void NonContiguousAndGradTensorsAreSavedAsTheirValues()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 }, requires_grad: true);
        var mt = m.t();
        Assert.False(mt.is_contiguous());
        var r = RoundTrip(mt);
        Assert.Equal(new long[] { 3, 2 }, r.shape);
        Assert.Equal(new float[] { 1, 4, 2, 5, 3, 6 }, r.data<float>().ToArray());
        Assert.False(r.requires_grad);
    }

    [Fact]
    public void SavingAgainReplacesTheFile()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("again.safetensors");
        save(new Dictionary<string, Tensor> { ["a"] = ones(100) }, path);
        save(new Dictionary<string, Tensor> { ["b"] = zeros(2, int32) }, path);
        var loaded = load(path);
        Assert.Equal(new[] { "b" }, loaded.Keys);
        Assert.Equal(new[] { 0, 0 }, loaded["b"].data<int>().ToArray());
        Assert.Single(Directory.GetFiles(directory));
    }

    [Fact]
    public void LoadedTensorsJoinTheCurrentScope()
    {
        string path = PathOf("scope.safetensors");
        using (var t = ones(3)) save(new Dictionary<string, Tensor> { ["a"] = t, ["b"] = t }, path);
        Dictionary<string, Tensor> loaded;
        using (var scope = NewDisposeScope())
        {
            loaded = load(path);
            Assert.Equal(2, scope.DisposablesCount);
        }
        Assert.All(loaded.Values, t => Assert.True(t.IsInvalid));
    }

    [Fact]
    public void ComplexTensorsAndBadArgumentsAreRefusedBeforeWriting()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("refused.safetensors");
        var x = ones(2);
        var complex = Assert.Throws<ArgumentException>(() => save(new Dictionary<string, Tensor> { ["c"] = zeros(2, complex64) }, path));
        Assert.Contains("'c'", complex.Message);
        var reserved = Assert.Throws<ArgumentException>(() => save(new Dictionary<string, Tensor> { ["__metadata__"] = x }, path));
        Assert.Contains("__metadata__", reserved.Message);
        var nullTensor = Assert.Throws<ArgumentException>(() => save(new Dictionary<string, Tensor> { ["n"] = null! }, path));
        Assert.Contains("'n'", nullTensor.Message);
        var nullValue = Assert.Throws<ArgumentException>(() => save(new Dictionary<string, Tensor> { ["x"] = x }, path, new Dictionary<string, string> { ["k"] = null! }));
        Assert.Contains("'k'", nullValue.Message);
        Assert.Throws<ArgumentNullException>(() => save(null!, path));
        Assert.Throws<ArgumentNullException>(() => save(new Dictionary<string, Tensor>(), null!));
        Assert.Throws<ArgumentException>(() => save(new Dictionary<string, Tensor>(), ""));
        Assert.Throws<DirectoryNotFoundException>(() => save(new Dictionary<string, Tensor> { ["x"] = x }, Path.Combine(directory, "missing", "f.safetensors")));
        Assert.Empty(Directory.GetFileSystemEntries(directory));
        Assert.Throws<FileNotFoundException>(() => load(PathOf("nothing.safetensors")));
    }
}
