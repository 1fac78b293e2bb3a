using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RnnTorch.Serialization;

/// <summary>
/// Writes tensors in the safetensors format: an 8-byte little-endian header length N, N bytes of UTF-8 JSON (padded
/// with spaces to a multiple of 8), then the raw little-endian row-major bytes of every tensor, packed without gaps.
/// Tensors are laid out as the reference writer lays them out: by descending dtype rank (8-byte types first, see
/// <see cref="SafeTensorsDType.Rank"/>), then by name compared byte-wise in UTF-8; so every tensor starts at a file
/// offset that is a multiple of its element size. The write is atomic: a temporary file in the target's directory is
/// written, flushed to disk and then renamed over the target.
/// </summary>
internal static class SafeTensorsWriter
{
    /// <summary>The largest header the reference reader accepts (and so the largest this library writes or reads).</summary>
    public const int MaxHeaderSize = 100_000_000;

    /// <summary>The reserved key under which the format keeps the string-to-string metadata.</summary>
    public const string MetadataKey = "__metadata__";

    private const int ChunkSize = 1 << 26;

    private readonly record struct Entry(string Name, byte[] Utf8Name, Tensor Tensor, ScalarType Type, long[] Shape, long ByteCount);

    /// <summary>
    /// Writes <paramref name="tensors"/> and <paramref name="metadata"/> to <paramref name="path"/> atomically.
    /// <paramref name="afterTensorWritten"/> (for tests) runs after the data of the i-th tensor in file order is written.
    /// </summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IEnumerable<KeyValuePair<string, string>>? metadata,
                             Action<int>? afterTensorWritten = null)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors files are little-endian; this machine is not.");
        ThrowHelper.ThrowIfNull(path);
        if (path.Length == 0) ThrowHelper.ThrowArgument(nameof(path), "must not be empty.");
        ThrowHelper.ThrowIfNull(tensors);

        var entries = Collect(tensors);
        var meta = CollectMetadata(metadata);
        byte[] header = BuildHeader(entries, meta);

        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"path '{path}' has no directory.", nameof(path));
        string temp = Path.Combine(directory, $"{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Span<byte> length = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
                stream.Write(length);
                stream.Write(header);
                for (int i = 0; i < entries.Count; i++)
                {
                    WriteData(stream, entries[i]);
                    afterTensorWritten?.Invoke(i);
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static List<Entry> Collect(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        var entries = new List<Entry>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, tensor) in tensors)
        {
            if (name is null) throw new ArgumentException("a tensor name is null.", nameof(tensors));
            if (name == MetadataKey) throw new ArgumentException($"'{MetadataKey}' is reserved for metadata and cannot name a tensor.", nameof(tensors));
            if (!names.Add(name)) throw new ArgumentException($"tensor name '{name}' appears twice.", nameof(tensors));
            if (tensor is null) throw new ArgumentException($"tensor '{name}' is null.", nameof(tensors));
            var type = tensor.dtype;
            if (SafeTensorsDType.NameOf(type) is null)
                throw new ArgumentException($"tensor '{name}' has dtype {type}, which the safetensors format cannot store.", nameof(tensors));
            var shape = tensor.shape;
            entries.Add(new Entry(name, Encoding.UTF8.GetBytes(name), tensor, type, shape, tensor.ByteCount()));
        }
        entries.Sort(static (a, b) =>
        {
            int byRank = SafeTensorsDType.Rank(b.Type).CompareTo(SafeTensorsDType.Rank(a.Type));
            return byRank != 0 ? byRank : a.Utf8Name.AsSpan().SequenceCompareTo(b.Utf8Name);
        });
        return entries;
    }

    private static List<KeyValuePair<string, string>> CollectMetadata(IEnumerable<KeyValuePair<string, string>>? metadata)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (metadata is null) return result;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            if (key is null) throw new ArgumentException("a metadata key is null.", nameof(metadata));
            if (!keys.Add(key)) throw new ArgumentException($"metadata key '{key}' appears twice.", nameof(metadata));
            if (value is null) throw new ArgumentException($"metadata value of '{key}' is null.", nameof(metadata));
            result.Add(new(key, value));
        }
        return result;
    }

    private static byte[] BuildHeader(List<Entry> entries, List<KeyValuePair<string, string>> metadata)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            if (metadata.Count > 0)
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata) json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var e in entries)
            {
                json.WriteStartObject(e.Name);
                json.WriteString("dtype", SafeTensorsDType.NameOf(e.Type));
                json.WriteStartArray("shape");
                foreach (long d in e.Shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                offset = checked(offset + e.ByteCount);
                json.WriteNumberValue(offset);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        long padded = (buffer.Length + 7) / 8 * 8;
        if (padded > MaxHeaderSize)
            throw new ArgumentException($"the header would be {padded} bytes, more than the format's limit of {MaxHeaderSize}: too many tensors or too much metadata.");
        while (buffer.Length < padded) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    private static unsafe void WriteData(FileStream stream, Entry e)
    {
        if (e.ByteCount == 0) return;
        byte* data = (byte*)NativeMemory.Alloc((nuint)e.ByteCount);
        try
        {
            e.Tensor.CopyBytesTo(data, e.ByteCount);
            for (long done = 0; done < e.ByteCount;)
            {
                int chunk = (int)Math.Min(ChunkSize, e.ByteCount - done);
                stream.Write(new ReadOnlySpan<byte>(data + done, chunk));
                done += chunk;
            }
        }
        finally
        {
            NativeMemory.Free(data);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Best effort: the original error matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
