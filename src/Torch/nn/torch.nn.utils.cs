namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Utilities for training (PyTorch's <c>torch.nn.utils</c>): gradient clipping, and <c>rnn</c> for packed sequences.</summary>
        public static partial class utils
        {
            /// <summary>
            /// Scales the gradients of <paramref name="parameters"/> in place so that their total norm (the
            /// <paramref name="norm_type"/>-norm of all gradients taken together, as if concatenated; +∞ for the largest
            /// absolute value) is at most <paramref name="max_norm"/>: each gradient is multiplied by
            /// max_norm / (total_norm + 1e-6) when that is below 1, and left alone otherwise (PyTorch 1.13). Parameters
            /// without a gradient are skipped. Returns the total norm before clipping (0 when no parameter has a
            /// gradient), computed in the gradients' dtype.
            /// </summary>
            /// <param name="parameters">The parameters (or any tensors) whose gradients to clip.</param>
            /// <param name="max_norm">The largest total norm allowed, &gt;= 0.</param>
            /// <param name="norm_type">The p of the p-norm, &gt; 0; <see cref="double.PositiveInfinity"/> for the max-norm.</param>
            /// <param name="error_if_nonfinite">Throw, leaving the gradients alone, when the total norm is NaN or infinite.</param>
            public static double clip_grad_norm_(IEnumerable<Tensor> parameters, double max_norm, double norm_type = 2.0, bool error_if_nonfinite = false)
            {
                ThrowHelper.ThrowIfNull(parameters);
                if (!(max_norm >= 0) || double.IsInfinity(max_norm)) ThrowHelper.ThrowArgument(nameof(max_norm), $"must be a finite number >= 0, but was {max_norm}.");
                if (!(norm_type > 0)) ThrowHelper.ThrowArgument(nameof(norm_type), $"must be > 0 (or +infinity), but was {norm_type}.");
                using var noGrad = no_grad();
                using var scope = NewDisposeScope();
                var grads = new List<Tensor>();
                int index = 0;
                foreach (var p in parameters)
                {
                    if (p is null) ThrowHelper.ThrowArgument(nameof(parameters), $"element {index} is null.");
                    index++;
                    if (p.grad is { } g) grads.Add(g);
                }
                if (grads.Count == 0) return 0.0;
                var device = grads[0].device;
                Tensor total;
                if (double.IsPositiveInfinity(norm_type))
                {
                    var norms = grads.Select(g => g.abs().max().to(device)).ToList();
                    total = norms.Count == 1 ? norms[0] : stack(norms).max();
                }
                else
                {
                    float p = (float)norm_type;
                    total = stack(grads.Select(g => g.norm(p).to(device)).ToList()).norm(p);
                }
                double totalNorm = total.to(ScalarType.Float64, CPU).item<double>();
                if (error_if_nonfinite && !double.IsFinite(totalNorm))
                    throw new InvalidOperationException($"The total norm of order {norm_type} of the gradients is {totalNorm}, so they cannot be clipped (error_if_nonfinite is set).");
                var coef = max_norm / (total + 1e-6);
                if (coef.to(ScalarType.Float64, CPU).item<double>() < 1)
                {
                    foreach (var g in grads) g.mul_(coef.to(g.device));
                }
                return totalNorm;
            }

            /// <summary>
            /// Clamps every gradient element of <paramref name="parameters"/> into [−<paramref name="clip_value"/>,
            /// <paramref name="clip_value"/>], in place; parameters without a gradient are skipped.
            /// </summary>
            public static void clip_grad_value_(IEnumerable<Tensor> parameters, double clip_value)
            {
                ThrowHelper.ThrowIfNull(parameters);
                if (!(clip_value >= 0)) ThrowHelper.ThrowArgument(nameof(clip_value), $"must be >= 0, but was {clip_value}.");
                using var noGrad = no_grad();
                using var scope = NewDisposeScope();
                int index = 0;
                foreach (var p in parameters)
                {
                    if (p is null) ThrowHelper.ThrowArgument(nameof(parameters), $"element {index} is null.");
                    index++;
                    p.grad?.clamp_(-clip_value, clip_value);
                }
            }
        }
    }
}
