using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public partial class Tensor
{
    private unsafe Tensor To(Device device, int dtype, bool copy)
    {
        ThrowHelper.ThrowIfNull(device);
        IntPtr r;
        return Wrap(rt_to(Handle, (int)device.type, device.index, dtype, copy ? 1 : 0, &r), r, this);
    }

    /// <summary>This tensor converted to <paramref name="type"/> (a new handle; shares storage when nothing changes).</summary>
    public Tensor to(ScalarType type, bool copy = false) => To(device, (int)type, copy);

    /// <summary>This tensor on <paramref name="device"/>.</summary>
    public Tensor to(Device device, bool copy = false) => To(device, -1, copy);

    /// <summary>This tensor converted to <paramref name="type"/> on <paramref name="device"/>.</summary>
    public Tensor to(ScalarType type, Device device, bool copy = false) => To(device, (int)type, copy);

    /// <summary>This tensor on the device described by <paramref name="device"/> (<c>"cpu"</c>, <c>"cuda:0"</c>).</summary>
    public Tensor to(string device) => To(new Device(device), -1, false);

    /// <summary>This tensor on the CPU.</summary>
    public Tensor cpu() => To(torch.CPU, -1, false);

    /// <summary>This tensor on CUDA device <paramref name="index"/> (-1: the current one).</summary>
    public Tensor cuda(int index = -1) => To(new Device(DeviceType.CUDA, index), -1, false);

    /// <summary>Converts to float32.</summary>
    public Tensor @float() => to(ScalarType.Float32);

    /// <summary>Converts to float64.</summary>
    public Tensor @double() => to(ScalarType.Float64);

    /// <summary>Converts to int64.</summary>
    public Tensor @long() => to(ScalarType.Int64);

    /// <summary>Converts to int32.</summary>
    public Tensor @int() => to(ScalarType.Int32);

    /// <summary>Converts to bool.</summary>
    public Tensor @bool() => to(ScalarType.Bool);

    /// <summary>A copy with its own storage (autograd records the copy).</summary>
    public unsafe Tensor clone()
    {
        IntPtr r;
        return Wrap(rt_clone(Handle, &r), r, this);
    }

    /// <summary>A second handle to the same tensor (same storage and autograd history), disposable on its own.</summary>
    public unsafe Tensor alias()
    {
        IntPtr r;
        return Wrap(rt_shallow_copy(Handle, &r), r, this);
    }
}
