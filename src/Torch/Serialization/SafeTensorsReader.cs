using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace RnnTorch.Serialization;

/// <summary>
/// Reads safetensors files strictly: the whole header is parsed and checked (dtypes, shapes, offsets that cover the
/// data section exactly once, in any order, with no gap, overlap or trailing byte) before any tensor is created, and
/// any defect is reported as an <see cref="InvalidDataException"/> naming the file and the problem. Unknown fields
/// inside a tensor's entry are ignored, as the reference reader ignores them.
/// </summary>
internal static class SafeTensorsReader
{
    private const int ChunkSize = 1 << 26;

    /// <summary>One tensor's entry in the header.</summary>
    private readonly record struct Info(string Name, string DTypeName, ScalarType Type, long[] Shape, long Begin, long End, long ByteCount);

    /// <summary>A checked header: the tensors in file order, the metadata, and where the data section starts.</summary>
    private sealed record Header(List<Info> Tensors, Dictionary<string, string> Metadata, long DataStart);

    /// <summary>Reads and checks only the header of <paramref name="path"/> and returns its metadata (empty when it has none).</summary>
    public static Dictionary<string, string> ReadMetadata(string path)
    {
        using var stream = Open(path);
        return ReadHeader(stream, path).Metadata;
    }

    /// <summary>
    /// Reads every tensor of <paramref name="path"/> as a new CPU tensor, in file order; on any error the tensors
    /// already created are disposed before the exception leaves.
    /// </summary>
    public static Dictionary<string, Tensor> Read(string path, out Dictionary<string, string> metadata)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors files are little-endian; this machine is not.");
        using var stream = Open(path);
        var header = ReadHeader(stream, path);
        var result = new Dictionary<string, Tensor>(header.Tensors.Count, StringComparer.Ordinal);
        try
        {
            stream.Position = header.DataStart;
            foreach (var info in header.Tensors) result.Add(info.Name, ReadTensor(stream, info, path));
        }
        catch
        {
            foreach (var t in result.Values) t.Dispose();
            throw;
        }
        metadata = header.Metadata;
        return result;
    }

    private static FileStream Open(string path)
    {
        ThrowHelper.ThrowIfNull(path);
        if (path.Length == 0) ThrowHelper.ThrowArgument(nameof(path), "must not be empty.");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    private static InvalidDataException Corrupt(string path, string problem, Exception? inner = null) =>
        new($"'{path}' is not a valid safetensors file: {problem}.", inner);

    private static Header ReadHeader(FileStream stream, string path)
    {
        long fileLength = stream.Length;
        if (fileLength < 8) throw Corrupt(path, $"the file is truncated: it is {fileLength} bytes long, too short for the 8-byte header length");
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (n > SafeTensorsWriter.MaxHeaderSize)
            throw Corrupt(path, $"the header length {n} is larger than the format's limit of {SafeTensorsWriter.MaxHeaderSize} bytes");
        if ((long)n > fileLength - 8)
            throw Corrupt(path, $"the header length {n} runs past the end of the file ({fileLength} bytes): the file is truncated or not a safetensors file");
        var bytes = new byte[n];
        stream.ReadExactly(bytes);
        if (n == 0 || bytes[0] != (byte)'{') throw Corrupt(path, "the header does not start with '{' (it must be a JSON object)");
        if (!Utf8.IsValid(bytes)) throw Corrupt(path, "the header is not valid UTF-8");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw Corrupt(path, $"the header is not valid JSON ({ex.Message})", ex);
        }

        var tensors = new List<Info>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Corrupt(path, $"the header must be a JSON object, but is {Kind(root)}");
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!keys.Add(property.Name)) throw Corrupt(path, $"the header has the key '{property.Name}' twice");
                if (property.Name == SafeTensorsWriter.MetadataKey) ReadMetadataObject(property.Value, metadata, path);
                else tensors.Add(ParseInfo(property.Name, property.Value, path));
            }
        }

        long dataStart = 8 + (long)n;
        Validate(tensors, fileLength - dataStart, path);
        return new Header(tensors, metadata, dataStart);
    }

    private static void ReadMetadataObject(JsonElement value, Dictionary<string, string> metadata, string path)
    {
        if (value.ValueKind == JsonValueKind.Null) return;
        if (value.ValueKind != JsonValueKind.Object)
            throw Corrupt(path, $"'{SafeTensorsWriter.MetadataKey}' must be an object of strings, but is {Kind(value)}");
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
                throw Corrupt(path, $"metadata value of '{entry.Name}' must be a string, but is {Kind(entry.Value)}");
            if (!metadata.TryAdd(entry.Name, entry.Value.GetString()!))
                throw Corrupt(path, $"the metadata has the key '{entry.Name}' twice");
        }
    }

    private static Info ParseInfo(string name, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object) throw Corrupt(path, $"the entry of tensor '{name}' must be an object, but is {Kind(value)}");
        JsonElement? dtype = null, shape = null, offsets = null;
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in value.EnumerateObject())
        {
            if (!fields.Add(field.Name)) throw Corrupt(path, $"the entry of tensor '{name}' has the field '{field.Name}' twice");
            switch (field.Name)
            {
                case "dtype": dtype = field.Value; break;
                case "shape": shape = field.Value; break;
                case "data_offsets": offsets = field.Value; break;
            }
        }
        if (dtype is not { } d) throw Corrupt(path, $"tensor '{name}' has no 'dtype'");
        if (shape is not { } s) throw Corrupt(path, $"tensor '{name}' has no 'shape'");
        if (offsets is not { } o) throw Corrupt(path, $"tensor '{name}' has no 'data_offsets'");

        if (d.ValueKind != JsonValueKind.String) throw Corrupt(path, $"tensor '{name}' has a 'dtype' that is {Kind(d)}, not a string");
        string dtypeName = d.GetString()!;
        if (!SafeTensorsDType.TryParse(dtypeName, out var type))
        {
            throw SafeTensorsDType.IsKnownButUnsupported(dtypeName)
                ? Corrupt(path, $"tensor '{name}' has dtype '{dtypeName}', which this library does not support (F32, F64, F16, BF16, I64, I32, I16, I8, U8 and BOOL are)")
                : Corrupt(path, $"tensor '{name}' has the unknown dtype '{dtypeName}'");
        }

        long[] dims = ReadIntegers(s, name, "shape", path);
        long[] range = ReadIntegers(o, name, "data_offsets", path);
        if (range.Length != 2) throw Corrupt(path, $"tensor '{name}' has 'data_offsets' of {range.Length} numbers, not 2 (begin and end)");

        long byteCount = Tensor.ElementSize(type);
        try
        {
            foreach (long dim in dims) byteCount = checked(byteCount * dim);
        }
        catch (OverflowException)
        {
            throw Corrupt(path, $"tensor '{name}' has shape [{string.Join(", ", dims)}], whose size in bytes overflows");
        }
        return new Info(name, dtypeName, type, dims, range[0], range[1], byteCount);
    }

    private static long[] ReadIntegers(JsonElement value, string name, string field, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
            throw Corrupt(path, $"tensor '{name}' has a '{field}' that is {Kind(value)}, not an array of non-negative integers");
        var result = new long[value.GetArrayLength()];
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long x) || x < 0)
                throw Corrupt(path, $"tensor '{name}' has '{field}' element {i} = {Shorten(item.GetRawText())}, not a non-negative integer");
            result[i++] = x;
        }
        return result;
    }

    /// <summary>Checks sizes against shapes and that the offsets tile the data section exactly; sorts the entries by offset.</summary>
    private static void Validate(List<Info> tensors, long dataLength, string path)
    {
        foreach (var t in tensors)
        {
            if (t.End < t.Begin) throw Corrupt(path, $"tensor '{t.Name}' has data_offsets [{t.Begin}, {t.End}] that end before they begin");
            if (t.End - t.Begin != t.ByteCount)
            {
                throw Corrupt(path, $"tensor '{t.Name}' has data_offsets [{t.Begin}, {t.End}] spanning {t.End - t.Begin} bytes, but dtype {t.DTypeName} " +
                                    $"and shape [{string.Join(", ", t.Shape)}] need {t.ByteCount}");
            }
            if (t.End > dataLength)
            {
                throw Corrupt(path, $"tensor '{t.Name}' has data_offsets [{t.Begin}, {t.End}] beyond the end of the data section ({dataLength} bytes): " +
                                    "the offsets are out of range or the file is truncated");
            }
        }
        // A stable sort, so that empty tensors at the same offset keep the header's order.
        var sorted = tensors.Select((t, i) => (t, i)).OrderBy(x => x.t.Begin).ThenBy(x => x.t.End).ThenBy(x => x.i).Select(x => x.t).ToList();
        long expected = 0;
        string? previous = null;
        foreach (var t in sorted)
        {
            if (t.Begin < expected)
                throw Corrupt(path, $"tensor '{t.Name}' (data_offsets [{t.Begin}, {t.End}]) overlaps tensor '{previous}', which ends at {expected}");
            if (t.Begin > expected)
            {
                throw Corrupt(path, previous is null
                    ? $"the data section has a gap: the first tensor, '{t.Name}', starts at {t.Begin}, not 0"
                    : $"the data section has a gap: tensor '{previous}' ends at {expected} but the next, '{t.Name}', starts at {t.Begin}");
            }
            expected = t.End;
            previous = t.Name;
        }
        if (expected != dataLength)
            throw Corrupt(path, $"{dataLength - expected} bytes of trailing data follow the last tensor (the tensors cover {expected} of {dataLength} bytes)");
        tensors.Clear();
        tensors.AddRange(sorted);
    }

    private static unsafe Tensor ReadTensor(FileStream stream, Info info, string path)
    {
        if (info.ByteCount == 0) return Tensor.FromBytes(ReadOnlySpan<byte>.Empty, info.Shape, info.Type);
        byte* data = (byte*)NativeMemory.Alloc((nuint)info.ByteCount);
        try
        {
            try
            {
                for (long done = 0; done < info.ByteCount;)
                {
                    int chunk = (int)Math.Min(ChunkSize, info.ByteCount - done);
                    stream.ReadExactly(new Span<byte>(data + done, chunk));
                    done += chunk;
                }
            }
            catch (EndOfStreamException ex)
            {
                throw Corrupt(path, $"the file ended while reading tensor '{info.Name}' (was it truncated while being read?)", ex);
            }
            if (info.Type == ScalarType.Bool)
            {
                for (long i = 0; i < info.ByteCount; i++)
                {
                    if (data[i] > 1) throw Corrupt(path, $"tensor '{info.Name}' (BOOL) holds the byte {data[i]} at element {i}; booleans must be 0 or 1");
                }
            }
            return Tensor.FromBytes(data, info.ByteCount, info.Shape, info.Type);
        }
        finally
        {
            NativeMemory.Free(data);
        }
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
