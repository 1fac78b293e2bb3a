using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Broadcasting of the arithmetic operators and PyTorch's type promotion rules
/// (https://pytorch.org/docs/stable/tensor_attributes.html#type-promotion-doc): categories bool &lt; integral &lt; floating;
/// dimensioned tensors beat 0-dim tensors, which beat Python scalars, within a category; a higher category always wins,
/// and a floating scalar with integral tensors gives the default dtype; true division always gives a floating result.
/// </summary>
public sealed class BroadcastPromotionTests
{
    private static readonly double[] Col = { 1, 2, 3 };         // shape (3, 1)
    private static readonly double[] RowV = { 10, 20, 30, 40 }; // shape (1, 4)

    private static double[] Outer(Func<double, double, double> f)
    {
        var r = new double[Col.Length * RowV.Length];
        for (int i = 0; i < Col.Length; i++)
            for (int j = 0; j < RowV.Length; j++)
                r[i * RowV.Length + j] = f(Col[i], RowV[j]);
        return r;
    }

    // ---- broadcasting ----------------------------------------------------------------------------------------------

    [Fact]
    public void ColumnPlusRowBroadcastsToAMatrix()
    {
        using var scope = NewDisposeScope();
        var a = tensor(Col, new long[] { 3, 1 });
        var b = tensor(RowV, new long[] { 1, 4 });
        TensorAssert.Close(Outer((x, y) => x + y), new long[] { 3, 4 }, a + b);
        TensorAssert.Close(Outer((x, y) => y + x), new long[] { 3, 4 }, b + a);
        TensorAssert.Close(Outer((x, y) => x + y), new long[] { 3, 4 }, a.add(b));
    }

    [Fact]
    public void ColumnMinusRowBroadcasts()
    {
        using var scope = NewDisposeScope();
        var a = tensor(Col, new long[] { 3, 1 });
        var b = tensor(RowV, new long[] { 1, 4 });
        TensorAssert.Close(Outer((x, y) => x - y), new long[] { 3, 4 }, a - b);
        TensorAssert.Close(Outer((x, y) => x - y), new long[] { 3, 4 }, a.sub(b));
    }

    [Fact]
    public void ColumnTimesRowBroadcasts()
    {
        using var scope = NewDisposeScope();
        var a = tensor(Col, new long[] { 3, 1 });
        var b = tensor(RowV, new long[] { 1, 4 });
        TensorAssert.Close(Outer((x, y) => x * y), new long[] { 3, 4 }, a * b);
        TensorAssert.Close(Outer((x, y) => x * y), new long[] { 3, 4 }, a.mul(b));
    }

    [Fact]
    public void ColumnDividedByRowBroadcasts()
    {
        using var scope = NewDisposeScope();
        var a = tensor(Col, new long[] { 3, 1 });
        var b = tensor(RowV, new long[] { 1, 4 });
        TensorAssert.Close(Outer((x, y) => x / y), new long[] { 3, 4 }, a / b, 1e-15, 0);
        TensorAssert.Close(Outer((x, y) => y / x), new long[] { 3, 4 }, b / a, 1e-15, 0);
    }

