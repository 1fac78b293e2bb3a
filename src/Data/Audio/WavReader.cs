using System.Buffers.Binary;

namespace RnnTorch.Data;

/// <summary>
/// Reads RIFF/WAVE files: integer PCM with 8, 16, 24 or 32 bits per sample and IEEE float with 32 (or 64) bits,
/// plain (format tag 1 or 3) or WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format; any number of channels,
/// mixed down to mono by averaging.
/// </summary>
/// <remarks>
/// Streamed WAVs (written before their length was known) carry placeholder sizes: a RIFF size or a data size of 0 or
/// 0xFFFFFFFF. Those are accepted and the data then runs to the end of the file (a trailing partial sample frame is
/// dropped). Everything else is strict: a file that is not RIFF/WAVE, has no fmt chunk before its data, uses another
/// encoding (ADPCM, A-law, μ-law …), or ends before the sizes it declares is rejected with a <see cref="DataException"/>
/// that names the file and what is wrong.
/// </remarks>
public static class WavReader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Reads the WAV file at <paramref name="path"/>.</summary>
    /// <exception cref="DataException">The file is missing, not a WAV file, uses an unsupported encoding, or is truncated.</exception>
    public static WavAudio Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"Cannot read the WAV file '{path}': {e.Message}", e);
        }
        return Read(bytes, path);
    }

    /// <summary>Reads a WAV file from <paramref name="stream"/> (read to its end).</summary>
    /// <param name="stream">The stream holding the whole file.</param>
    /// <param name="name">A name for the source, used in error messages.</param>
    /// <exception cref="DataException">The bytes are not a WAV file, use an unsupported encoding, or are truncated.</exception>
    public static WavAudio Read(Stream stream, string name = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray(), name);
    }

    /// <summary>Decodes the WAV file held in <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="name">A name for the source, used in error messages.</param>
    /// <exception cref="DataException">The bytes are not a WAV file, use an unsupported encoding, or are truncated.</exception>
    public static WavAudio Read(byte[] bytes, string name = "<bytes>")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ReadOnlySpan<byte> b = bytes;
        if (b.Length < 12) throw Bad(name, $"it is {b.Length} bytes long, shorter than the 12-byte RIFF header, so it is not a WAV file (or is truncated).");
        if (!b[..4].SequenceEqual("RIFF"u8))
        {
            string hint = b[..4].SequenceEqual("RIFX"u8) ? " (big-endian RIFX is not supported)" : b[..4].SequenceEqual("RF64"u8) ? " (RF64 is not supported)" : "";
            throw Bad(name, $"it does not start with 'RIFF' (found {Describe(b[..4])}), so it is not a WAV file{hint}.");
        }
        if (!b.Slice(8, 4).SequenceEqual("WAVE"u8)) throw Bad(name, $"it is a RIFF file of type {Describe(b.Slice(8, 4))}, not 'WAVE'.");

        // The RIFF size bounds the chunks unless it is a placeholder (0 or 0xFFFFFFFF) or claims more than the file holds
        // (a truncated file is caught below by the data chunk's own size).
        uint riffSize = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(4, 4));
        long end = riffSize is 0 or uint.MaxValue ? b.Length : Math.Min(b.Length, 8L + riffSize);

        Format? format = null;
        long pos = 12;
        while (true)
        {
            if (pos + 8 > end)
            {
                throw pos >= end && format is null
                    ? Bad(name, "it has no 'fmt ' chunk.")
                    : Bad(name, pos >= end ? "it has no 'data' chunk." : $"it ends inside a chunk header at byte {pos} (the file is truncated).");
            }
            ReadOnlySpan<byte> id = b.Slice((int)pos, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice((int)pos + 4, 4));
            long body = pos + 8;
            if (id.SequenceEqual("data"u8))
            {
                if (format is null) throw Bad(name, "its 'data' chunk comes before any 'fmt ' chunk.");
                long available = b.Length - body;
                long length;
                if (size is 0 or uint.MaxValue)
                {
                    length = available - available % format.BlockAlign; // streamed: until the end of the file
                }
                else
                {
                    if (size > available)
                        throw Bad(name, $"its 'data' chunk declares {size} bytes but only {available} remain (the file is truncated).");
                    if (size % format.BlockAlign != 0)
                        throw Bad(name, $"its 'data' chunk size {size} is not a multiple of the {format.BlockAlign}-byte sample frame.");
                    length = size;
                }
                return Decode(b.Slice((int)body, (int)length), format);
            }
            if (body + size > b.Length)
                throw Bad(name, $"its '{Describe(id, quote: false)}' chunk declares {size} bytes but only {b.Length - body} remain (the file is truncated).");
            if (id.SequenceEqual("fmt "u8)) format = ParseFormat(b.Slice((int)body, (int)size), name);
            pos = body + size + (size & 1); // chunks are padded to an even length
        }
    }

    private sealed record Format(int Channels, int SampleRate, int BlockAlign, int Bits, bool IsFloat);

    private static Format ParseFormat(ReadOnlySpan<byte> f, string name)
    {
        if (f.Length < 16) throw Bad(name, $"its 'fmt ' chunk is {f.Length} bytes, shorter than the 16 bytes every WAV format needs.");
        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(f);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(f[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(f[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(f[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(f[14..]);
        if (tag == FormatExtensible)
        {
            if (f.Length < 40) throw Bad(name, $"its WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is {f.Length} bytes, shorter than 40.");
            // The sub-format GUID's first two bytes are the plain format tag; the rest is the fixed KSDATAFORMAT suffix.
            tag = BinaryPrimitives.ReadUInt16LittleEndian(f[24..]);
            ReadOnlySpan<byte> suffix = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            if (!f.Slice(26, 14).SequenceEqual(suffix)) throw Bad(name, "its WAVE_FORMAT_EXTENSIBLE sub-format is not a standard PCM or float GUID.");
        }
        if (tag != FormatPcm && tag != FormatFloat)
            throw Bad(name, $"it uses format tag {tag} ({TagName(tag)}); only integer PCM (1) and IEEE float (3) are supported.");
        if (channels == 0) throw Bad(name, "its 'fmt ' chunk says 0 channels.");
        if (rate == 0 || rate > int.MaxValue) throw Bad(name, $"its 'fmt ' chunk gives an invalid sample rate {rate}.");
        bool isFloat = tag == FormatFloat;
        bool bitsOk = isFloat ? bits is 32 or 64 : bits is 8 or 16 or 24 or 32;
        if (!bitsOk)
            throw Bad(name, isFloat
                ? $"it stores {bits}-bit floats; only 32- and 64-bit IEEE float are supported."
                : $"it stores {bits}-bit PCM; only 8, 16, 24 and 32 bits are supported.");
        if (blockAlign != channels * (bits / 8))
            throw Bad(name, $"its block align {blockAlign} does not equal channels × bytes per sample = {channels} × {bits / 8}.");
        return new Format(channels, (int)rate, blockAlign, bits, isFloat);
    }

    private static WavAudio Decode(ReadOnlySpan<byte> data, Format f)
    {
        int frames = data.Length / f.BlockAlign;
        int width = f.Bits / 8;
        var samples = new float[frames];
        for (int i = 0; i < frames; i++)
        {
            double sum = 0;
            ReadOnlySpan<byte> frame = data.Slice(i * f.BlockAlign, f.BlockAlign);
            for (int c = 0; c < f.Channels; c++) sum += Sample(frame.Slice(c * width, width), f);
            samples[i] = (float)(sum / f.Channels);
        }
        return new WavAudio(samples, f.SampleRate, f.Channels, f.Bits, f.IsFloat);
    }

    private static double Sample(ReadOnlySpan<byte> s, Format f)
    {
        if (f.IsFloat) return f.Bits == 32 ? BinaryPrimitives.ReadSingleLittleEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s);
        return f.Bits switch
        {
            8 => (s[0] - 128) / 128.0,
            16 => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768.0,
            24 => ((s[0] | (s[1] << 8) | (s[2] << 16)) << 8 >> 8) / 8388608.0,
            _ => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648.0,
        };
    }

    private static string TagName(ushort tag) => tag switch
    {
        2 => "Microsoft ADPCM",
        6 => "A-law",
        7 => "μ-law",
        0x11 => "IMA ADPCM",
        0x55 => "MPEG Layer 3",
        _ => "unsupported",
    };

    private static string Describe(ReadOnlySpan<byte> id, bool quote = true)
    {
        var chars = new char[id.Length];
        for (int i = 0; i < id.Length; i++) chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        string s = new(chars);
        return quote ? $"'{s}'" : s;
    }

    private static DataException Bad(string name, string what) => new($"'{name}' cannot be read as a WAV file: {what}");
}
