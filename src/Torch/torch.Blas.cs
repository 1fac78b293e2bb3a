using RnnTorch.Native;
using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    /// <summary>
    /// Which BLAS libtorch runs its matrix products on, and which kernels: the loaded library, OpenBLAS's kernel
    /// family (core name), its build configuration and thread count, and whether the binding chose the core type
    /// (it sets OPENBLAS_CORETYPE before libtorch loads, unless the user set it).
    /// </summary>
    public static unsafe BlasInfo blas_info()
    {
        byte* lib, core, config;
        int threads;
        NativeMethods.Check(rt_blas_info(&lib, &core, &config, &threads));
        return new BlasInfo(Utf8(lib), Utf8(core), Utf8(config), threads, NativeLoader.ChosenCoreType, NativeLoader.UserCoreType);
    }
}
