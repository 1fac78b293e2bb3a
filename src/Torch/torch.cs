using RnnTorch.Native;
using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

/// <summary>
/// The libtorch API with TorchSharp's names and argument orders: <c>using static RnnTorch.torch;</c> brings
/// <c>Tensor</c>, the dtypes, devices, factories and functions into scope.
/// </summary>
public static partial class torch
{
    /// <summary>float32.</summary>
    public const ScalarType float32 = ScalarType.Float32;
    /// <summary>float64.</summary>
    public const ScalarType float64 = ScalarType.Float64;
    /// <summary>float16.</summary>
    public const ScalarType float16 = ScalarType.Float16;
    /// <summary>bfloat16.</summary>
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    /// <summary>int8.</summary>
    public const ScalarType int8 = ScalarType.Int8;
    /// <summary>uint8.</summary>
    public const ScalarType uint8 = ScalarType.Byte;
    /// <summary>int16.</summary>
    public const ScalarType int16 = ScalarType.Int16;
    /// <summary>int32.</summary>
    public const ScalarType int32 = ScalarType.Int32;
    /// <summary>int64.</summary>
    public const ScalarType int64 = ScalarType.Int64;
    /// <summary>bool.</summary>
    public const ScalarType @bool = ScalarType.Bool;
    /// <summary>complex64 (two float32).</summary>
    public const ScalarType complex64 = ScalarType.ComplexFloat32;
    /// <summary>complex128 (two float64).</summary>
    public const ScalarType complex128 = ScalarType.ComplexFloat64;

    /// <summary>The host processor.</summary>
    public static readonly Device CPU = new(DeviceType.CPU);

    /// <summary>The current CUDA device.</summary>
    public static readonly Device CUDA = new(DeviceType.CUDA);

    /// <summary>A device from its description: <c>"cpu"</c>, <c>"cuda"</c>, <c>"cuda:1"</c>.</summary>
    public static Device device(string description) => new(description);

    /// <summary>A device from its type and index.</summary>
    public static Device device(DeviceType type, int index = -1) => new(type, index);

    /// <summary>The dtype that factories use when none is given (float32 unless changed).</summary>
    public static ScalarType get_default_dtype() => defaultDType;

    /// <summary>Sets the dtype that factories use when none is given; must be a floating type.</summary>
    public static void set_default_dtype(ScalarType dtype)
    {
        if (dtype is not (ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16))
            ThrowHelper.ThrowOutOfRange(nameof(dtype), dtype, "must be a floating-point dtype.");
        // libtorch's own default decides int / int, int + 1.5 and arange(0.0, …): keep it in step.
        NativeMethods.Check(rt_set_default_dtype((int)dtype));
        defaultDType = dtype;
    }

    private static ScalarType defaultDType = ScalarType.Float32;

    /// <summary>libtorch's version, e.g. <c>1.13.0</c>.</summary>
    public static unsafe string __version__
    {
        get
        {
            byte* p;
            NativeMethods.Check(rt_version(&p));
            return Utf8(p);
        }
    }

    /// <summary>Seeds libtorch's random number generators (CPU and CUDA).</summary>
    public static void manual_seed(long seed) => NativeMethods.Check(rt_manual_seed(seed));

    /// <summary>Sets the number of intra-op threads libtorch uses (OpenMP, which OpenBLAS shares).</summary>
    public static void set_num_threads(int num)
    {
        ThrowHelper.ThrowIfNotPositive(num);
        NativeMethods.Check(rt_set_num_threads(num));
    }

    /// <summary>The number of intra-op threads; every core by default (unless OMP_NUM_THREADS was set).</summary>
    public static unsafe int get_num_threads()
    {
        int n;
        NativeMethods.Check(rt_get_num_threads(&n));
        return n;
    }

    /// <summary>libtorch's description of its parallel backend and thread settings.</summary>
    public static unsafe string parallel_info()
    {
        byte* p;
        NativeMethods.Check(rt_parallel_info(&p));
        return Utf8(p);
    }

    /// <summary>libtorch's build configuration (compiler, BLAS, CUDA, CPU capability).</summary>
    public static unsafe string config_info()
    {
        byte* p;
        NativeMethods.Check(rt_config_info(&p));
        return Utf8(p);
    }

    /// <summary>The number of live (undisposed, unfinalized) tensors in this process, for diagnostics.</summary>
    public static long live_tensor_count => Tensor.LiveCount;

    /// <summary>Opens a dispose scope: tensors created on this thread until it is disposed are disposed with it.</summary>
    public static DisposeScope NewDisposeScope() => new();

    internal static (int dtype, int type, int index) Options(ScalarType? dtype, Device? device) =>
        ((int)(dtype ?? defaultDType), (int)(device?.type ?? DeviceType.CPU), device?.index ?? -1);
}
