using System.Buffers.Binary;
using System.Text;

namespace RnnTorch.Data.Tests;

/// <summary>Builds WAV files byte by byte for the tests (independent of the reader under test).</summary>
internal static class WavBytes
{
    public const uint Placeholder = 0xFFFFFFFF;

    /// <summary>A RIFF/WAVE file: fmt chunk (plain or WAVE_FORMAT_EXTENSIBLE), optional extra chunks, then data.</summary>
    public static byte[] Build(ushort formatTag, int channels, int sampleRate, int bits, byte[] data,
        uint? riffSize = null, uint? dataSize = null, bool extensible = false, byte[][]? extraChunks = null)
    {
        var s = new MemoryStream();
        void Bytes(ReadOnlySpan<byte> b) => s.Write(b);
        void U16(int v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); s.Write(b); }
        void U32(uint v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); s.Write(b); }

        Bytes("RIFF"u8);
        U32(0); // patched below
        Bytes("WAVE"u8);
        Bytes("fmt "u8);
        U32(extensible ? 40u : 16u);
        U16(extensible ? 0xFFFE : formatTag);
        U16(channels);
        U32((uint)sampleRate);
        U32((uint)(sampleRate * channels * bits / 8));
        U16(channels * bits / 8);
        U16(bits);
        if (extensible)
        {
            U16(22); // cbSize
            U16(bits); // valid bits
            U32(channels == 2 ? 3u : 4u); // channel mask
            U16(formatTag); // sub-format GUID: tag, then the KSDATAFORMAT suffix
            Bytes([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]);
        }
        foreach (byte[] chunk in extraChunks ?? [])
        {
            Bytes(chunk);
        }
        Bytes("data"u8);
        U32(dataSize ?? (uint)data.Length);
        Bytes(data);
        byte[] result = s.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), riffSize ?? (uint)(result.Length - 8));
        return result;
    }

    /// <summary>A chunk with the given id and body, padded to an even length.</summary>
    public static byte[] Chunk(string id, byte[] body)
    {
        var s = new MemoryStream();
        s.Write(Encoding.ASCII.GetBytes(id));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
        s.Write(size);
        s.Write(body);
        if (body.Length % 2 == 1) s.WriteByte(0);
        return s.ToArray();
    }

    public static byte[] Pcm16(params short[] values)
    {
        var b = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(2 * i), values[i]);
        return b;
    }

    public static byte[] Pcm24(params int[] values)
    {
        var b = new byte[values.Length * 3];
        for (int i = 0; i < values.Length; i++)
        {
            b[3 * i] = (byte)values[i];
            b[3 * i + 1] = (byte)(values[i] >> 8);
            b[3 * i + 2] = (byte)(values[i] >> 16);
        }
        return b;
    }

    public static byte[] Pcm32(params int[] values)
    {
        var b = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4 * i), values[i]);
        return b;
    }

    public static byte[] Float32(params float[] values)
    {
        var b = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(4 * i), values[i]);
        return b;
    }

    /// <summary>A 16-bit mono file of the samples (in [-1, 1]) at the rate.</summary>
    public static byte[] Mono16(float[] samples, int sampleRate)
    {
        var v = new short[samples.Length];
        for (int i = 0; i < v.Length; i++) v[i] = (short)Math.Clamp(Math.Round(samples[i] * 32767.0), -32768, 32767);
        return Build(1, 1, sampleRate, 16, Pcm16(v));
    }
}
