namespace RnnTorch.Data;

/// <summary>A dataset cannot be read or fetched: a missing tool, a bad file, an incomplete download. The message says what to do.</summary>
public sealed class DataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public DataException(string message, Exception inner) : base(message, inner) { }
}
