using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace RnnTorch.Native;

/// <summary>
/// Runs once, when this assembly loads and before libtorch (and the BLAS it links) is loaded: picks fast
/// OpenBLAS kernels for this CPU and sets libtorch's thread count to every core.
/// </summary>
internal static partial class NativeLoader
{
    /// <summary>The OPENBLAS_CORETYPE the binding chose, or null when it left the environment alone.</summary>
    internal static string? ChosenCoreType { get; private set; }

    /// <summary>The OPENBLAS_CORETYPE the user had set before the binding loaded, if any.</summary>
    internal static string? UserCoreType { get; private set; }

#pragma warning disable CA2255 // A module initializer is the one place that runs before any P/Invoke loads libtorch.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        UserCoreType = Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE");
        if (string.IsNullOrEmpty(UserCoreType))
        {
            // An empty value counts as unset (OpenBLAS ignores it too), so it is overwritten.
            UserCoreType = null;
            ChosenCoreType = PickCoreType();
            if (ChosenCoreType is not null && OperatingSystem.IsLinux())
            {
                // .NET keeps its own copy of the environment; the native loader reads libc's.
                setenv("OPENBLAS_CORETYPE", ChosenCoreType, 1);
                Environment.SetEnvironmentVariable("OPENBLAS_CORETYPE", ChosenCoreType);
            }
        }
        SetDefaultThreads();
    }

    /// <summary>libtorch's intra-op threads default to every core unless OMP_NUM_THREADS says otherwise.</summary>
    private static void SetDefaultThreads()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"))) return;
        try
        {
            NativeMethods.rt_set_num_threads(Environment.ProcessorCount);
        }
        catch (DllNotFoundException)
        {
            // The native shim is missing; the first real call reports it.
        }
    }

    /// <summary>
    /// The fastest OpenBLAS kernel family this CPU can run: SkylakeX with AVX-512 (F, CD, BW, DQ, VL),
    /// Haswell with AVX2 and FMA; null elsewhere (OpenBLAS's own detection then applies).
    /// </summary>
    internal static string? PickCoreType()
    {
        if (Avx512F.IsSupported && Avx512CD.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512F.VL.IsSupported)
            return "SkylakeX";
        if (Avx2.IsSupported && Fma.IsSupported)
            return "Haswell";
        return null;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
