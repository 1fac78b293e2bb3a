using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    /// <summary>CUDA devices (available only when the libtorch built against has CUDA).</summary>
    public static class cuda
    {
        /// <summary>True when libtorch was built with CUDA and a CUDA device is present.</summary>
        public static unsafe bool is_available()
        {
            int v;
            Native.NativeMethods.Check(rt_cuda_is_available(&v));
            return v != 0;
        }

        /// <summary>The number of CUDA devices (0 on a CPU-only libtorch).</summary>
        public static unsafe int device_count()
        {
            long n;
            Native.NativeMethods.Check(rt_cuda_device_count(&n));
            return (int)n;
        }

        /// <summary>Waits for all work on CUDA device <paramref name="device"/> to finish (a no-op without CUDA).</summary>
        public static void synchronize(long device = -1) => Native.NativeMethods.Check(rt_cuda_synchronize(device));
    }
}
