using System.Globalization;
using System.Numerics;
using System.Text;

namespace RnnTorch;

public partial class Tensor
{
    // PyTorch's default print options (torch/_tensor_str.py, PRINT_OPTS).
    private const int Precision = 4;
    private const int EdgeItems = 3;
    private const int SummarizeThreshold = 1000;
    private const int LineWidth = 80;

    /// <summary>
    /// The values as PyTorch prints them, e.g. <c>tensor([[1.0000, 2.5000],\n        [3.0000, 4.0000]], dtype=torch.float64)</c>:
    /// a port of <c>torch/_tensor_str.py</c> (4 decimals, integer or scientific notation chosen from the values, one width
    /// for all, 80-column lines, summarised with <c>...</c> beyond 1,000 elements). Non-leaf tensors print
    /// <c>requires_grad=True</c> where PyTorch prints <c>grad_fn=&lt;…&gt;</c>.
    /// </summary>
    public override string ToString()
    {
        if (IsInvalid) return "tensor(<disposed>)";
        const string prefix = "tensor(";
        int indent = prefix.Length;
        var dt = dtype;
        var shp = shape;
        var suffixes = new List<string>();
        var dev = device;
        if (dev.type != DeviceType.CPU) suffixes.Add($"device='{dev}'");

        string body;
        if (numel() == 0)
        {
            // NumPy-style: the shape unless it is (0,); the dtype unless it is the default floating one.
            if (shp.Length != 1) suffixes.Add($"size=({string.Join(", ", shp)})");
            if (dt != torch.get_default_dtype()) suffixes.Add($"dtype=torch.{DTypeName(dt)}");
            body = "[]";
        }
        else
        {
            if (!HasDefaultDType(dt)) suffixes.Add($"dtype=torch.{DTypeName(dt)}");
            body = Printer.Render(this, shp, indent);
        }
        if (requires_grad) suffixes.Add("requires_grad=True");
        return AddSuffixes(prefix + body, suffixes, indent);
    }

    private static bool HasDefaultDType(ScalarType t)
    {
        var def = torch.get_default_dtype();
        var defComplex = def == ScalarType.Float64 ? ScalarType.ComplexFloat64 : ScalarType.ComplexFloat32;
        return t == def || t == defComplex || t == ScalarType.Int64 || t == ScalarType.Bool;
    }

    /// <summary>Appends the suffixes, wrapping onto a new line (indented) where the line would pass the width.</summary>
    private static string AddSuffixes(string tensorStr, List<string> suffixes, int indent)
    {
        var sb = new StringBuilder(tensorStr);
        // PyTorch's measure of the last line (it counts two characters more than the line holds).
        int lastLineLen = tensorStr.Length - tensorStr.LastIndexOf('\n') + 1;
        foreach (var suffix in suffixes)
        {
            if (lastLineLen + suffix.Length + 2 > LineWidth)
            {
                sb.Append(",\n").Append(' ', indent).Append(suffix);
                lastLineLen = indent + suffix.Length;
            }
            else
            {
                sb.Append(", ").Append(suffix);
                lastLineLen += suffix.Length + 2;
            }
        }
        return sb.Append(')').ToString();
    }

    private static string DTypeName(ScalarType t) => t switch
    {
        ScalarType.Float16 => "float16",
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Int8 => "int8",
        ScalarType.Byte => "uint8",
        ScalarType.Int16 => "int16",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        ScalarType.Bool => "bool",
        ScalarType.ComplexFloat32 => "complex64",
        ScalarType.ComplexFloat64 => "complex128",
        _ => t.ToString().ToLowerInvariant(),
    };

    /// <summary>The body of the print-out: <c>_tensor_str</c> and the functions it calls.</summary>
    private sealed class Printer
    {
        private readonly long[] shape;
        private readonly bool summarize;
        private readonly Formatter real;
        private readonly Formatter? imag;
        private readonly Func<long, string> element;

