using static RnnTorch.torch.nn;

namespace RnnTorch;

/// <summary>Typed device and dtype moves for modules: <c>model.to(CUDA)</c> returns the model's own type.</summary>
public static class ModuleExtensions
{
    /// <summary>Moves the module's parameters and buffers to <paramref name="device"/>.</summary>
    public static T to<T>(this T module, Device device) where T : Module
    {
        ThrowHelper.ThrowIfNull(module);
        module.to(device, null);
        return module;
    }

    /// <summary>Casts the module's floating-point parameters and buffers to <paramref name="dtype"/>.</summary>
    public static T to<T>(this T module, ScalarType dtype) where T : Module
    {
        ThrowHelper.ThrowIfNull(module);
        module.to(null, dtype);
        return module;
    }

    /// <summary>Moves and casts in one go.</summary>
    public static T to<T>(this T module, ScalarType dtype, Device device) where T : Module
    {
        ThrowHelper.ThrowIfNull(module);
        module.to(device, dtype);
        return module;
    }

    /// <summary>Moves the module to the CPU.</summary>
    public static T cpu<T>(this T module) where T : Module => module.to(torch.CPU);

    /// <summary>Moves the module to CUDA device <paramref name="index"/> (-1: the current one).</summary>
    public static T cuda<T>(this T module, int index = -1) where T : Module => module.to(new Device(DeviceType.CUDA, index));

    /// <summary>Casts floating-point parameters to float64.</summary>
    public static T @double<T>(this T module) where T : Module => module.to(ScalarType.Float64);

    /// <summary>Casts floating-point parameters to float32.</summary>
    public static T @float<T>(this T module) where T : Module => module.to(ScalarType.Float32);
}
