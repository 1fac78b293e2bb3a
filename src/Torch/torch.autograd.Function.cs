using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    public static partial class autograd
    {
        /// <summary>
        /// Custom autograd functions with a backward pass written in C# (PyTorch's <c>torch.autograd.Function</c>):
        /// the forward runs without recording a graph, its outputs are attached to one graph node over the inputs, and
        /// when autograd reaches that node it calls the C# backward with the outputs' gradients.
        /// </summary>
        public static class Function
        {
            private sealed record State(Func<Tensor[], Tensor?[]> Backward, Action? Release, int InputCount);

            private static readonly ConcurrentDictionary<long, State> states = new();
            private static long nextId;

            /// <summary>The number of custom-function nodes alive (for diagnostics and leak tests).</summary>
            public static int live_nodes => states.Count;

            /// <summary>
            /// Runs <paramref name="forward"/> under <c>no_grad</c> and returns its outputs attached to a graph node over
            /// <paramref name="inputs"/>. <paramref name="backward"/> receives one gradient per output (zeros where autograd
            /// had none) and returns one gradient (or null) per input; it may use tensors captured from the forward, which
            /// must stay alive until <paramref name="release"/> runs (right after a backward pass that does not retain the
            /// graph, or when the node is freed). Captured tensors must not belong to a dispose scope
            /// (<c>DetachFromDisposeScope()</c>), since <paramref name="release"/> may run on another thread.
            /// The outputs of <paramref name="forward"/> must be new tensors, not the inputs or views of them.
            /// </summary>
            public static unsafe Tensor[] apply(IReadOnlyList<Tensor> inputs, Func<Tensor[]> forward, Func<Tensor[], Tensor?[]> backward, Action? release = null)
            {
                ThrowHelper.ThrowIfNullOrContainsNull(inputs);
                ThrowHelper.ThrowIfNull(forward);
                ThrowHelper.ThrowIfNull(backward);
                Tensor[] computed;
                using (no_grad()) computed = forward() ?? throw new InvalidOperationException("the custom function's forward returned null.");
                var inHandles = new IntPtr[inputs.Count];
                for (int i = 0; i < inHandles.Length; i++) inHandles[i] = inputs[i].Handle;
                var outHandles = new IntPtr[computed.Length];
                for (int i = 0; i < outHandles.Length; i++)
                {
                    outHandles[i] = (computed[i] ?? throw new InvalidOperationException($"the custom function's forward returned null as output {i}.")).Handle;
                }
                long id = Interlocked.Increment(ref nextId);
                states[id] = new State(backward, release, inputs.Count);
                var result = new IntPtr[computed.Length];
                int rc;
                fixed (IntPtr* pin = inHandles)
                fixed (IntPtr* pout = outHandles)
                fixed (IntPtr* pres = result)
                {
                    rc = rt_function_apply(pin, inHandles.Length, pout, outHandles.Length, id, &BackwardCallback, &ReleaseCallback, pres);
                }
                GC.KeepAlive(inputs);
                GC.KeepAlive(computed);
                foreach (var c in computed) c.Dispose();
                Native.NativeMethods.Check(rc);
                return result.Select(h => new Tensor(h)).ToArray();
            }

            [UnmanagedCallersOnly]
            private static unsafe int BackwardCallback(long id, IntPtr* gradOutputs, long nOut, IntPtr* gradInputs, long nIn)
            {
                try
                {
                    if (!states.TryGetValue(id, out var state))
                        throw new InvalidOperationException("trying to backward through a custom function a second time: its saved state was released after the first backward (use retain_graph: true to keep it).");
                    using var scope = NewDisposeScope();
                    var grads = new Tensor[nOut];
                    for (long i = 0; i < nOut; i++)
                    {
                        IntPtr copy;
                        Native.NativeMethods.Check(rt_shallow_copy(gradOutputs[i], &copy));
                        grads[i] = new Tensor(copy);
                    }
                    var result = state.Backward(grads) ?? throw new InvalidOperationException("the custom function's backward returned null.");
                    if (result.Length != nIn)
                        throw new InvalidOperationException($"the custom function's backward returned {result.Length} gradients for {nIn} inputs.");
                    for (long i = 0; i < nIn; i++)
                    {
                        if (result[i] is not { } g) continue;
                        IntPtr copy;
                        Native.NativeMethods.Check(rt_shallow_copy(g.Handle, &copy));
                        gradInputs[i] = copy;
                    }
                    return 0;
                }
                catch (Exception e)
                {
                    ReportError(e);
                    return -1;
                }
            }

            [UnmanagedCallersOnly]
            private static void ReleaseCallback(long id)
            {
                if (!states.TryRemove(id, out var state)) return;
                try
                {
                    state.Release?.Invoke();
                }
                catch (Exception)
                {
                    // A release runs when libtorch frees the node; there is no caller to report to.
                }
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static unsafe void ReportError(Exception e)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes($"{e.GetType().Name}: {e.Message}\0");
                fixed (byte* p = bytes) rt_set_error(p);
            }
        }
    }
}
