using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Python-style indexing through the indexer and <see cref="TensorIndex"/>: integers, C# ranges and hat indices,
/// ellipsis, new axes, stepped slices, index tensors and masks, setters, and views sharing storage.
/// </summary>
public sealed class IndexingTests
{
    /// <summary>int64 tensor of the given shape holding 0, 1, 2, … in row-major order.</summary>
    private static Tensor Ar(params long[] shape)
    {
        long n = 1;
        foreach (var s in shape) n *= s;
        using var flat = arange(n);
        return flat.reshape(shape);
    }

    /// <summary>Row r of an arange-based (rows, cols) matrix: r·cols … r·cols + cols − 1.</summary>
    private static long[] Row(long r, long cols) => Enumerable.Range(0, (int)cols).Select(j => r * cols + j).ToArray();

    [Fact]
    public void SingleIntegerSelectsARow()
    {
        using var scope = NewDisposeScope();
        var t = Ar(4, 5);
        TensorAssert.Equal(Row(0, 5), new long[] { 5 }, t[0]);
        TensorAssert.Equal(Row(3, 5), new long[] { 5 }, t[3]);
        TensorAssert.Equal(Row(3, 5), new long[] { 5 }, t[-1]);
    }

    [Fact]
    public void TwoIntegersSelectAnElement()
    {
        using var scope = NewDisposeScope();
        var t = Ar(4, 5);
        var e = t[1, 2];
        Assert.Empty(e.shape);
        Assert.Equal(ScalarType.Int64, e.dtype);
        Assert.Equal(1 * 5 + 2, e.item<long>());
        Assert.Equal(3 * 5 + 4, t[-1, -1].item<long>());

        var c = Ar(2, 3, 4);
        var row = c[1, 2];
        TensorAssert.Equal(new long[] { 20, 21, 22, 23 }, new long[] { 4 }, row);
        Assert.Equal(12 + 8 + 3, c[new TensorIndex[] { 1, 2, 3 }].item<long>());
    }

    [Fact]
    public void RangeSlicesRows()
    {
        using var scope = NewDisposeScope();
        var t = Ar(4, 5);
        TensorAssert.Equal(Row(1, 5).Concat(Row(2, 5)).ToArray(), new long[] { 2, 5 }, t[1..3]);
        TensorAssert.Equal(Row(2, 5).Concat(Row(3, 5)).ToArray(), new long[] { 2, 5 }, t[2..]);
        TensorAssert.Equal(Row(2, 5).Concat(Row(3, 5)).ToArray(), new long[] { 2, 5 }, t[^2..]);
        TensorAssert.Equal(Row(0, 5).Concat(Row(1, 5)).ToArray(), new long[] { 2, 5 }, t[..2]);
        TensorAssert.Equal(Ar(4, 5).data<long>().ToArray(), new long[] { 4, 5 }, t[..]);
        // Empty slices.
        Assert.Equal(new long[] { 0, 5 }, t[3..1].shape);
        Assert.Equal(new long[] { 0, 5 }, t[^0..].shape);
    }

    [Fact]
    public void RangeToHatOneDropsTheLastRow()
    {
        using var scope = NewDisposeScope();
        var t = Ar(4, 5);
        var expected = Row(0, 5).Concat(Row(1, 5)).Concat(Row(2, 5)).ToArray();
        TensorAssert.Equal(expected, new long[] { 3, 5 }, t[..^1]);
        TensorAssert.Equal(Row(1, 5).Concat(Row(2, 5)).ToArray(), new long[] { 2, 5 }, t[1..^1]);
    }

    [Fact]
    public void HatOneIsTheLastRow()
    {
        using var scope = NewDisposeScope();
        var t = Ar(4, 5);
        TensorAssert.Equal(Row(3, 5), new long[] { 5 }, t[^1]);
        TensorAssert.Equal(Row(2, 5), new long[] { 5 }, t[^2]);
        Assert.Equal(3 * 5 + 4, t[^1, ^1].item<long>());
    }

