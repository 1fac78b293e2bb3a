using System.Runtime.CompilerServices;
using RnnTorch.Native;

namespace RnnTorch;

/// <summary>
/// A libtorch tensor. Owns one native handle: dispose it (or create it inside a dispose scope) to free native memory
/// deterministically; a finalizer frees forgotten tensors as a safety net.
/// </summary>
public partial class Tensor : IDisposable
{
    private IntPtr handle;
    private static long liveCount;

    internal Tensor(IntPtr handle)
    {
        if (handle == IntPtr.Zero) throw new TorchException("libtorch returned an undefined tensor.");
        this.handle = handle;
        Interlocked.Increment(ref liveCount);
        DisposeScope.RegisterInCurrent(this);
    }

    /// <summary>The scope that will dispose this tensor, if any.</summary>
    internal DisposeScope? OwningScope { get; set; }

    /// <summary>The number of tensors created and not yet disposed or finalized, process-wide (for diagnostics).</summary>
    public static long LiveCount => Interlocked.Read(ref liveCount);

    /// <summary>The native handle; throws <see cref="ObjectDisposedException"/> once the tensor is disposed.</summary>
    internal IntPtr Handle
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            IntPtr h = handle;
            if (h == IntPtr.Zero) ThrowDisposed();
            return h;
        }
    }

    /// <summary>True once the tensor is disposed.</summary>
    public bool IsInvalid => handle == IntPtr.Zero;

    private static void ThrowDisposed() =>
        throw new ObjectDisposedException(nameof(Tensor), "Cannot use a disposed tensor: its native memory has been freed.");

    /// <summary>Frees the native tensor now. Safe to call twice.</summary>
    public void Dispose()
    {
        OwningScope?.Forget(this);
        OwningScope = null;
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the native handle without touching the scope (used by scopes themselves).</summary>
    internal void Release()
    {
        IntPtr h = Interlocked.Exchange(ref handle, IntPtr.Zero);
        if (h != IntPtr.Zero)
        {
            NativeMethods.rt_tensor_free(h);
            Interlocked.Decrement(ref liveCount);
        }
    }

    /// <summary>Safety net for tensors nobody disposed.</summary>
    ~Tensor() => Release();

    /// <summary>Wraps a fresh handle after checking the call's status; keeps <paramref name="keep"/> alive until here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Tensor Wrap(int rc, IntPtr result, object? keep = null)
    {
        NativeMethods.Check(rc);
        GC.KeepAlive(keep);
        return new Tensor(result);
    }

    /// <summary>Checks a call's status; keeps <paramref name="keep"/> alive until here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Check(int rc, object? keep = null)
    {
        GC.KeepAlive(keep);
        NativeMethods.Check(rc);
    }

    /// <summary>Wraps a native array of handles (allocated by the shim) as tensors and frees the array.</summary>
    internal static unsafe Tensor[] WrapArray(int rc, IntPtr* arr, long count, object? keep = null)
    {
        NativeMethods.Check(rc);
        GC.KeepAlive(keep);
        var result = new Tensor[count];
        for (long i = 0; i < count; i++) result[i] = new Tensor(arr[i]);
        NativeMethods.rt_free_handles(arr);
        return result;
    }

    /// <summary>Moves this tensor to the dispose scope outside its current one (or out of all scopes).</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        OwningScope?.MoveToOuterCore(this);
        return this;
    }

    /// <summary>Takes this tensor out of its dispose scope: the caller owns it now.</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwningScope?.Detach(this);
        return this;
    }
}
