using System.Collections;

namespace RnnTorch;

/// <summary>A copy of a tensor's elements in row-major order (what <see cref="Tensor.data{T}"/> returns).</summary>
public sealed class TensorAccessor<T> : IReadOnlyList<T> where T : unmanaged
{
    private readonly T[] values;

    internal TensorAccessor(T[] values) => this.values = values;

    /// <summary>The element at flat position <paramref name="index"/>.</summary>
    public T this[int index] => values[index];

    /// <summary>The element at flat position <paramref name="index"/>.</summary>
    public T this[long index] => values[index];

    /// <summary>The number of elements.</summary>
    public int Count => values.Length;

    /// <summary>A new array holding the elements.</summary>
    public T[] ToArray() => (T[])values.Clone();

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => values.GetEnumerator();
}
