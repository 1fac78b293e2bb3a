namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>The device of the first parameter (or buffer), or the CPU for a module without tensors.</summary>
            public Device device => parameters().Cast<Tensor>().Concat(buffers()).FirstOrDefault()?.device ?? CPU;

            /// <summary>
            /// Moves every parameter and buffer to <paramref name="device"/> and, when given, casts the floating-point ones to
            /// <paramref name="dtype"/>, in place: the parameter objects stay the same, so optimizers built earlier still hold them.
            /// Gradients are dropped.
            /// </summary>
            public virtual Module to(Device? device, ScalarType? dtype)
            {
                if (dtype is { } dt && dt is not (ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16))
                    throw new ArgumentException($"module.to(dtype) needs a floating-point dtype, but got {dt}.", nameof(dtype));
                using var scope = NewDisposeScope();
                foreach (var t in parameters().Cast<Tensor>().Concat(buffers()))
                {
                    var targetDevice = device ?? t.device;
                    var targetType = dtype is { } d && t.is_floating_point() ? d : t.dtype;
                    if (targetDevice == t.device && targetType == t.dtype) continue;
                    t.grad = null;
                    t.set_data(t.detach().to(targetType, targetDevice));
                }
                return this;
            }
        }
    }
}
