using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Applies the affine map <c>input · weightsᵀ + bias</c> over the last dimension: <paramref name="input"/> is
            /// (*, in), <paramref name="weights"/> (out, in) and <paramref name="bias"/> (out) or null; the result is (*, out).
            /// </summary>
            public static unsafe Tensor linear(Tensor input, Tensor weights, Tensor? bias = null)
            {
                ThrowHelper.ThrowIfNull(input);
                ThrowHelper.ThrowIfNull(weights);
                IntPtr r;
                int rc = rt_linear(input.Handle, weights.Handle, bias is null ? IntPtr.Zero : bias.Handle, &r);
                GC.KeepAlive(weights);
                GC.KeepAlive(bias);
                return Tensor.Wrap(rc, r, input);
            }

            /// <summary>
            /// Looks up rows of <paramref name="weight"/> (num_embeddings, dim) at the int64 (or int32) indices in
            /// <paramref name="input"/>; the result has shape input.shape + (dim). The row at <paramref name="padding_idx"/>
            /// (negative counts from the end, as in PyTorch) receives no gradient.
            /// </summary>
            public static unsafe Tensor embedding(Tensor input, Tensor weight, long? padding_idx = null)
            {
                ThrowHelper.ThrowIfNull(input);
                ThrowHelper.ThrowIfNull(weight);
                long pad = NormalizePaddingIndex(padding_idx, weight.size(0));
                IntPtr r;
                int rc = rt_embedding(weight.Handle, input.Handle, pad, &r);
                GC.KeepAlive(weight);
                return Tensor.Wrap(rc, r, input);
            }

            /// <summary>PyTorch's rule: null means none (-1 for libtorch), a negative index counts from the end.</summary>
            internal static long NormalizePaddingIndex(long? padding_idx, long num_embeddings, string name = "padding_idx")
            {
                if (padding_idx is not { } p) return -1;
                if (p >= num_embeddings || p < -num_embeddings)
                    ThrowHelper.ThrowOutOfRange(name, p, $"must be within [{-num_embeddings}, {num_embeddings}) for {num_embeddings} embeddings.");
                return p < 0 ? p + num_embeddings : p;
            }

            /// <summary>
            /// In training, zeroes each element with probability <paramref name="p"/> and scales the others by 1/(1 − p);
            /// with <paramref name="training"/> false, returns the input's values unchanged (a new handle to the same tensor).
            /// </summary>
            /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1].</exception>
            public static unsafe Tensor dropout(Tensor input, double p = 0.5, bool training = true)
            {
                ThrowHelper.ThrowIfNull(input);
                CheckProbability(p);
                IntPtr r;
                return Tensor.Wrap(rt_dropout(input.Handle, p, training ? 1 : 0, &r), r, input);
            }

            internal static void CheckProbability(double p, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(p))] string? name = null)
            {
                if (!(p >= 0 && p <= 1)) ThrowHelper.ThrowOutOfRange(name, p, "must be a probability in [0, 1].");
            }

            /// <summary>
            /// Normalizes over the trailing dimensions given by <paramref name="normalized_shape"/>:
            /// (x − mean) / √(var + eps) with the biased variance, then times <paramref name="weight"/> plus
            /// <paramref name="bias"/> (each of shape <paramref name="normalized_shape"/>) when given.
            /// </summary>
            public static unsafe Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-05)
            {
                ThrowHelper.ThrowIfNull(input);
                ThrowHelper.ThrowIfNull(normalized_shape);
                IntPtr r;
                int rc;
                fixed (long* s = normalized_shape)
                {
                    rc = rt_layer_norm(input.Handle, s, normalized_shape.Length, weight is null ? IntPtr.Zero : weight.Handle,
                        bias is null ? IntPtr.Zero : bias.Handle, eps, &r);
                }
                GC.KeepAlive(weight);
                GC.KeepAlive(bias);
                return Tensor.Wrap(rc, r, input);
            }
        }
    }
}
