using System.Globalization;

namespace RnnTorch;

/// <summary>A device that tensors live on: <c>cpu</c> or <c>cuda:N</c>.</summary>
public sealed class Device : IEquatable<Device>
{
    /// <summary>Creates a device of the given type and index (-1: the current one).</summary>
    public Device(DeviceType type, int index = -1)
    {
        if (!Enum.IsDefined(type)) ThrowHelper.ThrowOutOfRange(nameof(type), type, "is not a known device type.");
        if (index < -1) ThrowHelper.ThrowOutOfRange(nameof(index), index, "must be -1 or a device index >= 0.");
        type_ = type;
        index_ = type == DeviceType.CPU ? -1 : index;
    }

    /// <summary>Parses <c>"cpu"</c>, <c>"cuda"</c> or <c>"cuda:N"</c>.</summary>
    public Device(string description) : this(Parse(description).type_, Parse(description).index_) { }

    private readonly DeviceType type_;
    private readonly int index_;

    /// <summary>The device type.</summary>
    public DeviceType type => type_;

    /// <summary>The device index, or -1 for the CPU or the current CUDA device.</summary>
    public int index => index_;

    private static Device Parse(string description)
    {
        ThrowHelper.ThrowIfNull(description);
        var s = description.Trim().ToLowerInvariant();
        var parts = s.Split(':');
        DeviceType t = parts[0] switch
        {
            "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => throw new ArgumentException($"description '{description}' is not a device: expected 'cpu', 'cuda' or 'cuda:N'.", nameof(description)),
        };
        if (parts.Length == 1) return new Device(t);
        if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int i))
            return new Device(t, i);
        throw new ArgumentException($"description '{description}' is not a device: expected 'cpu', 'cuda' or 'cuda:N'.", nameof(description));
    }

    /// <inheritdoc />
    public bool Equals(Device? other) => other is not null && other.type_ == type_ && other.index_ == index_;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Device d && Equals(d);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(type_, index_);

    /// <summary>PyTorch's spelling: <c>cpu</c>, <c>cuda</c>, <c>cuda:0</c>.</summary>
    public override string ToString() => type_ == DeviceType.CPU ? "cpu" : index_ < 0 ? "cuda" : $"cuda:{index_}";

    /// <summary>Devices are equal when type and index are.</summary>
    public static bool operator ==(Device? a, Device? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Devices differ when type or index do.</summary>
    public static bool operator !=(Device? a, Device? b) => !(a == b);

    /// <summary>Lets a string such as <c>"cuda:0"</c> stand for a device.</summary>
    public static implicit operator Device(string description) => new(description);
}
