namespace RnnTorch;

/// <summary>
/// One entry of a tensor index, as in Python's <c>t[0, 1:3, ..., None]</c>: an integer, a slice, an ellipsis,
/// a new axis, a bool or an index tensor. C# integers and ranges convert implicitly: <c>t[0, 1..3]</c>.
/// </summary>
public readonly struct TensorIndex
{
    internal enum Kind { Single = 0, Slice = 1, Ellipsis = 2, None = 3, Bool = 4, Tensor = 5 }

    internal readonly Kind kind;
    internal readonly long a, b, c;
    internal readonly Tensor? tensor;

    internal const long Absent = long.MinValue;

    private TensorIndex(Kind kind, long a = 0, long b = 0, long c = 0, Tensor? tensor = null)
    {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.c = c;
        this.tensor = tensor;
    }

    /// <summary>An integer position (negative counts from the end); removes the dimension.</summary>
    public static TensorIndex Single(long index) => new(Kind.Single, index);

    /// <summary>A slice <c>start:stop:step</c>; null bounds mean the ends, null step means 1.</summary>
    public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null)
    {
        if (step is <= 0) throw new ArgumentException($"step must be positive, but was {step}.", nameof(step));
        return new(Kind.Slice, start ?? Absent, stop ?? Absent, step ?? Absent);
    }

    /// <summary>Python's <c>...</c>: as many full slices as needed.</summary>
    public static readonly TensorIndex Ellipsis = new(Kind.Ellipsis);

    /// <summary>Python's <c>None</c>: inserts a dimension of size 1.</summary>
    public static readonly TensorIndex None = new(Kind.None);

    /// <summary>A boolean index (true adds a dimension of 1, false of 0).</summary>
    public static TensorIndex Bool(bool value) => new(Kind.Bool, value ? 1 : 0);

    /// <summary>An int64 index tensor or a bool mask.</summary>
    public static TensorIndex Tensor(Tensor index)
    {
        ThrowHelper.ThrowIfNull(index);
        return new(Kind.Tensor, tensor: index);
    }

    /// <summary>An integer position.</summary>
    public static implicit operator TensorIndex(long index) => Single(index);

    /// <summary>An integer position.</summary>
    public static implicit operator TensorIndex(int index) => Single(index);

    /// <summary>A C# range as a slice: <c>1..3</c>, <c>..^1</c>, <c>2..</c>.</summary>
    public static implicit operator TensorIndex(Range range)
    {
        long? start = range.Start.IsFromEnd ? (range.Start.Value == 0 ? long.MaxValue : -range.Start.Value) : range.Start.Value;
        long? stop = range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value;
        return Slice(start, stop);
    }

    /// <summary>A C# index (<c>^1</c> is the last element).</summary>
    public static implicit operator TensorIndex(Index index) => Single(index.IsFromEnd ? -index.Value : index.Value);

    /// <summary>An index tensor.</summary>
    public static implicit operator TensorIndex(Tensor index) => Tensor(index);

    /// <summary>A boolean index.</summary>
    public static implicit operator TensorIndex(bool value) => Bool(value);
}
