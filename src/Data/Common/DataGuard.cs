using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace RnnTorch.Data;

/// <summary>Argument guards for the data toolkit; each throws an exception that names the argument and its value.</summary>
internal static class DataGuard
{
    public static void NotNull([NotNull] object? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null) throw new ArgumentNullException(name, $"{name} must not be null.");
    }

    public static void NotNullOrContainsNull<T>([NotNull] IReadOnlyList<T>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
        where T : class
    {
        NotNull(values, name);
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is null) throw new ArgumentException($"{name} element {i} is null.", name);
        }
    }

    public static void NotNullOrWhiteSpace([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NotNull(value, name);
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} must not be empty or white space, but was '{value}'.", name);
    }

    public static void Positive(long value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive, but was {value}.");
    }

    public static void NotNegative(long value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative, but was {value}.");
    }

    [DoesNotReturn]
    public static void Throw(string? name, string message) => throw new ArgumentException($"{name} {message}", name);
}
