using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    /// <summary>Neural-network building blocks (modules come with the modules issue).</summary>
    public static partial class nn
    {
        /// <summary>Stateless functions of <c>torch.nn.functional</c>.</summary>
        public static partial class functional
        {
            /// <summary>
            /// Pads the last dimensions: <paramref name="pad"/> holds (left, right) pairs starting from the last dimension.
            /// Only <see cref="PaddingModes.Constant"/> (and <see cref="PaddingModes.Zeros"/>) are supported here.
            /// </summary>
            public static unsafe Tensor pad(Tensor input, long[] pad, PaddingModes mode = PaddingModes.Constant, double value = 0)
            {
                ThrowHelper.ThrowIfNull(input);
                ThrowHelper.ThrowIfNull(pad);
                if (pad.Length % 2 != 0) throw new ArgumentException($"pad must hold (left, right) pairs, but has {pad.Length} entries.", nameof(pad));
                if (mode is not (PaddingModes.Constant or PaddingModes.Zeros))
                    throw new NotSupportedException($"pad mode {mode} is not supported yet; use Constant.");
                IntPtr r;
                int rc;
                fixed (long* p = pad) rc = rt_constant_pad(input.Handle, p, pad.Length, value, &r);
                return Tensor.Wrap(rc, r, input);
            }

            /// <summary>One-hot encodes int64 class indices (num_classes = -1 infers it from the largest index).</summary>
            public static unsafe Tensor one_hot(Tensor x, long num_classes = -1)
            {
                ThrowHelper.ThrowIfNull(x);
                IntPtr r;
                return Tensor.Wrap(rt_one_hot(x.Handle, num_classes, &r), r, x);
            }

            /// <summary>Softmax along <paramref name="dim"/>.</summary>
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => torch.softmax(input, dim, dtype);

            /// <summary>Log-softmax along <paramref name="dim"/>.</summary>
            public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => torch.log_softmax(input, dim, dtype);
        }
    }
}
