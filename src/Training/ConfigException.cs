namespace RnnTorch.Training;

/// <summary>
/// A training configuration that cannot be used: a file that is not JSON, unknown keys, values of the wrong type or out
/// of range, or a device that is not available. The message names every offending key by its JSON path (e.g.
/// <c>optimizer.learningRate</c>) and, when the configuration came from a file, the file.
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception with a message and no keys.</summary>
    public ConfigException(string message) : this(message, Array.Empty<string>(), null)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public ConfigException(string message, Exception? innerException) : this(message, Array.Empty<string>(), innerException)
    {
    }

    /// <summary>Creates the exception with a message, the JSON paths of the keys concerned, and the cause (if any).</summary>
    public ConfigException(string message, IReadOnlyList<string> keys, Exception? innerException = null) : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = keys.ToArray();
    }

    /// <summary>The JSON paths (dotted, camelCase, e.g. <c>optimizer.learningRate</c>) of the keys concerned, in order; empty when the problem is not one key's.</summary>
    public IReadOnlyList<string> Keys { get; }
}