        private Printer(long[] shape, bool summarize, Formatter real, Formatter? imag, Func<long, string> element)
        {
            this.shape = shape;
            this.summarize = summarize;
            this.real = real;
            this.imag = imag;
            this.element = element;
        }

        public static string Render(Tensor t, long[] shape, int indent)
        {
            long n = 1;
            foreach (var d in shape) n *= d;
            bool summarize = n > SummarizeThreshold;
            var visible = VisibleOffsets(shape, summarize);
            var dt = t.dtype;
            Printer p;
            if (dt is ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64)
            {
                Complex[] values;
                using (var c = t.detach().to(ScalarType.ComplexFloat64, torch.CPU)) values = c.data<Complex>().ToArray();
                var re = new Formatter(visible.Select(i => values[i].Real));
                var im = new Formatter(visible.Select(i => values[i].Imaginary));
                p = new Printer(shape, summarize, re, im, i => ComplexString(re, im, values[i]));
            }
            else if (dt == ScalarType.Bool)
            {
                bool[] values;
                using (var c = t.detach().to(torch.CPU)) values = c.data<bool>().ToArray();
                var f = new Formatter(visible.Select(i => values[i] ? "True" : "False"));
                p = new Printer(shape, summarize, f, null, i => f.Pad(values[i] ? "True" : "False"));
            }
            else if (dt is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64)
            {
                long[] values;
                using (var c = t.detach().to(ScalarType.Int64, torch.CPU)) values = c.data<long>().ToArray();
                var f = new Formatter(visible.Select(i => values[i].ToString(CultureInfo.InvariantCulture)));
                p = new Printer(shape, summarize, f, null, i => f.Pad(values[i].ToString(CultureInfo.InvariantCulture)));
            }
            else
            {
                double[] values;
                using (var c = t.detach().to(ScalarType.Float64, torch.CPU)) values = c.data<double>().ToArray();
                var f = new Formatter(visible.Select(i => values[i]));
                p = new Printer(shape, summarize, f, null, i => f.Format(values[i]));
            }
            return p.Tensor(0, 0, indent);
        }

        private static string ComplexString(Formatter re, Formatter im, Complex v)
        {
            string realStr = re.Format(v.Real);
            string imagStr = (im.Format(v.Imaginary) + "j").TrimStart(' ');
            return imagStr[0] is '+' or '-' ? realStr + imagStr : realStr + "+" + imagStr;
        }

        /// <summary>Row-major offsets of the elements that will be printed (all, or the edges of each dimension).</summary>
        private static List<long> VisibleOffsets(long[] shape, bool summarize)
        {
            var into = new List<long>();
            Collect(shape, summarize, 0, 0, into);
            return into;
        }

        private static void Collect(long[] shape, bool summarize, int depth, long offset, List<long> into)
        {
            if (depth == shape.Length)
            {
                into.Add(offset);
                return;
            }
            long stride = Stride(shape, depth);
            foreach (long i in Indices(shape[depth], summarize))
                if (i >= 0) Collect(shape, summarize, depth + 1, offset + i * stride, into);
        }

        private static long Stride(long[] shape, int depth)
        {
            long s = 1;
            for (int d = depth + 1; d < shape.Length; d++) s *= shape[d];
            return s;
        }

        /// <summary>The indices printed along a dimension of <paramref name="size"/>; -1 stands for the ellipsis.</summary>
        private static IEnumerable<long> Indices(long size, bool summarize)
        {
            if (!summarize || size <= 2 * EdgeItems)
            {
                for (long i = 0; i < size; i++) yield return i;
                yield break;
            }
            for (long i = 0; i < EdgeItems; i++) yield return i;
            yield return -1;
            for (long i = size - EdgeItems; i < size; i++) yield return i;
        }

