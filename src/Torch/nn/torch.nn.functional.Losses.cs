using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            internal static int ReductionCode(Reduction reduction, string name = "reduction")
            {
                if (!Enum.IsDefined(reduction)) ThrowHelper.ThrowOutOfRange(name, reduction, "must be None, Mean or Sum.");
                return (int)reduction;
            }

            private static IntPtr OptionalHandle(Tensor? t) => t is null ? IntPtr.Zero : t.Handle;

            /// <summary>
            /// Cross entropy between the logits <paramref name="input"/> (N, C, d1…) or (C) and <paramref name="target"/>:
            /// either int64 class indices (N, d1…) — then <paramref name="weight"/> (C) rescales each class,
            /// <paramref name="ignore_index"/> skips targets, and the mean divides by the summed weights of the counted
            /// targets — or class probabilities of the input's shape. With <paramref name="label_smoothing"/> ε the target
            /// becomes (1 − ε)·target + ε/C, as in PyTorch.
            /// </summary>
            public static unsafe Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
            {
                ThrowHelper.ThrowIfNull(input);
                ThrowHelper.ThrowIfNull(target);
                int red = ReductionCode(reduction);
                CheckProbability(label_smoothing);
                IntPtr r;
                int rc = rt_cross_entropy(input.Handle, target.Handle, OptionalHandle(weight), red, ignore_index, label_smoothing, &r);
                GC.KeepAlive(target);
                GC.KeepAlive(weight);
                return Tensor.Wrap(rc, r, input);
            }

            /// <summary>
            /// Negative log-likelihood: −<paramref name="weight"/>[t]·input[n, t] for log-probabilities
            /// <paramref name="input"/> (N, C, d1…) or (C) and int64 class indices <paramref name="target"/>; targets equal to
            /// <paramref name="ignore_index"/> are skipped, and the mean divides by the summed weights of the counted targets.
            /// </summary>
            public static unsafe Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
                long ignore_index = -100)
            {
                ThrowHelper.ThrowIfNull(input);
                ThrowHelper.ThrowIfNull(target);
                int red = ReductionCode(reduction);
                IntPtr r;
                int rc = rt_nll_loss(input.Handle, target.Handle, OptionalHandle(weight), red, ignore_index, &r);
                GC.KeepAlive(target);
                GC.KeepAlive(weight);
                return Tensor.Wrap(rc, r, input);
            }

            /// <summary>Squared error (input − target)², element by element, then reduced.</summary>
            public static unsafe Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                ThrowHelper.ThrowIfNull(input);
                ThrowHelper.ThrowIfNull(target);
                int red = ReductionCode(reduction);
                IntPtr r;
                int rc = rt_mse_loss(input.Handle, target.Handle, red, &r);
                GC.KeepAlive(target);
                return Tensor.Wrap(rc, r, input);
            }

            /// <summary>Absolute error |input − target|, element by element, then reduced.</summary>
            public static unsafe Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                ThrowHelper.ThrowIfNull(input);
                ThrowHelper.ThrowIfNull(target);
                int red = ReductionCode(reduction);
                IntPtr r;
                int rc = rt_l1_loss(input.Handle, target.Handle, red, &r);
                GC.KeepAlive(target);
                return Tensor.Wrap(rc, r, input);
            }

            /// <summary>
            /// Huber loss with threshold <paramref name="delta"/> on d = |input − target|: ½d² where d &lt; delta, else
            /// delta·(d − ½delta); then reduced (TorchSharp's argument order: delta before reduction).
            /// </summary>
            /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is not positive.</exception>
            public static unsafe Tensor huber_loss(Tensor input, Tensor target, double delta = 1.0, Reduction reduction = Reduction.Mean)
            {
                ThrowHelper.ThrowIfNull(input);
                ThrowHelper.ThrowIfNull(target);
                if (!(delta > 0)) ThrowHelper.ThrowOutOfRange(nameof(delta), delta, "must be positive.");
                int red = ReductionCode(reduction);
                IntPtr r;
                int rc = rt_huber_loss(input.Handle, target.Handle, red, delta, &r);
                GC.KeepAlive(target);
                return Tensor.Wrap(rc, r, input);
            }

            /// <summary>
            /// Binary cross entropy on logits x with targets y in [0, 1], computed stably:
            /// −w·[p·y·log σ(x) + (1 − y)·log(1 − σ(x))], where <paramref name="weight"/> w (broadcast) rescales each
            /// element and <paramref name="pos_weights"/> p (broadcast over the last, class dimension) weighs the positive term.
            /// </summary>
            public static unsafe Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null,
                Reduction reduction = Reduction.Mean, Tensor? pos_weights = null)
            {
                ThrowHelper.ThrowIfNull(input);
                ThrowHelper.ThrowIfNull(target);
                int red = ReductionCode(reduction);
                IntPtr r;
                int rc = rt_bce_with_logits(input.Handle, target.Handle, OptionalHandle(weight), OptionalHandle(pos_weights), red, &r);
                GC.KeepAlive(target);
                GC.KeepAlive(weight);
                GC.KeepAlive(pos_weights);
                return Tensor.Wrap(rc, r, input);
            }
        }
    }
}
