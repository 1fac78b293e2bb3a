using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    /// <summary>The CPU random generator's state as a uint8 tensor (save it to resume a run exactly).</summary>
    public static unsafe Tensor get_rng_state()
    {
        IntPtr r;
        return Tensor.Wrap(rt_get_rng_state(&r), r);
    }

    /// <summary>Restores the CPU random generator's state from <see cref="get_rng_state"/>'s tensor.</summary>
    public static void set_rng_state(Tensor new_state)
    {
        ThrowHelper.ThrowIfNull(new_state);
        if (new_state.dtype != ScalarType.Byte)
            throw new ArgumentException($"new_state must be the uint8 tensor get_rng_state() returns, but has dtype {new_state.dtype}.", nameof(new_state));
        int rc = rt_set_rng_state(new_state.Handle);
        GC.KeepAlive(new_state);
        Native.NativeMethods.Check(rc);
    }
}
