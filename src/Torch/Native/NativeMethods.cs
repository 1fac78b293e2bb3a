using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: DisableRuntimeMarshalling]

namespace RnnTorch.Native;

/// <summary>
/// The C ABI of the native shim (declarations in NativeMethods.g.cs, generated from src/Torch/native).
/// Every entry point returns 0 or -1; on -1 the message waits in a thread-local slot read by <see cref="Check"/>.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string Lib = "rnntorch_native";

    /// <summary>Throws the pending native error as a <see cref="TorchException"/> when <paramref name="rc"/> is not 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Check(int rc)
    {
        if (rc != 0) ThrowLastError();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLastError()
    {
        byte* p = rt_last_error();
        string message = p == null ? "unknown native error" : Marshal.PtrToStringUTF8((IntPtr)p) ?? "unknown native error";
        rt_clear_error();
        throw new TorchException(message);
    }

    /// <summary>A UTF-8 string owned by the native side, copied.</summary>
    internal static string Utf8(byte* p) => p == null ? "" : Marshal.PtrToStringUTF8((IntPtr)p) ?? "";
}
