using System.Globalization;

namespace RnnTorch.Plots;

/// <summary>Argument checks shared by the charts; messages name the bad value.</summary>
internal static class Guard
{
    /// <summary>The smallest width or height a chart accepts, in pixels.</summary>
    public const int MinSize = 64;

    /// <summary>The largest width or height a chart accepts, in pixels.</summary>
    public const int MaxSize = 20000;

    /// <summary>Returns <paramref name="value"/> when it is a usable chart size, else throws.</summary>
    public static int Size(int value, string name) =>
        value is >= MinSize and <= MaxSize
            ? value
            : throw new ArgumentOutOfRangeException(name, value,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be between {MinSize} and {MaxSize} pixels, got {value}."));

    /// <summary>Returns <paramref name="value"/> when it is not null, else throws naming it.</summary>
    public static T NotNull<T>(T? value, string name) where T : class =>
        value ?? throw new ArgumentNullException(name, $"{name} must not be null.");
}
