using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Shape and layout operations on arange-based inputs (element at flat position p holds p), checked against
/// references computed with plain loops over the row-major index formula.
/// </summary>
public sealed class ShapeTests
{
    /// <summary>int64 tensor of the given shape holding 0, 1, 2, … in row-major order.</summary>
    private static Tensor Ar(params long[] shape)
    {
        long n = 1;
        foreach (var s in shape) n *= s;
        using var flat = arange(n);
        return flat.reshape(shape);
    }

    private static long[] Seq(long n, long start = 0) => Enumerable.Range(0, (int)n).Select(i => start + i).ToArray();

    // ---- view / reshape / flatten -------------------------------------------------------------------------------

    [Fact]
    public void ViewKeepsRowMajorOrder()
    {
        using var scope = NewDisposeScope();
        var x = Ar(2, 3, 4);
        TensorAssert.Equal(Seq(24), new long[] { 6, 4 }, x.view(6, 4));
        TensorAssert.Equal(Seq(24), new long[] { 24 }, x.view(-1));
        TensorAssert.Equal(Seq(24), new long[] { 4, 3, 2 }, x.view(4, -1, 2));
    }

    [Fact]
    public void ViewSharesStorage()
    {
        using var scope = NewDisposeScope();
        var x = Ar(2, 3);
        var v = x.view(6);
        v.fill_(5);
        TensorAssert.Equal(Enumerable.Repeat(5L, 6).ToArray(), new long[] { 2, 3 }, x);
    }

    [Fact]
    public void ViewOfIncompatibleSizeOrLayoutThrows()
    {
        using var scope = NewDisposeScope();
        var x = Ar(3, 4);
        Assert.Throws<TorchException>(() => x.view(5, 2));
        Assert.Throws<TorchException>(() => x.view(-1, -1));
        var xt = x.t();
        Assert.Throws<TorchException>(() => xt.view(12));
    }

    [Fact]
    public void ReshapeInfersMinusOneAndCopiesWhenNeeded()
    {
        using var scope = NewDisposeScope();
        var x = Ar(2, 3, 4);
        TensorAssert.Equal(Seq(24), new long[] { 4, 6 }, x.reshape(-1, 6));
        TensorAssert.Equal(Seq(24), new long[] { 2, 12 }, x.reshape(2, -1));

        // Reshaping a transpose (not viewable) reads it in its logical row-major order.
        var m = Ar(3, 4);
        var r = m.t().reshape(12);
        var expected = new long[12];
        for (int j = 0; j < 4; j++)
            for (int i = 0; i < 3; i++)
                expected[j * 3 + i] = i * 4 + j;
        TensorAssert.Equal(expected, new long[] { 12 }, r);
        Assert.Throws<TorchException>(() => m.reshape(5, -1));
    }

    [Fact]
    public void FlattenStartAndEndDims()
    {
        using var scope = NewDisposeScope();
        var x = Ar(2, 3, 4, 5);
        TensorAssert.Equal(Seq(120), new long[] { 120 }, x.flatten());
        TensorAssert.Equal(Seq(120), new long[] { 2, 60 }, x.flatten(1));
        TensorAssert.Equal(Seq(120), new long[] { 6, 4, 5 }, x.flatten(0, 1));
        TensorAssert.Equal(Seq(120), new long[] { 2, 12, 5 }, x.flatten(1, 2));
        TensorAssert.Equal(Seq(120), new long[] { 2, 3, 20 }, x.flatten(-2, -1));
    }

    // ---- squeeze / unsqueeze ---------------------------------------------------------------------------------------

    [Fact]
    public void SqueezeAllAndOneDim()
    {
        using var scope = NewDisposeScope();
        var x = Ar(1, 3, 1, 2);
        TensorAssert.Equal(Seq(6), new long[] { 3, 2 }, x.squeeze());
        TensorAssert.Equal(Seq(6), new long[] { 1, 3, 2 }, x.squeeze(2));
        TensorAssert.Equal(Seq(6), new long[] { 3, 1, 2 }, x.squeeze(0));
        TensorAssert.Equal(Seq(6), new long[] { 1, 3, 2 }, x.squeeze(-2));
        // A dimension that is not 1 is left alone.
        TensorAssert.Equal(Seq(6), new long[] { 1, 3, 1, 2 }, x.squeeze(1));
    }

