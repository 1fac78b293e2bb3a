using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    /// <summary>Turns gradient recording off on this thread until the returned guard is disposed.</summary>
    public static IDisposable no_grad() => new GradModeGuard(false);

    /// <summary>Turns gradient recording on on this thread until the returned guard is disposed.</summary>
    public static IDisposable enable_grad() => new GradModeGuard(true);

    /// <summary>Sets gradient recording on this thread until the returned guard is disposed.</summary>
    public static IDisposable set_grad_enabled(bool enabled) => new GradModeGuard(enabled);

    /// <summary>Whether operations on this thread are recorded for autograd.</summary>
    public static unsafe bool is_grad_enabled()
    {
        int v;
        Native.NativeMethods.Check(rt_is_grad_enabled(&v));
        return v != 0;
    }

    private sealed class GradModeGuard : IDisposable
    {
        private readonly bool previous;
        private bool disposed;

        public GradModeGuard(bool enabled)
        {
            previous = is_grad_enabled();
            Native.NativeMethods.Check(rt_set_grad_enabled(enabled ? 1 : 0));
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            Native.NativeMethods.Check(rt_set_grad_enabled(previous ? 1 : 0));
        }
    }

    /// <summary>Automatic differentiation.</summary>
    public static partial class autograd
    {
        /// <summary>
        /// The gradients of the sum of <paramref name="outputs"/> (weighted by <paramref name="grad_outputs"/>) with respect
        /// to each of <paramref name="inputs"/>, without touching their <c>grad</c>. An input the outputs do not depend on
        /// gives null when <paramref name="allow_unused"/> is set (and an error otherwise).
        /// </summary>
        public static unsafe IList<Tensor?> grad(IList<Tensor> outputs, IList<Tensor> inputs, IList<Tensor?>? grad_outputs = null,
            bool retain_graph = false, bool create_graph = false, bool allow_unused = false)
        {
            ThrowHelper.ThrowIfNull(outputs);
            ThrowHelper.ThrowIfNull(inputs);
            if (grad_outputs is not null && grad_outputs.Count != outputs.Count)
                throw new ArgumentException($"grad_outputs has {grad_outputs.Count} entries but outputs has {outputs.Count}.", nameof(grad_outputs));
            var outs = Handles(outputs, nameof(outputs));
            var ins = Handles(inputs, nameof(inputs));
            var gouts = new IntPtr[outs.Length];
            for (int i = 0; grad_outputs is not null && i < gouts.Length; i++) gouts[i] = grad_outputs[i]?.Handle ?? IntPtr.Zero;
            var results = new IntPtr[ins.Length];
            int rc;
            fixed (IntPtr* o = outs)
            fixed (IntPtr* n = ins)
            fixed (IntPtr* g = gouts)
            fixed (IntPtr* r = results)
                rc = rt_autograd_grad(o, outs.Length, n, ins.Length, g, retain_graph || create_graph ? 1 : 0, create_graph ? 1 : 0, allow_unused ? 1 : 0, r);
            GC.KeepAlive(outputs);
            GC.KeepAlive(inputs);
            GC.KeepAlive(grad_outputs);
            Native.NativeMethods.Check(rc);
            return results.Select(h => h == IntPtr.Zero ? null : new Tensor(h)).ToArray();
        }

        private static IntPtr[] Handles(IList<Tensor> tensors, string name)
        {
            var h = new IntPtr[tensors.Count];
            for (int i = 0; i < h.Length; i++)
            {
                if (tensors[i] is null) throw new ArgumentNullException(name, $"{name}[{i}] is null.");
                h[i] = tensors[i].Handle;
            }
            return h;
        }
    }
}
