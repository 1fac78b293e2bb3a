using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using RnnTorch.Native;
using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// The BLAS under libtorch: it is OpenBLAS, it runs the kernels the binding chose for this CPU (or the user's
/// OPENBLAS_CORETYPE), and its GEMM agrees with a plain float64 product computed here.
/// </summary>
public sealed partial class BlasTests
{
    /// <summary>Kernel families OpenBLAS 0.3.x accepts in OPENBLAS_CORETYPE (driver/others/dynamic.c); others are ignored.</summary>
    private static readonly string[] KnownCoreNames =
    {
        "Katmai", "Coppermine", "Northwood", "Prescott", "Banias", "Atom", "Core2", "Penryn", "Dunnington", "Nehalem",
        "Athlon", "Opteron", "Opteron_SSE3", "Barcelona", "Nano", "Sandybridge", "Bobcat", "Bulldozer", "Piledriver",
        "Haswell", "Steamroller", "Excavator", "Zen", "SkylakeX", "CooperLake", "SapphireRapids",
    };

    private static partial class Libc
    {
        [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
        public static partial IntPtr getenv(string name);
    }

    /// <summary>The CPU's feature flags as the kernel reports them (/proc/cpuinfo), independent of .NET's intrinsics.</summary>
    private static HashSet<string> CpuFlags()
    {
        var flags = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists("/proc/cpuinfo")) return flags;
        foreach (var line in File.ReadLines("/proc/cpuinfo"))
        {
            if (!line.StartsWith("flags", StringComparison.Ordinal)) continue;
            foreach (var f in line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)) flags.Add(f);
            break;
        }
        return flags;
    }

    private static bool IsX86 => RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86;

    /// <summary>What the binding should choose on this CPU, from /proc/cpuinfo.</summary>
    private static string? ExpectedCoreType()
    {
        if (!IsX86 || !OperatingSystem.IsLinux()) return null;
        var f = CpuFlags();
        if (f.Contains("avx512f") && f.Contains("avx512cd") && f.Contains("avx512bw") && f.Contains("avx512dq") && f.Contains("avx512vl"))
            return "SkylakeX";
        if (f.Contains("avx2") && f.Contains("fma")) return "Haswell";
        return null;
    }

    [Fact]
    public void PickCoreTypeMatchesTheCpuFlags()
    {
        Assert.Equal(ExpectedCoreType(), NativeLoader.PickCoreType());
        if (IsX86 && OperatingSystem.IsLinux())
        {
            // .NET's view of the CPU agrees with the kernel's.
            var f = CpuFlags();
            Assert.Equal(f.Contains("avx2") && f.Contains("fma"), Avx2.IsSupported && Fma.IsSupported);
            Assert.Equal(f.Contains("avx512f"), Avx512F.IsSupported);
        }
    }

    [Fact]
    public void LibtorchRunsOnOpenBlas()
    {
        var info = blas_info();
        Assert.True(info.IsOpenBlas, $"libtorch's BLAS is not OpenBLAS: {info}");
        Assert.Contains("openblas", info.Library, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("OpenBLAS", info.Config, StringComparison.Ordinal);
        Assert.True(info.Threads >= 1, $"OpenBLAS threads: {info.Threads}");
        Assert.Contains(info.CoreName, info.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenBlasRunsTheKernelsChosenForThisCpuOrTheUsers()
    {
        var info = blas_info();
        string? env = Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE");
        if (info.UserCoreType is not null)
        {
            // The user set OPENBLAS_CORETYPE before the binding loaded: it is left exactly as it was, and OpenBLAS
            // runs that family (when it is a name OpenBLAS knows; an unknown name makes OpenBLAS detect the CPU).
            Assert.Null(info.ChosenCoreType);
            Assert.Equal(info.UserCoreType, env);
            if (KnownCoreNames.Contains(info.UserCoreType, StringComparer.OrdinalIgnoreCase))
                Assert.Equal(info.UserCoreType, info.CoreName, ignoreCase: true);
            Assert.Contains("set by the user", info.ToString(), StringComparison.Ordinal);
            return;
        }

        string? expected = ExpectedCoreType();
        Assert.Equal(expected, info.ChosenCoreType);
        Assert.Equal(expected, env);
        if (expected is null)
        {
            // Without AVX2 and FMA the binding leaves the choice to OpenBLAS.
            Assert.Null(info.ChosenCoreType);
            return;
        }
        Assert.True(info.UsesFastKernels, $"OpenBLAS runs generic kernels on a CPU with AVX2/FMA: {info}");
        Assert.Equal(expected, info.CoreName, ignoreCase: true);
        Assert.Contains("chosen for this CPU", info.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheCoreTypeIsInTheEnvironmentThatLibcSees()
    {
        // OpenBLAS reads OPENBLAS_CORETYPE with getenv when libtorch loads it, so it must be in libc's environment
        // (which .NET's Environment does not write through to); the binding sets it with setenv.
        var info = blas_info();
        string? expected = info.UserCoreType ?? info.ChosenCoreType;
        IntPtr p = Libc.getenv("OPENBLAS_CORETYPE");
        string? seen = p == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(p);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public void BlasInfoClassifiesKernelFamilies()
    {
        var haswell = new BlasInfo("/x/libblas.so.3", "Haswell", "OpenBLAS 0.3.21", 4, "Haswell", null);
        Assert.True(haswell.IsOpenBlas);
        Assert.True(haswell.UsesFastKernels);
        Assert.Contains("OPENBLAS_CORETYPE=Haswell chosen for this CPU", haswell.ToString(), StringComparison.Ordinal);

        var prescott = new BlasInfo("/x/libblas.so.3", "Prescott", "OpenBLAS 0.3.21", 4, null, "Prescott");
        Assert.True(prescott.IsOpenBlas);
        Assert.False(prescott.UsesFastKernels);
        Assert.Contains("OPENBLAS_CORETYPE=Prescott set by the user", prescott.ToString(), StringComparison.Ordinal);

        var reference = new BlasInfo("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3", "", "", -1, "Haswell", null);
        Assert.False(reference.IsOpenBlas);
        Assert.False(reference.UsesFastKernels);
        Assert.Contains("not OpenBLAS", reference.ToString(), StringComparison.Ordinal);
    }

    /// <summary>C = A·B in float64 by the textbook triple loop, from the float32 values converted exactly.</summary>
    private static double[] NaiveMatmul(float[] a, float[] b, int n, int k, int m)
    {
        var c = new double[n * m];
        for (int i = 0; i < n; i++)
        for (int p = 0; p < k; p++)
        {
            double aip = a[i * k + p];
            for (int j = 0; j < m; j++) c[i * m + j] += aip * b[p * m + j];
        }
        return c;
    }

    /// <summary>
    /// Checks a float32 GEMM result against the float64 reference, element by element with a tolerance scaled by
    /// ‖a_i‖₂·‖b_j‖₂ (row i of A, column j of B). Why: a float32 dot product of length k has a rounding error of at
    /// most about k·u·Σ|a_ip·b_pj| (u = 2⁻²⁴ ≈ 6e-8), and Σ|a_ip·b_pj| ≤ ‖a_i‖₂·‖b_j‖₂ (Cauchy–Schwarz), so 1e-4 of
    /// that scale is above the worst case for k ≤ 512 (512·6e-8 ≈ 3e-5), yet far below the size of any real
    /// mistake (a wrong or missing term is of order |a_ip·b_pj|). A plain relative error per element would not do:
    /// elements near zero from cancellation have a large relative error even when the product is right.
    /// </summary>
    private static void AssertGemmClose(double[] reference, float[] got, float[] a, float[] b, int n, int k, int m, double rel)
    {
        var rowNorm = new double[n];
        var colNorm = new double[m];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int p = 0; p < k; p++) s += (double)a[i * k + p] * a[i * k + p];
            rowNorm[i] = Math.Sqrt(s);
        }
        for (int j = 0; j < m; j++)
        {
            double s = 0;
            for (int p = 0; p < k; p++) s += (double)b[p * m + j] * b[p * m + j];
            colNorm[j] = Math.Sqrt(s);
        }
        Assert.Equal(reference.Length, got.Length);
        for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
        {
            double err = Math.Abs(got[i * m + j] - reference[i * m + j]);
            double tol = rel * rowNorm[i] * colNorm[j];
            if (!(err <= tol)) Assert.Fail($"C[{i},{j}] = {got[i * m + j]:R}, reference {reference[i * m + j]:R}, |error| {err:E3} > {tol:E3}");
        }
    }

    [Theory]
    [InlineData(257, 129, 65)] // odd sizes: every kernel's edge handling
    [InlineData(512, 512, 512)]
    [InlineData(1, 300, 7)]    // a matrix-vector shape
    public void Float32GemmAgreesWithAFloat64Reference(int n, int k, int m)
    {
        using var scope = NewDisposeScope();
        manual_seed(n * 1000 + k);
        var at = randn(n, k);
        var bt = randn(k, m);
        var a = at.data<float>().ToArray();
        var b = bt.data<float>().ToArray();
        var c = at.matmul(bt);
        Assert.Equal(new long[] { n, m }, c.shape);
        AssertGemmClose(NaiveMatmul(a, b, n, k, m), c.data<float>().ToArray(), a, b, n, k, m, 1e-4);
    }

    [Fact]
    public void Float32GemmOfTransposedOperandsAgreesWithAFloat64Reference()
    {
        // Transposed views reach the BLAS as its 'T' flags rather than as copies.
        using var scope = NewDisposeScope();
        manual_seed(77);
        const int n = 65, k = 129, m = 33;
        var aStored = randn(k, n); // A = aStoredᵀ
        var bStored = randn(m, k); // B = bStoredᵀ
        var at = aStored.t();
        var bt = bStored.t();
        Assert.False(at.is_contiguous());
        var a = at.contiguous().data<float>().ToArray();
        var b = bt.contiguous().data<float>().ToArray();
        var c = at.mm(bt);
        AssertGemmClose(NaiveMatmul(a, b, n, k, m), c.data<float>().ToArray(), a, b, n, k, m, 1e-4);
    }

    [Fact]
    public void Float64GemmAgreesWithAFloat64Reference()
    {
        using var scope = NewDisposeScope();
        manual_seed(78);
        const int n = 67, k = 131, m = 45;
        var at = randn(new long[] { n, k }, float64);
        var bt = randn(new long[] { k, m }, float64);
        var a = at.data<double>().ToArray();
        var b = bt.data<double>().ToArray();
        var got = at.matmul(bt).data<double>().ToArray();
        for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
        {
            double r = 0, scale = 0;
            for (int p = 0; p < k; p++)
            {
                r += a[i * k + p] * b[p * m + j];
                scale += Math.Abs(a[i * k + p] * b[p * m + j]);
            }
            // Both sums carry at most k·u·Σ|terms| rounding (u = 2⁻⁵³): 1e-12 of Σ|terms| covers both for k = 131.
            if (!(Math.Abs(got[i * m + j] - r) <= 1e-12 * scale)) Assert.Fail($"C[{i},{j}] = {got[i * m + j]:R}, reference {r:R}");
        }
    }
}