    [Fact]
    public void RangesInSeveralDims()
    {
        using var scope = NewDisposeScope();
        var t = Ar(4, 5);
        var sub = t[1..3, 2..4];
        TensorAssert.Equal(new long[] { 7, 8, 12, 13 }, new long[] { 2, 2 }, sub);
        // Column 1 of every row: a full range then an integer.
        TensorAssert.Equal(new long[] { 1, 6, 11, 16 }, new long[] { 4 }, t[.., 1]);
    }

    [Fact]
    public void EllipsisFillsTheLeadingDims()
    {
        using var scope = NewDisposeScope();
        var t = Ar(2, 3, 4); // t[i,j,k] = 12i + 4j + k
        var last0 = t[TensorIndex.Ellipsis, 0];
        var expected = new long[6];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                expected[i * 3 + j] = 12 * i + 4 * j;
        TensorAssert.Equal(expected, new long[] { 2, 3 }, last0);

        TensorAssert.Equal(new long[] { 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23 }, new long[] { 3, 4 }, t[1, TensorIndex.Ellipsis]);
        Assert.Equal(new long[] { 2, 3, 4 }, t[TensorIndex.Ellipsis].shape);
    }

    [Fact]
    public void NoneInsertsANewAxis()
    {
        using var scope = NewDisposeScope();
        var t = Ar(3, 4);
        TensorAssert.Equal(Ar(12).data<long>().ToArray(), new long[] { 1, 3, 4 }, t[TensorIndex.None]);
        TensorAssert.Equal(Ar(12).data<long>().ToArray(), new long[] { 3, 1, 4 }, t[.., TensorIndex.None]);
        TensorAssert.Equal(Ar(12).data<long>().ToArray(), new long[] { 3, 4, 1 }, t[TensorIndex.Ellipsis, TensorIndex.None]);
    }

    [Fact]
    public void SteppedSlices()
    {
        using var scope = NewDisposeScope();
        var t = Ar(10);
        TensorAssert.Equal(new long[] { 0, 2, 4, 6, 8 }, new long[] { 5 }, t[TensorIndex.Slice(0, null, 2)]);
        TensorAssert.Equal(new long[] { 1, 4, 7 }, new long[] { 3 }, t[TensorIndex.Slice(1, null, 3)]);
        TensorAssert.Equal(new long[] { 2, 5 }, new long[] { 2 }, t[TensorIndex.Slice(2, 8, 3)]);
        TensorAssert.Equal(new long[] { 6, 8 }, new long[] { 2 }, t[TensorIndex.Slice(-4, null, 2)]);
        TensorAssert.Equal(Ar(10).data<long>().ToArray(), new long[] { 10 }, t[TensorIndex.Slice()]);

        var m = Ar(4, 6);
        // Every other row and every third column.
        TensorAssert.Equal(new long[] { 0, 3, 12, 15 }, new long[] { 2, 2 }, m[TensorIndex.Slice(null, null, 2), TensorIndex.Slice(null, null, 3)]);
    }

    [Fact]
    public void SliceStepMustBePositive()
    {
        Assert.Throws<ArgumentException>(() => TensorIndex.Slice(0, null, 0));
        Assert.Throws<ArgumentException>(() => TensorIndex.Slice(null, null, -1));
    }