        /// <summary><c>_tensor_str_with_formatter</c>: the sub-tensor at <paramref name="offset"/> from dimension <paramref name="depth"/>.</summary>
        private string Tensor(int depth, long offset, int indent)
        {
            int dims = shape.Length - depth;
            if (dims == 0) return element(offset);
            if (dims == 1) return Vector(depth, offset, indent);
            long stride = Stride(shape, depth);
            var slices = Indices(shape[depth], summarize)
                .Select(i => i < 0 ? "..." : Tensor(depth + 1, offset + i * stride, indent + 1));
            string separator = "," + new string('\n', dims - 1) + new string(' ', indent + 1);
            return "[" + string.Join(separator, slices) + "]";
        }

        /// <summary><c>_vector_str</c>: a fixed number of elements per line, from the common width.</summary>
        private string Vector(int depth, long offset, int indent)
        {
            int elementLength = real.Width + 2;
            if (imag is not null) elementLength += imag.Width + 1;
            int perLine = Math.Max(1, (LineWidth - indent) / elementLength);
            var data = Indices(shape[depth], summarize).Select(i => i < 0 ? " ..." : element(offset + i)).ToList();
            var lines = new List<string>();
            for (int i = 0; i < data.Count; i += perLine)
                lines.Add(string.Join(", ", data.Skip(i).Take(perLine)));
            return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
        }
    }

    /// <summary>
    /// <c>_Formatter</c>: integers as they are; floats as <c>1.</c> when all are whole, else with 4 decimals, or in
    /// scientific notation when the finite non-zero magnitudes span more than 1000× or pass 1e8 (or go below 1e-4).
    /// </summary>
    private sealed class Formatter
    {
        private readonly bool intMode = true, sciMode;

        public int Width { get; } = 1;

        /// <summary>A formatter for non-floating values, already written out.</summary>
        public Formatter(IEnumerable<string> texts)
        {
            foreach (var s in texts) Width = Math.Max(Width, s.Length);
        }

        /// <summary>A formatter for floating values.</summary>
        public Formatter(IEnumerable<double> values)
        {
            var nonzeroFinite = values.Where(v => double.IsFinite(v) && v != 0).ToList();
            if (nonzeroFinite.Count == 0) return;
            double max = nonzeroFinite.Max(Math.Abs), min = nonzeroFinite.Min(Math.Abs);
            intMode = nonzeroFinite.All(v => v == Math.Ceiling(v));
            if (intMode)
            {
                if (max / min > 1000.0 || max > 1.0e8)
                {
                    sciMode = true;
                    foreach (var v in nonzeroFinite) Width = Math.Max(Width, Sci(v).Length);
                }
                else
                {
                    foreach (var v in nonzeroFinite) Width = Math.Max(Width, v.ToString("F0", CultureInfo.InvariantCulture).Length + 1);
                }
            }
            else if (max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4)
            {
                sciMode = true;
                foreach (var v in nonzeroFinite) Width = Math.Max(Width, Sci(v).Length);
            }
            else
            {
                foreach (var v in nonzeroFinite) Width = Math.Max(Width, Fixed(v).Length);
            }
        }

        public string Pad(string s) => s.Length >= Width ? s : new string(' ', Width - s.Length) + s;

        public string Format(double v)
        {
            string s;
            if (!double.IsFinite(v)) s = double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
            else if (sciMode) s = Sci(v);
            else if (intMode) s = v.ToString("F0", CultureInfo.InvariantCulture) + ".";
            else s = Fixed(v);
            return Pad(s);
        }

        private static string Fixed(double v) => v.ToString("F" + Precision, CultureInfo.InvariantCulture);

        /// <summary>Python's <c>{:.4e}</c>: <c>1.2346e+08</c> (the exponent has at least two digits).</summary>
        private static string Sci(double v)
        {
            string s = v.ToString("E" + Precision, CultureInfo.InvariantCulture); // 1.2346E+008
            int e = s.IndexOf('E');
            string digits = s[(e + 2)..].TrimStart('0');
            if (digits.Length < 2) digits = digits.PadLeft(2, '0');
            return s[..e] + "e" + s[e + 1] + digits;
        }
    }
}