    [Fact]
    public void UnsqueezeInsertsASizeOneDim()
    {
        using var scope = NewDisposeScope();
        var x = Ar(2, 3);
        TensorAssert.Equal(Seq(6), new long[] { 1, 2, 3 }, x.unsqueeze(0));
        TensorAssert.Equal(Seq(6), new long[] { 2, 1, 3 }, x.unsqueeze(1));
        TensorAssert.Equal(Seq(6), new long[] { 2, 3, 1 }, x.unsqueeze(-1));
        TensorAssert.Equal(Seq(6), new long[] { 2, 3, 1 }, x.unsqueeze(2));
        Assert.Throws<TorchException>(() => x.unsqueeze(4));
    }

    // ---- transpose / permute / t ---------------------------------------------------------------------------------

    [Fact]
    public void TransposeSwapsTwoDims()
    {
        using var scope = NewDisposeScope();
        var x = Ar(2, 3, 4); // x[i,j,k] = 12i + 4j + k
        var y = x.transpose(0, 2); // y[k,j,i] = x[i,j,k]
        var expected = new long[24];
        for (int k = 0; k < 4; k++)
            for (int j = 0; j < 3; j++)
                for (int i = 0; i < 2; i++)
                    expected[(k * 3 + j) * 2 + i] = 12 * i + 4 * j + k;
        TensorAssert.Equal(expected, new long[] { 4, 3, 2 }, y.contiguous());
        Assert.Equal(new long[] { 4, 3, 2 }, x.transpose(-1, 0).shape);
    }