    [Fact]
    public void Int64IndexTensorGathersRows()
    {
        using var scope = NewDisposeScope();
        var t = Ar(4, 3);
        var idx = tensor(new long[] { 3, 0, 3 });
        var picked = t[idx];
        TensorAssert.Equal(Row(3, 3).Concat(Row(0, 3)).Concat(Row(3, 3)).ToArray(), new long[] { 3, 3 }, picked);
        TensorAssert.Equal(Row(3, 3).Concat(Row(0, 3)).Concat(Row(3, 3)).ToArray(), new long[] { 3, 3 }, t[TensorIndex.Tensor(idx)]);

        // A 2-D index tensor shapes the result.
        var idx2 = tensor(new long[] { 1, 2, 0, 1 }, new long[] { 2, 2 });
        var p2 = t[idx2];
        Assert.Equal(new long[] { 2, 2, 3 }, p2.shape);
        TensorAssert.Equal(Row(1, 3).Concat(Row(2, 3)).Concat(Row(0, 3)).Concat(Row(1, 3)).ToArray(), new long[] { 2, 2, 3 }, p2);

        // Index tensors in two dims pair up elementwise: t[[0, 2], [1, 2]] = (t[0,1], t[2,2]).
        var pairs = t[tensor(new long[] { 0, 2 }), tensor(new long[] { 1, 2 })];
        TensorAssert.Equal(new long[] { 1, 8 }, new long[] { 2 }, pairs);

        // Index tensor on the second dim after a full slice.
        TensorAssert.Equal(new long[] { 2, 0, 5, 3, 8, 6, 11, 9 }, new long[] { 4, 2 }, t[.., tensor(new long[] { 2, 0 })]);
    }

    [Fact]
    public void OutOfRangeIndexThrowsTorchException()
    {
        using var scope = NewDisposeScope();
        var t = Ar(4, 3);
        Assert.Throws<TorchException>(() => t[4]);
        Assert.Throws<TorchException>(() => t[-5]);
        Assert.Throws<TorchException>(() => t[0, 3]);
        Assert.Throws<TorchException>(() => t[tensor(new long[] { 0, 4 })]);
        Assert.Throws<TorchException>(() => t[0, 0, 0]);
    }

    [Fact]
    public void BoolMaskSelectsElements()
    {
        using var scope = NewDisposeScope();
        var t = Ar(3, 4);
        var mask = t.gt(5).logical_and(t.lt(10));
        var picked = t[mask];
        TensorAssert.Equal(new long[] { 6, 7, 8, 9 }, new long[] { 4 }, picked);

        var values = new long[] { 3, -1, 4, -1, 5, -9 };
        var v = tensor(values);
        var negatives = v[v.lt(0)];
        TensorAssert.Equal(values.Where(x => x < 0).ToArray(), new long[] { 3 }, negatives);
    }

    [Fact]
    public void BoolMaskOnTheFirstDimSelectsRows()
    {
        using var scope = NewDisposeScope();
        var t = Ar(3, 4);
        var rows = t[tensor(new[] { true, false, true })];
        TensorAssert.Equal(Row(0, 4).Concat(Row(2, 4)).ToArray(), new long[] { 2, 4 }, rows);
        Assert.Equal(new long[] { 0, 4 }, t[tensor(new[] { false, false, false })].shape);
    }

    [Fact]
    public void SetterCopiesATensorIn()
    {
        using var scope = NewDisposeScope();
        var t = Ar(3, 4);
        t[0] = tensor(new long[] { 100, 101, 102, 103 });
        var expected = Ar(12).data<long>().ToArray();
        for (int j = 0; j < 4; j++) expected[j] = 100 + j;
        TensorAssert.Equal(expected, new long[] { 3, 4 }, t);

        // A broadcast value over a range of rows.
        t[1..3] = tensor(new long[] { -1, -2, -3, -4 });
        for (int i = 1; i < 3; i++) for (int j = 0; j < 4; j++) expected[i * 4 + j] = -(j + 1);
        TensorAssert.Equal(expected, new long[] { 3, 4 }, t);

        // A single element, from a 0-dim tensor (and converted from float to the tensor's int64).
        t[2, 3] = tensor(7.9f);
        expected[11] = 7;
        TensorAssert.Equal(expected, new long[] { 3, 4 }, t);

        // Via params TensorIndex[]: a column.
        t[TensorIndex.Ellipsis, 0] = tensor(new long[] { 50, 51, 52 });
        for (int i = 0; i < 3; i++) expected[i * 4] = 50 + i;
        TensorAssert.Equal(expected, new long[] { 3, 4 }, t);
    }

