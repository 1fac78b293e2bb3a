using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using RnnTorch.Serialization;
using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Files written by the library have the format's exact byte layout, checked by parsing them here independently
/// (header length, JSON via <see cref="JsonDocument"/>, padding, offsets, little-endian data); and writes are atomic.
/// </summary>
public sealed class SafeTensorsWriterTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("rnntorch-stwriter-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathOf(string name) => Path.Combine(directory, name);

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    [Fact]
    public void EmptyFileIsTheFormatsEmptyFile()
    {
        // The format's empty file: header "{}" padded with six spaces to 8 bytes.
        string path = PathOf("empty.safetensors");
        save(new Dictionary<string, Tensor>(), path);
        byte[] expected = SafeTensorsBytes.Concat(new byte[] { 8, 0, 0, 0, 0, 0, 0, 0 }, Ascii("{}      "));
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void MetadataOnlyFileHasTheReferenceBytes()
    {
        string path = PathOf("meta.safetensors");
        save(new Dictionary<string, Tensor>(), path, new Dictionary<string, string> { ["framework"] = "pt" });
        // 35 bytes of JSON padded to 40.
        byte[] expected = SafeTensorsBytes.Concat(new byte[] { 40, 0, 0, 0, 0, 0, 0, 0 }, Ascii("{\"__metadata__\":{\"framework\":\"pt\"}}     "));
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void SingleFloatTensorHasTheReferenceBytes()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("attn.safetensors");
        save(new Dictionary<string, Tensor> { ["attn0"] = tensor(new float[] { 0, 1, 2, 3, 4, 5 }, new long[] { 1, 1, 2, 3 }) }, path);
        // 65 bytes of JSON padded to 72, then 0..5 as little-endian float32 (1.0f = 00 00 80 3F).
        byte[] expected = SafeTensorsBytes.Concat(
            new byte[] { 72, 0, 0, 0, 0, 0, 0, 0 },
            Ascii("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}       "),
            new byte[] { 0, 0, 0, 0, 0, 0, 0x80, 0x3F, 0, 0, 0, 0x40, 0, 0, 0x40, 0x40, 0, 0, 0x80, 0x40, 0, 0, 0xA0, 0x40 });
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void LayoutIsTheFormatWithAlignedContiguousData()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("layout.safetensors");
        float[] w = { 1.5f, -0.0f, float.NaN, 3e-42f, float.MaxValue, -7f };
        double[] b = { Math.PI, -1e-310 };
        long[] idx = { -5, long.MaxValue, 0 };
        int[] count = { 9 };
        bool[] mask = { true, false, true };
        int[] small = { -3, 100 };
        int[] bytes = { 0, 255, 17 };
        ushort[] half = { 0x3C00, 0x8001, 0x7E00 };
        ushort[] brain = { 0x3F80, 0xC000 };
        var source = new Dictionary<string, Tensor>
        {
            ["mask"] = tensor(mask),
            ["w"] = tensor(w, new long[] { 2, 3 }),
            ["u"] = tensor(bytes, uint8),
            ["s"] = tensor(small, int16),
            ["c"] = tensor(count[0]),
            ["h"] = Tensor.FromBytes(SafeTensorsBytes.U16(half), new long[] { 3, 1 }, float16),
            ["b"] = tensor(b),
            ["q"] = tensor(small, int8),
            ["bf"] = Tensor.FromBytes(SafeTensorsBytes.U16(brain), new long[] { 2 }, bfloat16),
            ["idx"] = tensor(idx),
        };
        save(source, path, new Dictionary<string, string> { ["format"] = "pt", ["épreuve"] = "é" });

        byte[] file = File.ReadAllBytes(path);
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(file);
        Assert.Equal(0UL, n % 8);
        Assert.True(8 + (long)n <= file.Length);
        byte[] header = file.AsSpan(8, (int)n).ToArray();
        string text = Encoding.UTF8.GetString(header);
        string json = text.TrimEnd(' ');
        Assert.True(text.Length - json.Length < 8, "the padding is at most 7 spaces");
        Assert.EndsWith("}", json);
        Assert.DoesNotContain('\n', text);

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        // Metadata first, then by descending dtype (I64, F64, F32, I32, BF16, F16, I16, I8, U8, BOOL), then name.
        Assert.Equal(new[] { "__metadata__", "idx", "b", "w", "c", "bf", "h", "s", "q", "u", "mask" }, names);
        var meta = root.GetProperty("__metadata__");
        Assert.Equal("pt", meta.GetProperty("format").GetString());
        Assert.Equal("é", meta.GetProperty("épreuve").GetString());

        var expected = new Dictionary<string, (string dtype, long[] shape, byte[] data)>
        {
            ["idx"] = ("I64", new long[] { 3 }, SafeTensorsBytes.I64(idx)),
            ["b"] = ("F64", new long[] { 2 }, SafeTensorsBytes.F64(b)),
            ["w"] = ("F32", new long[] { 2, 3 }, SafeTensorsBytes.F32(w)),
            ["c"] = ("I32", Array.Empty<long>(), SafeTensorsBytes.I32(count)),
            ["bf"] = ("BF16", new long[] { 2 }, SafeTensorsBytes.U16(brain)),
            ["h"] = ("F16", new long[] { 3, 1 }, SafeTensorsBytes.U16(half)),
            ["s"] = ("I16", new long[] { 2 }, SafeTensorsBytes.I16(small.Select(v => (short)v).ToArray())),
            ["q"] = ("I8", new long[] { 2 }, SafeTensorsBytes.I8(small.Select(v => (sbyte)v).ToArray())),
            ["u"] = ("U8", new long[] { 3 }, bytes.Select(v => (byte)v).ToArray()),
            ["mask"] = ("BOOL", new long[] { 3 }, SafeTensorsBytes.Bool(mask)),
        };
        int[] itemSize = { 8, 8, 4, 4, 2, 2, 2, 1, 1, 1 };
        long dataStart = 8 + (long)n;
        long offset = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            string name = names[i + 1];
            var (dtype, shape, data) = expected[name];
            var entry = root.GetProperty(name);
            Assert.Equal(3, entry.EnumerateObject().Count());
            Assert.Equal(dtype, entry.GetProperty("dtype").GetString());
            Assert.Equal(shape, entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
            var offsets = entry.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            Assert.Equal(new[] { offset, offset + data.Length }, offsets);
            Assert.Equal(0, (dataStart + offset) % itemSize[i]);
            Assert.Equal(data, file.AsSpan((int)(dataStart + offset), data.Length).ToArray());
            offset += data.Length;
        }
        Assert.Equal(file.Length, dataStart + offset);
    }

    [Fact]
    public void FailureMidWriteLeavesTheOldFileAndNoTemporary()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("model.safetensors");
        save(new Dictionary<string, Tensor> { ["old"] = tensor(new long[] { 1, 2, 3 }) }, path);
        byte[] before = File.ReadAllBytes(path);

        var tensors = new Dictionary<string, Tensor> { ["a"] = ones(1000), ["b"] = ones(1000, float64) };
        var error = Assert.Throws<IOException>(() => SafeTensorsWriter.Write(path, tensors, null, i =>
        {
            // The header and the first tensor are on disk in the temporary file by now.
            Assert.Single(Directory.GetFiles(directory, "model.safetensors.tmp-*"));
            throw new IOException("disk full (simulated)");
        }));
        Assert.Equal("disk full (simulated)", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(directory));
    }

    [Fact]
    public void DisposedTensorFailsTheSaveAndLeavesTheOldFile()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("model.safetensors");
        save(new Dictionary<string, Tensor> { ["old"] = tensor(new long[] { 1, 2, 3 }) }, path);
        byte[] before = File.ReadAllBytes(path);

        var gone = ones(3);
        gone.Dispose();
        Assert.Throws<ObjectDisposedException>(() => save(new Dictionary<string, Tensor> { ["a"] = ones(2), ["gone"] = gone }, path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(directory));
        using var old = load(path)["old"];
        Assert.Equal(new long[] { 1, 2, 3 }, old.data<long>().ToArray());
    }

    [Fact]
    public void FailedRenameRemovesTheTemporary()
    {
        using var scope = NewDisposeScope();
        // The target is a directory: everything is written, then the rename fails.
        string path = PathOf("occupied");
        Directory.CreateDirectory(path);
        Assert.ThrowsAny<IOException>(() => save(new Dictionary<string, Tensor> { ["x"] = ones(4) }, path));
        Assert.Empty(Directory.GetFiles(directory));
        Assert.True(Directory.Exists(path));
    }
}
