using System.Globalization;
using System.Text;

namespace RnnTorch;

public sealed partial class Tensor
{
    private const int EdgeItems = 3;
    private const int SummarizeThreshold = 1000;
    private const int LineWidth = 80;

    /// <summary>
    /// The values as PyTorch prints them, e.g. <c>tensor([[1.0000, 2.5000], [3.0000, 4.0000]], dtype=torch.float64)</c>
    /// (4 decimals or scientific notation, aligned columns, summarised beyond 1,000 elements).
    /// </summary>
    public override string ToString()
    {
        if (IsInvalid) return "tensor(<disposed>)";
        var dt = dtype;
        var shp = shape;
        var suffixes = new List<string>();
        if (device.type != DeviceType.CPU) suffixes.Add($"device='{device}'");
        if (dt is not (ScalarType.Float32 or ScalarType.Int64 or ScalarType.Bool)) suffixes.Add($"dtype=torch.{DTypeName(dt)}");
        if (requires_grad) suffixes.Add("requires_grad=True");

        string body;
        long n = numel();
        if (n == 0)
        {
            body = "[]";
            if (shp.Length != 1) suffixes.Insert(0, $"size=({string.Join(", ", shp)}{(shp.Length == 1 ? "," : "")})");
        }
        else if (is_complex())
        {
            body = "<complex>";
            suffixes.Insert(0, $"size=({string.Join(", ", shp)})");
        }
        else
        {
            double[] values;
            using (var cpu = detach().to(ScalarType.Float64, torch.CPU)) values = cpu.data<double>().ToArray();
            bool summarize = n > SummarizeThreshold;
            var formatter = new ValueFormatter(dt, Visible(values, shp, summarize));
            var sb = new StringBuilder();
            Render(sb, values, shp, 0, 0, "tensor(".Length, formatter, summarize);
            body = sb.ToString();
        }
        return suffixes.Count == 0 ? $"tensor({body})" : $"tensor({body}, {string.Join(", ", suffixes)})";
    }

    private static string DTypeName(ScalarType t) => t switch
    {
        ScalarType.Float16 => "float16",
        ScalarType.Float64 => "float64",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Int8 => "int8",
        ScalarType.Byte => "uint8",
        ScalarType.Int16 => "int16",
        ScalarType.Int32 => "int32",
        ScalarType.ComplexFloat32 => "complex64",
        ScalarType.ComplexFloat64 => "complex128",
        _ => t.ToString().ToLowerInvariant(),
    };

    /// <summary>The values that will be printed (all, or the edges when summarising).</summary>
    private static IEnumerable<double> Visible(double[] values, long[] shape, bool summarize)
    {
        if (!summarize) return values;
        var list = new List<double>();
        Collect(values, shape, 0, 0, list);
        return list;
    }

    private static void Collect(double[] values, long[] shape, int depth, long offset, List<double> into)
    {
        if (depth == shape.Length)
        {
            into.Add(values[offset]);
            return;
        }
        long stride = Stride(shape, depth);
        foreach (long i in Indices(shape[depth], true)) Collect(values, shape, depth + 1, offset + i * stride, into);
    }

    private static long Stride(long[] shape, int depth)
    {
        long s = 1;
        for (int d = depth + 1; d < shape.Length; d++) s *= shape[d];
        return s;
    }

    private static IEnumerable<long> Indices(long size, bool summarize)
    {
        if (!summarize || size <= 2 * EdgeItems)
        {
            for (long i = 0; i < size; i++) yield return i;
            yield break;
        }
        for (long i = 0; i < EdgeItems; i++) yield return i;
        yield return -1; // the ellipsis
        for (long i = size - EdgeItems; i < size; i++) yield return i;
    }

    private static void Render(StringBuilder sb, double[] values, long[] shape, int depth, long offset, int indent, ValueFormatter f, bool summarize)
    {
        if (shape.Length == 0)
        {
            sb.Append(f.Format(values[0]).Trim());
            return;
        }
        long stride = Stride(shape, depth);
        sb.Append('[');
        if (depth == shape.Length - 1)
        {
            int lineStart = sb.Length;
            int col = indent + depth + 1;
            bool first = true;
            foreach (long i in Indices(shape[depth], summarize))
            {
                string item = i < 0 ? "..." : f.Format(values[offset + i]);
                if (!first)
                {
                    sb.Append(',');
                    if (col + 2 + item.Length > LineWidth)
                    {
                        sb.Append('\n').Append(' ', indent + depth + 1);
                        col = indent + depth + 1;
                    }
                    else
                    {
                        sb.Append(' ');
                        col += 2;
                    }
                }
                sb.Append(item);
                col += item.Length;
                first = false;
            }
            _ = lineStart;
        }
        else
        {
            bool first = true;
            string separator = "," + new string('\n', shape.Length - depth - 1) + new string(' ', indent + depth + 1);
            foreach (long i in Indices(shape[depth], summarize))
            {
                if (!first) sb.Append(separator);
                if (i < 0) sb.Append("...");
                else Render(sb, values, shape, depth + 1, offset + i * stride, indent, f, summarize);
                first = false;
            }
        }
        sb.Append(']');
    }

    /// <summary>PyTorch's value formatting: integers as is, floats with 4 decimals or in scientific notation, one width for all.</summary>
    private sealed class ValueFormatter
    {
        private readonly ScalarType dtype;
        private readonly bool intMode, sciMode;
        private readonly int width;

        public ValueFormatter(ScalarType dtype, IEnumerable<double> values)
        {
            this.dtype = dtype;
            var all = values.ToList();
            bool floating = dtype is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16;
            if (floating)
            {
                var finite = all.Where(double.IsFinite).ToList();
                var nonzero = finite.Where(v => v != 0).Select(Math.Abs).ToList();
                intMode = finite.All(v => v == Math.Ceiling(v));
                if (nonzero.Count > 0)
                {
                    double max = nonzero.Max(), min = nonzero.Min();
                    sciMode = intMode ? (max / min > 1000 || max > 1e8) : (max / min > 1000 || max > 1e8 || min < 1e-4);
                }
            }
            width = all.Count == 0 ? 0 : all.Max(v => Raw(v).Length);
        }

        private string Raw(double v)
        {
            var ci = CultureInfo.InvariantCulture;
            if (dtype == ScalarType.Bool) return v != 0 ? "True" : "False";
            if (dtype is not (ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16))
                return ((long)v).ToString(ci);
            if (double.IsNaN(v)) return "nan";
            if (double.IsPositiveInfinity(v)) return "inf";
            if (double.IsNegativeInfinity(v)) return "-inf";
            if (sciMode) return v.ToString("0.0000e+00", ci);
            if (intMode) return v.ToString("0", ci) + ".";
            return v.ToString("0.0000", ci);
        }

        public string Format(double v) => Raw(v).PadLeft(width);
    }
}
