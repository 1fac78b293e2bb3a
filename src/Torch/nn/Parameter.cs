namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// A tensor that is a module's learnable weight: it requires grad by default, is registered by
        /// <see cref="Module.RegisterComponents"/> and appears in <see cref="Module.parameters"/> and the state dict.
        /// A parameter belongs to its module, not to any dispose scope; the module's <c>Dispose</c> frees it.
        /// </summary>
        public sealed class Parameter : Tensor
        {
            /// <summary>Makes a parameter sharing <paramref name="data"/>'s storage, cut from its autograd history.</summary>
            public Parameter(Tensor data, bool requires_grad = true) : base(DetachedHandle(data))
            {
                DetachFromDisposeScope();
                this.requires_grad = requires_grad;
            }

            private static unsafe IntPtr DetachedHandle(Tensor data)
            {
                ThrowHelper.ThrowIfNull(data);
                IntPtr r;
                int rc = Native.NativeMethods.rt_detach(data.Handle, &r);
                GC.KeepAlive(data);
                Native.NativeMethods.Check(rc);
                return r;
            }
        }
    }
}
