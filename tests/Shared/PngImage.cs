using System.Buffers.Binary;
using System.IO.Compression;

namespace RnnTorch.Tests.Shared;

/// <summary>
/// A decoded PNG with 8-bit channels, as RGBA. Decodes non-interlaced 8-bit grey, grey+alpha, RGB and RGBA images with any of
/// the five row filters; enough to check screenshots.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Pixels row by row, four bytes (R, G, B, A) each.</summary>
    public byte[] Rgba { get; }

    /// <summary>The pixel at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            int o = (y * Width + x) * 4;
            return (Rgba[o], Rgba[o + 1], Rgba[o + 2], Rgba[o + 3]);
        }
    }

    /// <summary>Decodes the PNG file at <paramref name="path"/>.</summary>
    public static PngImage Load(string path) => Decode(File.ReadAllBytes(path));

    /// <summary>Decodes a PNG held in memory.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a PNG this decoder reads.</exception>
    public static PngImage Decode(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature)) throw new InvalidDataException("not a PNG: bad signature.");
        int width = 0, height = 0, channels = 0;
        bool seenHeader = false, seenEnd = false;
        using var idat = new MemoryStream();
        int pos = 8;
        while (pos + 12 <= png.Length && !seenEnd)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            if (length < 0 || pos + 12 + length > png.Length) throw new InvalidDataException($"chunk '{type}' runs past the end of the file.");
            var data = png.AsSpan(pos + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    byte depth = data[8], colorType = data[9], interlace = data[12];
                    if (depth != 8) throw new InvalidDataException($"bit depth {depth} is not supported (only 8).");
                    if (interlace != 0) throw new InvalidDataException("interlaced PNGs are not supported.");
                    channels = colorType switch
                    {
                        0 => 1,
                        2 => 3,
                        4 => 2,
                        6 => 4,
                        _ => throw new InvalidDataException($"colour type {colorType} is not supported (grey, grey+alpha, RGB, RGBA only)."),
                    };
                    if (width <= 0 || height <= 0) throw new InvalidDataException($"bad size {width}x{height}.");
                    seenHeader = true;
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    seenEnd = true;
                    break;
            }
            pos += 12 + length;
        }
        if (!seenHeader) throw new InvalidDataException("no IHDR chunk.");
        int stride = width * channels;
        var raw = new byte[(long)(stride + 1) * height];
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.ReadExactly(raw);
        }
        var pixels = Unfilter(raw, width, height, channels);
        return new PngImage(width, height, ToRgba(pixels, width * height, channels));
    }

    /// <summary>The fraction of pixels that are not (near) white: some channel below 250 or alpha below 250.</summary>
    public double NonWhiteFraction()
    {
        long count = 0;
        for (int o = 0; o < Rgba.Length; o += 4)
        {
            if (Rgba[o] < 250 || Rgba[o + 1] < 250 || Rgba[o + 2] < 250 || Rgba[o + 3] < 250) count++;
        }
        return (double)count / (Width * Height);
    }

    /// <summary>How many distinct RGBA values the image holds.</summary>
    public int DistinctColors()
    {
        var seen = new HashSet<uint>();
        for (int o = 0; o < Rgba.Length; o += 4) seen.Add(BinaryPrimitives.ReadUInt32BigEndian(Rgba.AsSpan(o)));
        return seen.Count;
    }

    /// <summary>How many pixels lie within <paramref name="tolerance"/> (per channel) of the colour (r, g, b).</summary>
    public int CountNear(byte r, byte g, byte b, int tolerance = 8)
    {
        int count = 0;
        for (int o = 0; o < Rgba.Length; o += 4)
        {
            if (Math.Abs(Rgba[o] - r) <= tolerance && Math.Abs(Rgba[o + 1] - g) <= tolerance && Math.Abs(Rgba[o + 2] - b) <= tolerance) count++;
        }
        return count;
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        int stride = width * bpp;
        var output = new byte[(long)stride * height];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            var current = output.AsSpan(y * stride, stride);
            var previous = y == 0 ? Span<byte>.Empty : output.AsSpan((y - 1) * stride, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= bpp ? current[i - bpp] : 0;
                int b = y > 0 ? previous[i] : 0;
                int c = i >= bpp && y > 0 ? previous[i - bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"row {y} has unknown filter type {filter}."),
                };
                current[i] = (byte)(line[i] + predictor);
            }
        }
        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, int count, int channels)
    {
        var rgba = new byte[count * 4];
        for (int p = 0; p < count; p++)
        {
            int s = p * channels, d = p * 4;
            switch (channels)
            {
                case 1:
                    rgba[d] = rgba[d + 1] = rgba[d + 2] = pixels[s];
                    rgba[d + 3] = 255;
                    break;
                case 2:
                    rgba[d] = rgba[d + 1] = rgba[d + 2] = pixels[s];
                    rgba[d + 3] = pixels[s + 1];
                    break;
                case 3:
                    rgba[d] = pixels[s];
                    rgba[d + 1] = pixels[s + 1];
                    rgba[d + 2] = pixels[s + 2];
                    rgba[d + 3] = 255;
                    break;
                default:
                    pixels.AsSpan(s, 4).CopyTo(rgba.AsSpan(d));
                    break;
            }
        }
        return rgba;
    }
}
