using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace RnnTorch;

/// <summary>Guards for argument checks; each throws with the argument's name and value.</summary>
internal static class ThrowHelper
{
    public static void ThrowIfNull([NotNull] object? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null) ThrowArgumentNull(name);
    }

    public static void ThrowIfNegative(long value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0) ThrowArgument(name, $"must not be negative, but was {value}.");
    }

    public static void ThrowIfNotPositive(long value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0) ThrowArgument(name, $"must be positive, but was {value}.");
    }

    public static void ThrowIfNullOrContainsNull<T>([NotNull] IReadOnlyList<T>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
        where T : class
    {
        if (values is null) ThrowArgumentNull(name);
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is null) ThrowArgument(name, $"element {i} is null.");
        }
    }

    [DoesNotReturn]
    public static void ThrowArgumentNull(string? name) => throw new ArgumentNullException(name, $"{name} must not be null.");

    [DoesNotReturn]
    public static void ThrowArgument(string? name, string message) => throw new ArgumentException($"{name} {message}", name);

    [DoesNotReturn]
    public static void ThrowOutOfRange(string? name, object? value, string message) =>
        throw new ArgumentOutOfRangeException(name, value, $"{name} {message}");
}