    [Fact]
    public void TrailingDimsAlignWhenRanksDiffer()
    {
        using var scope = NewDisposeScope();
        // (2, 3, 4) + (4,) → (2, 3, 4): the vector is added to every row.
        var x = arange(24, dtype: float64).view(2, 3, 4);
        var v = tensor(new[] { 100.0, 200.0, 300.0, 400.0 });
        var expected = new double[24];
        for (int p = 0; p < 24; p++) expected[p] = p + 100.0 * (p % 4 + 1);
        TensorAssert.Close(expected, new long[] { 2, 3, 4 }, x + v);

        // (2, 1, 4) * (3, 1) → (2, 3, 4).
        var a = arange(8, dtype: float64).view(2, 1, 4);       // a[i,0,k] = 4i + k
        var b = tensor(new[] { 1.0, 2.0, 3.0 }, new long[] { 3, 1 }); // b[j,0] = j + 1
        var e2 = new double[24];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++)
                    e2[(i * 3 + j) * 4 + k] = (4 * i + k) * (j + 1);
        TensorAssert.Close(e2, new long[] { 2, 3, 4 }, a * b);
    }

    [Fact]
    public void ZeroDimTensorBroadcastsEverywhere()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.0, 2.0, 3.0, 4.0 }, new long[] { 2, 2 });
        var s = tensor(0.5);
        TensorAssert.Close(new[] { 1.5, 2.5, 3.5, 4.5 }, new long[] { 2, 2 }, x + s);
        TensorAssert.Close(new[] { 1.5, 2.5, 3.5, 4.5 }, new long[] { 2, 2 }, s + x);
    }

    [Fact]
    public void IncompatibleShapesThrowTorchExceptionNamingTheSizes()
    {
        using var scope = NewDisposeScope();
        var a = ones(3);
        var b = ones(4);
        foreach (var op in new Func<Tensor, Tensor, Tensor>[] { (x, y) => x + y, (x, y) => x - y, (x, y) => x * y, (x, y) => x / y })
        {
            var ex = Assert.Throws<TorchException>(() => op(a, b));
            Assert.Contains("(3)", ex.Message);
            Assert.Contains("(4)", ex.Message);
        }

        var m = ones(2, 3);
        var n = ones(3, 2);
        var ex2 = Assert.Throws<TorchException>(() => m + n);
        Assert.Contains("(3)", ex2.Message);
        Assert.Contains("(2)", ex2.Message);
    }

    [Fact]
    public void InPlaceOpCannotGrowItsOwnShape()
    {
        using var scope = NewDisposeScope();
        var a = ones(3, 1);
        var b = ones(1, 4);
        Assert.Throws<TorchException>(() => a.add_(b));
        // The other way round broadcasts fine.
        var c = ones(3, 4);
        c.add_(b);
        TensorAssert.Close(Enumerable.Repeat(2.0, 12).ToArray(), new long[] { 3, 4 }, c);
    }

    // ---- type promotion --------------------------------------------------------------------------------------------

    [Fact]
    public void Int64PlusInt64IsInt64()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new long[] { 1, 2, 3 });
        var b = tensor(new long[] { 10, 20, 30 });
        TensorAssert.Equal(new long[] { 11, 22, 33 }, new long[] { 3 }, a + b);
        TensorAssert.Equal(new long[] { -9, -18, -27 }, new long[] { 3 }, a - b);
        TensorAssert.Equal(new long[] { 10, 40, 90 }, new long[] { 3 }, a * b);
    }

    [Fact]
    public void Int64PlusIntScalarStaysInt64()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new long[] { 1, 2, 3 });
        TensorAssert.Equal(new long[] { 2, 3, 4 }, new long[] { 3 }, a + 1);
        TensorAssert.Equal(new long[] { 2, 3, 4 }, new long[] { 3 }, 1 + a);
        TensorAssert.Equal(new long[] { 3, 6, 9 }, new long[] { 3 }, a * 3L);
        TensorAssert.Equal(new long[] { -1, 0, 1 }, new long[] { 3 }, a - 2);
    }

    [Fact]
    public void Int64PlusFloatScalarIsFloat32()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new long[] { 1, 2, 3 });
        var r = a + 1.5;
        Assert.Equal(ScalarType.Float32, r.dtype);
        Assert.Equal(new[] { 2.5f, 3.5f, 4.5f }, r.data<float>().ToArray());
        var m = a * 0.5;
        Assert.Equal(ScalarType.Float32, m.dtype);
        Assert.Equal(new[] { 0.5f, 1f, 1.5f }, m.data<float>().ToArray());
        // A float scalar with an integral value still counts as floating.
        Assert.Equal(ScalarType.Float32, (a + 2.0).dtype);
    }

    [Fact]
    public void Int64DividedByInt64IsTrueDivisionInFloat32()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new long[] { 1, 7, -7, 6 });
        var b = tensor(new long[] { 2, 2, 2, 3 });
        var q = a / b;
        Assert.Equal(ScalarType.Float32, q.dtype);
        Assert.Equal(new[] { 0.5f, 3.5f, -3.5f, 2f }, q.data<float>().ToArray());

        var qs = a / 2;
        Assert.Equal(ScalarType.Float32, qs.dtype);
        Assert.Equal(new[] { 0.5f, 3.5f, -3.5f, 3f }, qs.data<float>().ToArray());

        var byZero = a / 0;
        Assert.Equal(ScalarType.Float32, byZero.dtype);
        Assert.Equal(new[] { float.PositiveInfinity, float.PositiveInfinity, float.NegativeInfinity, float.PositiveInfinity },
            byZero.data<float>().ToArray());
    }

    [Fact]
    public void Float32PlusFloat64TensorIsFloat64()
    {
        using var scope = NewDisposeScope();
        var f = tensor(new[] { 0.1f, 0.2f });
        var d = tensor(new[] { 1.0, 2.0 });
        var r = f + d;
        Assert.Equal(ScalarType.Float64, r.dtype);
        // The float32 values are widened exactly, then added in float64.
        Assert.Equal(new[] { (double)0.1f + 1.0, (double)0.2f + 2.0 }, r.data<double>().ToArray());
        Assert.Equal(ScalarType.Float64, (d * f).dtype);
    }

    [Fact]
    public void Float32PlusZeroDimFloat64StaysFloat32()
    {
        using var scope = NewDisposeScope();
        var f = tensor(new[] { 1f, 2f });
        var s = tensor(0.5); // 0-dim float64: same category as f, so it does not promote
        var r = f + s;
        Assert.Equal(ScalarType.Float32, r.dtype);
        Assert.Equal(new[] { 1.5f, 2.5f }, r.data<float>().ToArray());
        Assert.Equal(ScalarType.Float32, (s * f).dtype);
    }

    [Fact]
    public void Int64PlusZeroDimFloat64IsFloat64()
    {
        using var scope = NewDisposeScope();
        // A 0-dim operand of a higher category does promote, to its own dtype.
        var a = tensor(new long[] { 1, 2 });
        var r = a + tensor(2.5);
        Assert.Equal(ScalarType.Float64, r.dtype);
        Assert.Equal(new[] { 3.5, 4.5 }, r.data<double>().ToArray());
    }

    [Fact]
    public void Int32PlusZeroDimInt64StaysInt32()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new[] { 1, 2 });
        var r = a + tensor(5L);
        Assert.Equal(ScalarType.Int32, r.dtype);
        Assert.Equal(new[] { 6, 7 }, r.data<int>().ToArray());
        Assert.Equal(ScalarType.Int32, (a + 1).dtype);
    }

    [Fact]
    public void Int32PlusInt64IsInt64()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new[] { 1, 2, 3 });
        var b = tensor(new long[] { 1L << 40, 0, -5 });
        var r = a + b;
        TensorAssert.Equal(new long[] { (1L << 40) + 1, 2, -2 }, new long[] { 3 }, r);
        Assert.Equal(ScalarType.Int64, (b - a).dtype);
    }

    [Fact]
    public void IntegralTensorPlusFloatTensorIsTheFloatDtype()
    {
        using var scope = NewDisposeScope();
        var i = tensor(new long[] { 1, 2 });
        var f = tensor(new[] { 0.5f, 0.25f });
        var r = i + f;
        Assert.Equal(ScalarType.Float32, r.dtype);
        Assert.Equal(new[] { 1.5f, 2.25f }, r.data<float>().ToArray());
    }

    [Fact]
    public void Uint8PlusInt8IsInt16()
    {
        using var scope = NewDisposeScope();
        var u = tensor(new long[] { 200, 1 }).to(uint8);
        var s = tensor(new long[] { -100, -2 }).to(int8);
        var r = u + s;
        Assert.Equal(ScalarType.Int16, r.dtype);
        Assert.Equal(new short[] { 100, -1 }, r.data<short>().ToArray());
    }

    [Fact]
    public void BoolPlusBoolIsBoolLogicalOr()
    {
        using var scope = NewDisposeScope();
        // PyTorch: torch.tensor([True, False]) + torch.tensor([True, True]) → tensor([True, True]) (dtype bool).
        var a = tensor(new[] { true, false, true, false });
        var b = tensor(new[] { true, true, false, false });
        TensorAssert.Equal(new[] { true, true, true, false }, new long[] { 4 }, a + b);
    }

    [Fact]
    public void BoolWithIntegralOrFloatingPromotes()
    {
        using var scope = NewDisposeScope();
        var b = tensor(new[] { true, false });
        TensorAssert.Equal(new long[] { 2, 1 }, new long[] { 2 }, b + 1);
        var f = b + 1.5;
        Assert.Equal(ScalarType.Float32, f.dtype);
        Assert.Equal(new[] { 2.5f, 1.5f }, f.data<float>().ToArray());
        TensorAssert.Equal(new long[] { 3, 0 }, new long[] { 2 }, b * tensor(new long[] { 3, 4 }));
    }

    [Fact]
    public void ScalarMinusTensor()
    {
        using var scope = NewDisposeScope();
        var l = tensor(new long[] { 1, 2, 4 });
        TensorAssert.Equal(new long[] { 1, 0, -2 }, new long[] { 3 }, 2 - l);

        var fl = 2.5 - l;
        Assert.Equal(ScalarType.Float32, fl.dtype);
        Assert.Equal(new[] { 1.5f, 0.5f, -1.5f }, fl.data<float>().ToArray());

        var f = tensor(new[] { 0.5f, 3f });
        var fr = 2 - f;
        Assert.Equal(ScalarType.Float32, fr.dtype);
        Assert.Equal(new[] { 1.5f, -1f }, fr.data<float>().ToArray());

        var d = tensor(new[] { 0.25, -1.0 });
        var dr = 1 - d;
        Assert.Equal(ScalarType.Float64, dr.dtype);
        Assert.Equal(new[] { 0.75, 2.0 }, dr.data<double>().ToArray());
    }

    [Fact]
    public void ScalarDividedByTensor()
    {
        using var scope = NewDisposeScope();
        var l = tensor(new long[] { 1, 2, 4 });
        var q = 2 / l;
        Assert.Equal(ScalarType.Float32, q.dtype);
        Assert.Equal(new[] { 2f, 1f, 0.5f }, q.data<float>().ToArray());

        var f = tensor(new[] { 0.5f, 4f, -8f });
        var qf = 1 / f;
        Assert.Equal(ScalarType.Float32, qf.dtype);
        Assert.Equal(new[] { 2f, 0.25f, -0.125f }, qf.data<float>().ToArray());

        var d = tensor(new[] { 3.0, 0.0 });
        var qd = 1.5 / d;
        Assert.Equal(ScalarType.Float64, qd.dtype);
        Assert.Equal(new[] { 0.5, double.PositiveInfinity }, qd.data<double>().ToArray());
    }

    [Fact]
    public void ScalarLeftCommutativeForms()
    {
        using var scope = NewDisposeScope();
        var l = tensor(new long[] { 1, -2 });
        TensorAssert.Equal(new long[] { 4, 1 }, new long[] { 2 }, 3 + l);
        TensorAssert.Equal(new long[] { 3, -6 }, new long[] { 2 }, 3 * l);
        var f = 0.5 * l;
        Assert.Equal(ScalarType.Float32, f.dtype);
        Assert.Equal(new[] { 0.5f, -1f }, f.data<float>().ToArray());
    }

    [Fact]
    public void NegationKeepsDtype()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Equal(new long[] { -1, 2 }, new long[] { 2 }, -tensor(new long[] { 1, -2 }));
        var f = -tensor(new[] { 1.5f });
        Assert.Equal(ScalarType.Float32, f.dtype);
        Assert.Equal(new[] { -1.5f }, f.data<float>().ToArray());
    }

    [Fact]
    public void BroadcastAndPromoteTogether()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new long[] { 1, 2, 3 }, new long[] { 3, 1 });
        var b = tensor(new[] { 0.5, 0.25 }, new long[] { 1, 2 });
        var r = a * b;
        Assert.Equal(ScalarType.Float64, r.dtype);
        var expected = new double[6];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 2; j++) expected[i * 2 + j] = (i + 1) * new[] { 0.5, 0.25 }[j];
        TensorAssert.Close(expected, new long[] { 3, 2 }, r, 0, 0);
    }
}
