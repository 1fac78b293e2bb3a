using System.Buffers.Binary;
using System.Text;

namespace RnnTorch.Tests;

/// <summary>
/// Builds safetensors files byte by byte, independently of the library's writer: the format's definition is an
/// 8-byte little-endian header length, the UTF-8 JSON header, then the little-endian data.
/// </summary>
internal static class SafeTensorsBytes
{
    /// <summary>A file from a header text and a data section; the header is padded with spaces to 8 bytes unless <paramref name="pad"/> is false.</summary>
    public static byte[] File(string header, byte[] data, bool pad = true)
    {
        var h = Encoding.UTF8.GetBytes(header).ToList();
        while (pad && h.Count % 8 != 0) h.Add((byte)' ');
        return File((ulong)h.Count, h.ToArray(), data);
    }

    /// <summary>A file with an arbitrary (possibly lying) header length.</summary>
    public static byte[] File(ulong headerLength, byte[] header, byte[] data)
    {
        var result = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(result, headerLength);
        header.CopyTo(result, 8);
        data.CopyTo(result, 8 + header.Length);
        return result;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] F32(params float[] values) => Encode(values, 4, (s, v) => BinaryPrimitives.WriteSingleLittleEndian(s, v));

    public static byte[] F64(params double[] values) => Encode(values, 8, (s, v) => BinaryPrimitives.WriteDoubleLittleEndian(s, v));

    public static byte[] I64(params long[] values) => Encode(values, 8, (s, v) => BinaryPrimitives.WriteInt64LittleEndian(s, v));

    public static byte[] I32(params int[] values) => Encode(values, 4, (s, v) => BinaryPrimitives.WriteInt32LittleEndian(s, v));

    public static byte[] I16(params short[] values) => Encode(values, 2, (s, v) => BinaryPrimitives.WriteInt16LittleEndian(s, v));

    public static byte[] U16(params ushort[] values) => Encode(values, 2, (s, v) => BinaryPrimitives.WriteUInt16LittleEndian(s, v));

    public static byte[] I8(params sbyte[] values) => values.Select(v => unchecked((byte)v)).ToArray();

    public static byte[] Bool(params bool[] values) => values.Select(v => v ? (byte)1 : (byte)0).ToArray();

    private static byte[] Encode<T>(T[] values, int size, SpanAction<T> write)
    {
        var result = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++) write(result.AsSpan(i * size, size), values[i]);
        return result;
    }

    private delegate void SpanAction<T>(Span<byte> span, T value);
}
