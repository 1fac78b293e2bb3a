using System.Diagnostics;
using RnnTorch.Tests.Shared;

namespace RnnTorch.Plots.Tests;

/// <summary>The test decoder against PNGs that Python writes with its own filters (all five types) and zlib.</summary>
public sealed class PngImageTests
{
    private const string Writer = """
import random, struct, sys, zlib
out = sys.argv[1]
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
def paeth(a, b, c):
    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)
rng = random.Random(42)
for color_type, channels in ((0, 1), (2, 3), (4, 2), (6, 4)):
    w, h = 13, 11
    rows = [[rng.randrange(256) if rng.random() < 0.7 else 200 for _ in range(w * channels)] for _ in range(h)]
    raw = bytearray()
    for y, row in enumerate(rows):
        f = y % 5
        prev = rows[y - 1] if y > 0 else [0] * len(row)
        raw.append(f)
        for i, x in enumerate(row):
            a = row[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            pred = (0, a, b, (a + b) // 2, paeth(a, b, c))[f]
            raw.append((x - pred) % 256)
    z = zlib.compress(bytes(raw), 9)
    half = len(z) // 2
    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, color_type, 0, 0, 0))
    png += chunk(b'tEXt', b'Comment\x00written by the test')
    png += chunk(b'IDAT', z[:half]) + chunk(b'IDAT', z[half:]) + chunk(b'IEND', b'')
    rgba = bytearray()
    for row in rows:
        for p in range(w):
            px = row[p * channels:(p + 1) * channels]
            if channels == 1: rgba += bytes((px[0], px[0], px[0], 255))
            elif channels == 2: rgba += bytes((px[0], px[0], px[0], px[1]))
            elif channels == 3: rgba += bytes((px[0], px[1], px[2], 255))
            else: rgba += bytes(px)
    open(f'{out}/t{color_type}.png', 'wb').write(png)
    open(f'{out}/t{color_type}.rgba', 'wb').write(bytes(rgba))
""";

    [Fact]
    public void Decodes_every_filter_and_colour_type_as_python_wrote_them()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rnn-torch-png-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string script = Path.Combine(dir, "write.py");
            File.WriteAllText(script, Writer);
            var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(script);
            info.ArgumentList.Add(dir);
            using (var p = Process.Start(info)!)
            {
                string err = p.StandardError.ReadToEnd();
                Assert.True(p.WaitForExit(60_000), "python3 timed out");
                Assert.True(p.ExitCode == 0, "python3 failed: " + err);
            }
            foreach (int type in new[] { 0, 2, 4, 6 })
            {
                var image = PngImage.Load(Path.Combine(dir, $"t{type}.png"));
                Assert.Equal(13, image.Width);
                Assert.Equal(11, image.Height);
                Assert.Equal(File.ReadAllBytes(Path.Combine(dir, $"t{type}.rgba")), image.Rgba);
                Assert.True(image.DistinctColors() > 20);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Rejects_what_is_not_a_png()
    {
        Assert.Throws<InvalidDataException>(() => PngImage.Decode([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    }
}