    [Fact]
    public void SetterWithShapeThatDoesNotBroadcastThrows()
    {
        using var scope = NewDisposeScope();
        var t = Ar(3, 4);
        var bad = tensor(new long[] { 1, 2, 3 });
        Assert.Throws<TorchException>(() => t[0] = bad);
    }

    [Fact]
    public void IndexPutScalarWritesValues()
    {
        using var scope = NewDisposeScope();
        var t = Ar(4, 3);
        var ret = t.index_put_(-1, TensorIndex.Slice(null, null, 2));
        Assert.Same(t, ret);
        var expected = Ar(12).data<long>().ToArray();
        for (int i = 0; i < 4; i += 2) for (int j = 0; j < 3; j++) expected[i * 3 + j] = -1;
        TensorAssert.Equal(expected, new long[] { 4, 3 }, t);

        // With a bool mask.
        var f = arange(6, dtype: float64);
        f.index_put_(0.5, f.gt(3));
        TensorAssert.Close(new[] { 0, 1, 2, 3, 0.5, 0.5 }, new long[] { 6 }, f);

        // With an index tensor (repeated positions just write the same value).
        var g = zeros(5, dtype: int64);
        g.index_put_(9, tensor(new long[] { 1, 3, 1 }));
        TensorAssert.Equal(new long[] { 0, 9, 0, 9, 0 }, new long[] { 5 }, g);

        // With two integers.
        var h = zeros(2, 2, dtype: float32);
        h.index_put_(4.25, 1, 0);
        TensorAssert.Close(new[] { 0, 0, 4.25, 0 }, new long[] { 2, 2 }, h);
    }

    [Fact]
    public void IndexPutTensorWritesValues()
    {
        using var scope = NewDisposeScope();
        var t = zeros(2, 3, dtype: int64);
        t.index_put_(tensor(new long[] { 5, 6 }), TensorIndex.Ellipsis, 1);
        TensorAssert.Equal(new long[] { 0, 5, 0, 0, 6, 0 }, new long[] { 2, 3 }, t);
    }

    [Fact]
    public void IntegerAndSliceIndicesAreViewsSharingStorage()
    {
        using var scope = NewDisposeScope();
        var t = Ar(3, 4);
        var row = t[0];
        row.fill_(7);
        var expected = Ar(12).data<long>().ToArray();
        for (int j = 0; j < 4; j++) expected[j] = 7;
        TensorAssert.Equal(expected, new long[] { 3, 4 }, t);

        var col = t[.., 2];
        col.fill_(-3);
        for (int i = 0; i < 3; i++) expected[i * 4 + 2] = -3;
        TensorAssert.Equal(expected, new long[] { 3, 4 }, t);

        var stepped = t[TensorIndex.Slice(null, null, 2), TensorIndex.Slice(1, null, 2)];
        stepped.fill_(0);
        foreach (var i in new[] { 0, 2 }) foreach (var j in new[] { 1, 3 }) expected[i * 4 + j] = 0;
        TensorAssert.Equal(expected, new long[] { 3, 4 }, t);

        // And the other way round: writing into t shows through an existing view.
        var last = t[^1];
        t.fill_(1);
        TensorAssert.Equal(new long[] { 1, 1, 1, 1 }, new long[] { 4 }, last);
    }

    [Fact]
    public void IndexTensorResultsAreCopies()
    {
        using var scope = NewDisposeScope();
        var t = Ar(3, 4);
        var picked = t[tensor(new long[] { 0, 1 })];
        picked.fill_(99);
        TensorAssert.Equal(Ar(12).data<long>().ToArray(), new long[] { 3, 4 }, t);

        var masked = t[t.gt(5)];
        masked.fill_(-5);
        TensorAssert.Equal(Ar(12).data<long>().ToArray(), new long[] { 3, 4 }, t);
    }
}