    [Fact]
    public void PermuteReordersDims()
    {
        using var scope = NewDisposeScope();
        var x = Ar(2, 3, 4); // x[a,b,c] = 12a + 4b + c
        var y = x.permute(2, 0, 1); // y[c,a,b] = x[a,b,c]
        var expected = new long[24];
        for (int c = 0; c < 4; c++)
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 3; b++)
                    expected[(c * 2 + a) * 3 + b] = 12 * a + 4 * b + c;
        TensorAssert.Equal(expected, new long[] { 4, 2, 3 }, y.contiguous());
        Assert.Throws<TorchException>(() => x.permute(0, 1));
        Assert.Throws<TorchException>(() => x.permute(0, 0, 1));
    }

    [Fact]
    public void TTransposesAMatrix()
    {
        using var scope = NewDisposeScope();
        var x = Ar(3, 4);
        var expected = new long[12];
        for (int j = 0; j < 4; j++)
            for (int i = 0; i < 3; i++)
                expected[j * 3 + i] = 4 * i + j;
        TensorAssert.Equal(expected, new long[] { 4, 3 }, x.t().contiguous());
        TensorAssert.Equal(expected, new long[] { 4, 3 }, x.T.contiguous());
        // 1-D tensors come back as they are.
        TensorAssert.Equal(Seq(5), new long[] { 5 }, Ar(5).t());
        Assert.Throws<TorchException>(() => Ar(2, 2, 2).t());
    }

    // ---- expand / contiguous -------------------------------------------------------------------------------------

    [Fact]
    public void ExpandBroadcastsSizeOneDims()
    {
        using var scope = NewDisposeScope();
        var col = Ar(3, 1); // 0, 1, 2
        var expected = new long[12];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                expected[i * 4 + j] = i;
        TensorAssert.Equal(expected, new long[] { 3, 4 }, col.expand(3, 4));
        TensorAssert.Equal(expected, new long[] { 3, 4 }, col.expand(-1, 4));

        // New leading dims.
        var e = col.expand(2, 3, 4);
        var expected3 = new long[24];
        for (int b = 0; b < 2; b++) Array.Copy(expected, 0, expected3, b * 12, 12);
        TensorAssert.Equal(expected3, new long[] { 2, 3, 4 }, e);

        // Expanding is a view with stride 0 in the broadcast dim.
        Assert.Equal(0, col.expand(3, 4).stride()[1]);
        Assert.Throws<TorchException>(() => col.expand(4, 4));
    }

    [Fact]
    public void ExpandAsTakesTheOtherShape()
    {
        using var scope = NewDisposeScope();
        var row = Ar(1, 3);
        var other = zeros(2, 3);
        var expected = new long[] { 0, 1, 2, 0, 1, 2 };
        TensorAssert.Equal(expected, new long[] { 2, 3 }, row.expand_as(other));
    }

    [Fact]
    public void ContiguousAfterTranspose()
    {
        using var scope = NewDisposeScope();
        var x = Ar(3, 4);
        Assert.True(x.is_contiguous());
        var xt = x.transpose(0, 1);
        Assert.False(xt.is_contiguous());
        Assert.Equal(new long[] { 1, 4 }, xt.stride());
        var c = xt.contiguous();
        Assert.True(c.is_contiguous());
        Assert.Equal(new long[] { 3, 1 }, c.stride());
        var expected = new long[12];
        for (int j = 0; j < 4; j++)
            for (int i = 0; i < 3; i++)
                expected[j * 3 + i] = 4 * i + j;
        TensorAssert.Equal(expected, new long[] { 4, 3 }, c);
        // data<T>() reads a non-contiguous tensor in logical order too.
        TensorAssert.Equal(expected, new long[] { 4, 3 }, xt);
    }

    // ---- narrow / select / index_select / gather / scatter ---------------------------------------------------------

    [Fact]
    public void NarrowTakesARangeOfOneDim()
    {
        using var scope = NewDisposeScope();
        var x = Ar(3, 4);
        TensorAssert.Equal(new long[] { 1, 2, 5, 6, 9, 10 }, new long[] { 3, 2 }, x.narrow(1, 1, 2));
        TensorAssert.Equal(new long[] { 4, 5, 6, 7 }, new long[] { 1, 4 }, x.narrow(0, 1, 1));
        Assert.Throws<TorchException>(() => x.narrow(1, 3, 2));
        // narrow is a view.
        x.narrow(0, 2, 1).fill_(-1);
        TensorAssert.Equal(new long[] { 0, 1, 2, 3, 4, 5, 6, 7, -1, -1, -1, -1 }, new long[] { 3, 4 }, x);
    }

    [Fact]
    public void SelectRemovesTheDim()
    {
        using var scope = NewDisposeScope();
        var x = Ar(3, 4);
        TensorAssert.Equal(new long[] { 2, 6, 10 }, new long[] { 3 }, x.select(1, 2));
        TensorAssert.Equal(new long[] { 8, 9, 10, 11 }, new long[] { 4 }, x.select(0, -1));
        Assert.Throws<TorchException>(() => x.select(0, 3));
    }

    [Fact]
    public void IndexSelectPicksEntries()
    {
        using var scope = NewDisposeScope();
        var x = Ar(3, 4);
        var rows = x.index_select(0, tensor(new long[] { 2, 0, 2 }));
        TensorAssert.Equal(new long[] { 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11 }, new long[] { 3, 4 }, rows);
        var cols = index_select(x, 1, tensor(new long[] { 3, 1 }));
        TensorAssert.Equal(new long[] { 3, 1, 7, 5, 11, 9 }, new long[] { 3, 2 }, cols);
        Assert.Throws<TorchException>(() => x.index_select(0, tensor(new long[] { 3 })));
    }

    [Fact]
    public void GatherAlongDimOne()
    {
        using var scope = NewDisposeScope();
        var x = Ar(3, 4);
        long[,] idx = { { 0, 3 }, { 1, 1 }, { 2, 0 } };
        var index = tensor(idx.Cast<long>().ToArray(), new long[] { 3, 2 });
        var expected = new long[6];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 2; j++)
                expected[i * 2 + j] = 4 * i + idx[i, j]; // out[i][j] = x[i][index[i][j]]
        TensorAssert.Equal(expected, new long[] { 3, 2 }, x.gather(1, index));
        TensorAssert.Equal(expected, new long[] { 3, 2 }, gather(x, 1, index));
    }

    [Fact]
    public void GatherAlongDimZero()
    {
        using var scope = NewDisposeScope();
        var x = Ar(3, 4);
        long[,] idx = { { 2, 0, 1, 2 } };
        var index = tensor(idx.Cast<long>().ToArray(), new long[] { 1, 4 });
        var expected = new long[4];
        for (int j = 0; j < 4; j++) expected[j] = 4 * idx[0, j] + j; // out[0][j] = x[index[0][j]][j]
        TensorAssert.Equal(expected, new long[] { 1, 4 }, x.gather(0, index));
    }

    [Fact]
    public void ScatterWritesSourceAtIndexPositions()
    {
        using var scope = NewDisposeScope();
        // PyTorch's documented example: src = arange(1, 11).view(2, 5), index = [[0, 1, 2, 0]], dim 0, into zeros(3, 5).
        var src = arange(1, 11).view(2, 5);
        long[,] idx = { { 0, 1, 2, 0 } };
        var index = tensor(idx.Cast<long>().ToArray(), new long[] { 1, 4 });
        var self = zeros(new long[] { 3, 5 }, dtype: int64);
        var got = self.scatter(0, index, src);

        var expected = new long[15];
        for (int i = 0; i < 1; i++)
            for (int j = 0; j < 4; j++)
                expected[idx[i, j] * 5 + j] = 5 * i + j + 1; // self[index[i][j]][j] = src[i][j]
        TensorAssert.Equal(expected, new long[] { 3, 5 }, got);
        TensorAssert.Equal(new long[] { 1, 0, 0, 4, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0 }, new long[] { 3, 5 }, got);
        // scatter (without the underscore) leaves self unchanged.
        TensorAssert.Equal(new long[15], new long[] { 3, 5 }, self);
    }

    [Fact]
    public void ScatterAddAccumulatesDuplicates()
    {
        using var scope = NewDisposeScope();
        long[,] idx = { { 0, 1, 2, 0, 0 }, { 1, 2, 0, 0, 0 } };
        var index = tensor(idx.Cast<long>().ToArray(), new long[] { 2, 5 });
        var src = arange(1, 11).view(2, 5);
        var self = full(new long[] { 3, 5 }, 100);
        var got = self.scatter_add(0, index, src);

        var expected = Enumerable.Repeat(100L, 15).ToArray();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 5; j++)
                expected[idx[i, j] * 5 + j] += 5 * i + j + 1; // self[index[i][j]][j] += src[i][j]
        TensorAssert.Equal(expected, new long[] { 3, 5 }, got);
        TensorAssert.Equal(Enumerable.Repeat(100L, 15).ToArray(), new long[] { 3, 5 }, self);
    }

    [Fact]
    public void ScatterAlongLastDimWithFloats()
    {
        using var scope = NewDisposeScope();
        var src = tensor(new[] { 1.5, 2.5, 3.5, 4.5 }, new long[] { 2, 2 });
        var index = tensor(new long[] { 2, 0, 1, 1 }, new long[] { 2, 2 });
        var got = zeros(2, 3, dtype: float64).scatter(1, index, src);
        // Row 0: col 2 ← 1.5, col 0 ← 2.5. Row 1: col 1 ← 3.5 then 4.5 (duplicate index: one of the two wins).
        var v = got.data<double>().ToArray();
        Assert.Equal(new long[] { 2, 3 }, got.shape);
        Assert.Equal(new[] { 2.5, 0, 1.5 }, v[..3]);
        Assert.Equal(0, v[3]);
        Assert.Contains(v[4], new[] { 3.5, 4.5 });
        Assert.Equal(0, v[5]);

        var added = zeros(2, 3, dtype: float64).scatter_add(1, index, src);
        TensorAssert.Close(new[] { 2.5, 0, 1.5, 0, 8.0, 0 }, new long[] { 2, 3 }, added);
    }

    // ---- cat / stack / split / chunk / unbind ---------------------------------------------------------------------

    [Fact]
    public void CatJoinsAlongAnExistingDim()
    {
        using var scope = NewDisposeScope();
        var a = Ar(2, 3);
        var b = arange(100, 103).view(1, 3);
        TensorAssert.Equal(new long[] { 0, 1, 2, 3, 4, 5, 100, 101, 102 }, new long[] { 3, 3 }, cat(new[] { a, b }));

        var c = arange(10, 14).view(2, 2);
        TensorAssert.Equal(new long[] { 0, 1, 2, 10, 11, 3, 4, 5, 12, 13 }, new long[] { 2, 5 }, cat(new[] { a, c }, 1));
        TensorAssert.Equal(new long[] { 0, 1, 2, 10, 11, 3, 4, 5, 12, 13 }, new long[] { 2, 5 }, cat(new List<Tensor> { a, c }, -1));

        Assert.Throws<TorchException>(() => cat(new[] { a, c }, 0));
        Assert.Throws<ArgumentException>(() => cat(Array.Empty<Tensor>()));
    }

    [Fact]
    public void StackJoinsAlongANewDim()
    {
        using var scope = NewDisposeScope();
        var a = Ar(2, 3);                 // a[i,j] = 3i + j
        var b = arange(10, 16).view(2, 3); // b[i,j] = 10 + 3i + j
        Func<int, int, int, long> val = (s, i, j) => (s == 0 ? 0 : 10) + 3 * i + j;

        var s0 = stack(new[] { a, b });
        var e0 = new long[12];
        for (int s = 0; s < 2; s++) for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) e0[(s * 2 + i) * 3 + j] = val(s, i, j);
        TensorAssert.Equal(e0, new long[] { 2, 2, 3 }, s0);

        var s1 = stack(new[] { a, b }, 1);
        var e1 = new long[12];
        for (int i = 0; i < 2; i++) for (int s = 0; s < 2; s++) for (int j = 0; j < 3; j++) e1[(i * 2 + s) * 3 + j] = val(s, i, j);
        TensorAssert.Equal(e1, new long[] { 2, 2, 3 }, s1);

        var s2 = stack(new[] { a, b }, -1);
        var e2 = new long[12];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int s = 0; s < 2; s++) e2[(i * 3 + j) * 2 + s] = val(s, i, j);
        TensorAssert.Equal(e2, new long[] { 2, 3, 2 }, s2);

        Assert.Throws<TorchException>(() => stack(new[] { a, Ar(3, 2) }));
    }

    [Fact]
    public void SplitBySize()
    {
        using var scope = NewDisposeScope();
        var parts = Ar(5).split(2);
        Assert.Equal(3, parts.Length);
        TensorAssert.Equal(new long[] { 0, 1 }, new long[] { 2 }, parts[0]);
        TensorAssert.Equal(new long[] { 2, 3 }, new long[] { 2 }, parts[1]);
        TensorAssert.Equal(new long[] { 4 }, new long[] { 1 }, parts[2]);

        var cols = Ar(2, 5).split(3, 1);
        Assert.Equal(2, cols.Length);
        TensorAssert.Equal(new long[] { 0, 1, 2, 5, 6, 7 }, new long[] { 2, 3 }, cols[0]);
        TensorAssert.Equal(new long[] { 3, 4, 8, 9 }, new long[] { 2, 2 }, cols[1]);
    }

    [Fact]
    public void SplitBySizes()
    {
        using var scope = NewDisposeScope();
        var parts = Ar(6).split(new long[] { 1, 3, 2 });
        Assert.Equal(3, parts.Length);
        TensorAssert.Equal(new long[] { 0 }, new long[] { 1 }, parts[0]);
        TensorAssert.Equal(new long[] { 1, 2, 3 }, new long[] { 3 }, parts[1]);
        TensorAssert.Equal(new long[] { 4, 5 }, new long[] { 2 }, parts[2]);

        var rows = Ar(3, 2).split(new long[] { 2, 1 }, 0);
        TensorAssert.Equal(new long[] { 0, 1, 2, 3 }, new long[] { 2, 2 }, rows[0]);
        TensorAssert.Equal(new long[] { 4, 5 }, new long[] { 1, 2 }, rows[1]);

        Assert.Throws<TorchException>(() => Ar(6).split(new long[] { 2, 2 }));
    }

    [Fact]
    public void ChunkSplitsIntoNearlyEqualPieces()
    {
        using var scope = NewDisposeScope();
        // Chunk size is ceil(7 / 3) = 3: pieces of 3, 3, 1.
        var parts = Ar(7).chunk(3);
        Assert.Equal(3, parts.Length);
        TensorAssert.Equal(new long[] { 0, 1, 2 }, new long[] { 3 }, parts[0]);
        TensorAssert.Equal(new long[] { 3, 4, 5 }, new long[] { 3 }, parts[1]);
        TensorAssert.Equal(new long[] { 6 }, new long[] { 1 }, parts[2]);

        var halves = Ar(2, 4).chunk(2, 1);
        Assert.Equal(2, halves.Length);
        TensorAssert.Equal(new long[] { 0, 1, 4, 5 }, new long[] { 2, 2 }, halves[0]);
        TensorAssert.Equal(new long[] { 2, 3, 6, 7 }, new long[] { 2, 2 }, halves[1]);
    }

    [Fact]
    public void UnbindRemovesTheDim()
    {
        using var scope = NewDisposeScope();
        var cols = Ar(2, 3).unbind(1);
        Assert.Equal(3, cols.Length);
        for (int j = 0; j < 3; j++) TensorAssert.Equal(new long[] { j, 3 + j }, new long[] { 2 }, cols[j]);
        var rows = Ar(2, 3).unbind();
        Assert.Equal(2, rows.Length);
        TensorAssert.Equal(new long[] { 3, 4, 5 }, new long[] { 3 }, rows[1]);
    }

    // ---- flip / repeat -------------------------------------------------------------------------------------------

    [Fact]
    public void FlipReversesDims()
    {
        using var scope = NewDisposeScope();
        var x = Ar(2, 3);
        TensorAssert.Equal(new long[] { 3, 4, 5, 0, 1, 2 }, new long[] { 2, 3 }, x.flip(0));
        TensorAssert.Equal(new long[] { 2, 1, 0, 5, 4, 3 }, new long[] { 2, 3 }, x.flip(1));
        TensorAssert.Equal(new long[] { 5, 4, 3, 2, 1, 0 }, new long[] { 2, 3 }, x.flip(0, 1));
        TensorAssert.Equal(new long[] { 5, 4, 3, 2, 1, 0 }, new long[] { 2, 3 }, flip(x, -1, -2));
    }

    [Fact]
    public void RepeatTiles()
    {
        using var scope = NewDisposeScope();
        var x = Ar(2, 2); // x[i,j] = 2i + j
        var r = x.repeat(2, 3);
        var expected = new long[24];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 6; j++)
                expected[i * 6 + j] = 2 * (i % 2) + j % 2;
        TensorAssert.Equal(expected, new long[] { 4, 6 }, r);

        // More repeats than dims adds leading dims.
        var v = Ar(3).repeat(2, 2);
        TensorAssert.Equal(new long[] { 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2 }, new long[] { 2, 6 }, v);
        Assert.Throws<TorchException>(() => x.repeat(2));
    }

    // ---- masked_fill / where -----------------------------------------------------------------------------------------

    [Fact]
    public void MaskedFillReplacesWhereTrue()
    {
        using var scope = NewDisposeScope();
        var x = arange(6, dtype: float32).view(2, 3);
        var mask = x.gt(2);
        var y = x.masked_fill(mask, -1.5);
        TensorAssert.Close(new[] { 0, 1, 2, -1.5, -1.5, -1.5 }, new long[] { 2, 3 }, y);
        // x itself is unchanged.
        TensorAssert.Close(new double[] { 0, 1, 2, 3, 4, 5 }, new long[] { 2, 3 }, x);

        // Broadcast mask over rows.
        var colMask = tensor(new[] { true, false, true });
        TensorAssert.Close(new double[] { 9, 1, 9, 9, 4, 9 }, new long[] { 2, 3 }, x.masked_fill(colMask, 9));

        x.masked_fill_(colMask, 0);
        TensorAssert.Close(new double[] { 0, 1, 0, 0, 4, 0 }, new long[] { 2, 3 }, x);
    }

    [Fact]
    public void WhereTensorForm()
    {
        using var scope = NewDisposeScope();
        var cond = tensor(new[] { true, false, false, true });
        var a = tensor(new long[] { 1, 2, 3, 4 });
        var b = tensor(new long[] { 10, 20, 30, 40 });
        TensorAssert.Equal(new long[] { 1, 20, 30, 4 }, new long[] { 4 }, where(cond, a, b));
        TensorAssert.Equal(new long[] { 1, 20, 30, 4 }, new long[] { 4 }, a.where(cond, b));
    }

    [Fact]
    public void WhereBroadcasts()
    {
        using var scope = NewDisposeScope();
        var cond = tensor(new[] { true, false }, new long[] { 2, 1 });
        var a = Ar(1, 3);              // 0 1 2
        var b = arange(10, 16).view(2, 3);
        TensorAssert.Equal(new long[] { 0, 1, 2, 13, 14, 15 }, new long[] { 2, 3 }, where(cond, a, b));
    }

    [Fact]
    public void WhereScalarForm()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { -1.0, 2.0, -3.0, 4.0 });
        var positive = x.gt(0);
        TensorAssert.Close(new[] { 0.0, 2.0, 0.0, 4.0 }, new long[] { 4 }, where(positive, x, 0.0));
        TensorAssert.Close(new[] { 7.5, 2.0, 7.5, 4.0 }, new long[] { 4 }, where(positive, x, 7.5));
    }

    // ---- pad / one_hot ---------------------------------------------------------------------------------------------

    [Fact]
    public void ConstantPadOfTheLastDim()
    {
        using var scope = NewDisposeScope();
        var x = Ar(2, 3);
        var p = nn.functional.pad(x, new long[] { 1, 2 });
        TensorAssert.Equal(new long[] { 0, 0, 1, 2, 0, 0, 0, 3, 4, 5, 0, 0 }, new long[] { 2, 6 }, p);
    }

    [Fact]
    public void ConstantPadOfTwoDimsWithAValue()
    {
        using var scope = NewDisposeScope();
        var x = arange(6, dtype: float32).view(2, 3);
        // (left 1, right 0) on the last dim, (top 0, bottom 1) on the one before.
        var p = nn.functional.pad(x, new long[] { 1, 0, 0, 1 }, value: 9);
        var expected = new double[3 * 4];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                expected[i * 4 + j] = i < 2 && j >= 1 ? i * 3 + (j - 1) : 9;
        TensorAssert.Close(expected, new long[] { 3, 4 }, p);
    }

    [Fact]
    public void ConstantPadWithNegativeAmountsCrops()
    {
        using var scope = NewDisposeScope();
        var p = nn.functional.pad(Ar(2, 3), new long[] { -1, 0 });
        TensorAssert.Equal(new long[] { 1, 2, 4, 5 }, new long[] { 2, 2 }, p);
    }

    [Fact]
    public void PadWithOddLengthThrowsArgumentException()
    {
        using var scope = NewDisposeScope();
        var x = Ar(2, 3);
        Assert.Throws<ArgumentException>(() => nn.functional.pad(x, new long[] { 1 }));
        Assert.Throws<ArgumentException>(() => nn.functional.pad(x, new long[] { 1, 1, 1 }));
    }

    [Fact]
    public void OneHotEncodesIndices()
    {
        using var scope = NewDisposeScope();
        var idx = tensor(new long[] { 0, 2, 1, 2 });
        var oh = nn.functional.one_hot(idx, 4);
        var expected = new long[16];
        long[] v = { 0, 2, 1, 2 };
        for (int i = 0; i < 4; i++) expected[i * 4 + v[i]] = 1;
        TensorAssert.Equal(expected, new long[] { 4, 4 }, oh);

        // num_classes = -1: inferred as max + 1 = 3.
        var inferred = nn.functional.one_hot(idx);
        var expected3 = new long[12];
        for (int i = 0; i < 4; i++) expected3[i * 3 + v[i]] = 1;
        TensorAssert.Equal(expected3, new long[] { 4, 3 }, inferred);

        // Batched indices get a trailing class dim.
        var batched = nn.functional.one_hot(tensor(new long[] { 1, 0, 0, 1 }, new long[] { 2, 2 }), 2);
        TensorAssert.Equal(new long[] { 0, 1, 1, 0, 1, 0, 0, 1 }, new long[] { 2, 2, 2 }, batched);

        Assert.Throws<TorchException>(() => nn.functional.one_hot(idx, 2));
    }
}
