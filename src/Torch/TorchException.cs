namespace RnnTorch;

/// <summary>An error reported by libtorch (or the native shim), carrying libtorch's own message.</summary>
public sealed class TorchException : Exception
{
    /// <summary>Creates an exception with libtorch's message.</summary>
    public TorchException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public TorchException(string message, Exception inner) : base(message, inner) { }
}
