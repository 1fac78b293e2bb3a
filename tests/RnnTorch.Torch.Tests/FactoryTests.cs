using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Tests that touch process-wide state (libtorch's global random generator, the default dtype) join this collection:
/// xunit runs it on its own, after the parallel collections, so no other test draws random numbers or creates
/// default-dtype tensors between a test's set-up and its checks.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalTorchStateCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Global torch state (serial)";
}

/// <summary>Factories (zeros, ones, full, random, arange, linspace, eye, tensor from arrays), dtypes, devices and conversions.</summary>
[Collection(GlobalTorchStateCollection.Name)]
public sealed class FactoryTests
{
    private static double[] Doubles(Tensor t)
    {
        using var d = t.to(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    // ---- zeros / ones / full / empty -------------------------------------------------------------------------

    [Fact]
    public void ZerosAndOnesHaveShapeDefaultDtypeAndValues()
    {
        using var scope = NewDisposeScope();
        var z = zeros(2, 3);
        Assert.Equal(new long[] { 2, 3 }, z.shape);
        Assert.Equal(ScalarType.Float32, z.dtype);
        Assert.Equal(new float[6], z.data<float>().ToArray());

        var o = ones(new long[] { 2, 1, 2 });
        Assert.Equal(new long[] { 2, 1, 2 }, o.shape);
        Assert.Equal(ScalarType.Float32, o.dtype);
        Assert.All(o.data<float>(), v => Assert.Equal(1f, v));

        var zi = zeros(4, dtype: int64);
        TensorAssert.Equal(new long[] { 0, 0, 0, 0 }, new long[] { 4 }, zi);

        var ob = ones(new long[] { 3 }, dtype: @bool);
        TensorAssert.Equal(new[] { true, true, true }, new long[] { 3 }, ob);

        var od = ones(1, 2, 3, dtype: float64);
        Assert.Equal(new long[] { 1, 2, 3 }, od.shape);
        Assert.Equal(Enumerable.Repeat(1.0, 6).ToArray(), od.data<double>().ToArray());
    }

    [Fact]
    public void ZerosOfEmptyShapeIsZeroDim()
    {
        using var scope = NewDisposeScope();
        var z = zeros(Array.Empty<long>());
        Assert.Empty(z.shape);
        Assert.Equal(0, z.dim());
        Assert.Equal(1, z.numel());
        Assert.Equal(0f, z.item<float>());
    }

    [Fact]
    public void ZerosWithAZeroSizedDimensionHasNoElements()
    {
        using var scope = NewDisposeScope();
        var z = zeros(new long[] { 3, 0 });
        Assert.Equal(new long[] { 3, 0 }, z.shape);
        Assert.Equal(0, z.numel());
        Assert.Empty(z.data<float>().ToArray());
    }

    [Fact]
    public void NegativeSizeIsRejected()
    {
        Assert.Throws<ArgumentException>(() => zeros(new long[] { 2, -1 }));
        Assert.Throws<ArgumentException>(() => ones(new long[] { -3 }));
    }

    [Fact]
    public void FullInfersInt64FromAnIntegralValue()
    {
        using var scope = NewDisposeScope();
        var t = full(new long[] { 2, 3 }, 7);
        TensorAssert.Equal(Enumerable.Repeat(7L, 6).ToArray(), new long[] { 2, 3 }, t);
    }

    [Fact]
    public void FullInfersFloat32FromAFloatingValue()
    {
        using var scope = NewDisposeScope();
        var t = full(new long[] { 4 }, 2.5);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(new[] { 2.5f, 2.5f, 2.5f, 2.5f }, t.data<float>().ToArray());
    }

    [Fact]
    public void FullInfersBoolFromABooleanValue()
    {
        using var scope = NewDisposeScope();
        var t = full(new long[] { 2, 2 }, true);
        TensorAssert.Equal(new[] { true, true, true, true }, new long[] { 2, 2 }, t);
    }

    [Fact]
    public void FullHonoursAnExplicitDtype()
    {
        using var scope = NewDisposeScope();
        var t = full(new long[] { 3 }, 7, dtype: float64);
        Assert.Equal(ScalarType.Float64, t.dtype);
        Assert.Equal(new[] { 7.0, 7.0, 7.0 }, t.data<double>().ToArray());

        var n = full(new long[] { 2 }, -3, dtype: int32);
        Assert.Equal(ScalarType.Int32, n.dtype);
        Assert.Equal(new[] { -3, -3 }, n.data<int>().ToArray());
    }

    [Fact]
    public void EmptyHasTheRequestedShapeAndDtype()
    {
        using var scope = NewDisposeScope();
        var e = empty(new long[] { 2, 5 });
        Assert.Equal(new long[] { 2, 5 }, e.shape);
        Assert.Equal(ScalarType.Float32, e.dtype);
        Assert.Equal(10, e.numel());

        var ei = empty(3, dtype: int64);
        Assert.Equal(new long[] { 3 }, ei.shape);
        Assert.Equal(ScalarType.Int64, ei.dtype);
    }

    // ---- random ------------------------------------------------------------------------------------------------

    [Fact]
    public void RandnHasShapeAndDtype()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var t = randn(2, 3, 4);
        Assert.Equal(new long[] { 2, 3, 4 }, t.shape);
        Assert.Equal(ScalarType.Float32, t.dtype);
        var d = randn(5, dtype: float64);
        Assert.Equal(ScalarType.Float64, d.dtype);
        Assert.Equal(new long[] { 5 }, d.shape);
    }

    [Fact]
    public void SameSeedGivesSameRandnValues()
    {
        using var scope = NewDisposeScope();
        manual_seed(1234);
        var a = randn(3, 4).data<float>().ToArray();
        manual_seed(1234);
        var b = randn(3, 4).data<float>().ToArray();
        manual_seed(4321);
        var c = randn(3, 4).data<float>().ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        // Two successive draws without reseeding differ.
        manual_seed(1234);
        var first = randn(3, 4).data<float>().ToArray();
        var second = randn(3, 4).data<float>().ToArray();
        Assert.Equal(a, first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void SameSeedGivesSameRandAndRandintValues()
    {
        using var scope = NewDisposeScope();
        manual_seed(77);
        var r1 = rand(10).data<float>().ToArray();
        var i1 = randint(0, 100, new long[] { 10 }).data<long>().ToArray();
        manual_seed(77);
        var r2 = rand(10).data<float>().ToArray();
        var i2 = randint(0, 100, new long[] { 10 }).data<long>().ToArray();
        Assert.Equal(r1, r2);
        Assert.Equal(i1, i2);
    }

    [Fact]
    public void RandIsInHalfOpenUnitInterval()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var t = rand(100, 100);
        Assert.Equal(new long[] { 100, 100 }, t.shape);
        Assert.Equal(ScalarType.Float32, t.dtype);
        var v = t.data<float>().ToArray();
        Assert.All(v, x => Assert.True(x >= 0f && x < 1f, $"rand value {x} outside [0, 1)"));
        double mean = v.Average(x => (double)x);
        Assert.InRange(mean, 0.45, 0.55); // uniform mean 1/2; sd of the mean ≈ 0.003 for 10k samples
        Assert.True(v.Min() < 0.01f && v.Max() > 0.99f, "10k uniform samples should come close to both ends");
    }

    [Fact]
    public void RandnMeanAndStdAreRoughlyStandard()
    {
        using var scope = NewDisposeScope();
        manual_seed(42);
        var v = randn(10_000, dtype: float64).data<double>().ToArray();
        double mean = v.Average();
        double var = v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1);
        Assert.InRange(mean, -0.05, 0.05); // sd of the mean is 0.01
        Assert.InRange(Math.Sqrt(var), 0.95, 1.05);
        Assert.True(v.Any(x => x < -2) && v.Any(x => x > 2), "10k normal samples should reach beyond ±2");
    }

    [Fact]
    public void RandintStaysInLowInclusiveHighExclusive()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var t = randint(3, 7, new long[] { 20, 50 });
        Assert.Equal(new long[] { 20, 50 }, t.shape);
        Assert.Equal(ScalarType.Int64, t.dtype);
        var v = t.data<long>().ToArray();
        Assert.All(v, x => Assert.InRange(x, 3L, 6L));
        // 1000 draws from 4 values: each appears (probability of a miss ≈ 4·0.75^1000).
        for (long k = 3; k <= 6; k++) Assert.Contains(k, v);

        var z = randint(5, new long[] { 200 });
        var zv = z.data<long>().ToArray();
        Assert.All(zv, x => Assert.InRange(x, 0L, 4L));

        var f = randint(0, 2, new long[] { 8 }, dtype: float32);
        Assert.Equal(ScalarType.Float32, f.dtype);
        Assert.All(f.data<float>(), x => Assert.True(x == 0f || x == 1f));
    }

    [Fact]
    public void RandintNeedsLowBelowHigh()
    {
        Assert.Throws<ArgumentException>(() => randint(5, 5, new long[] { 2 }));
        Assert.Throws<ArgumentException>(() => randint(6, 5, new long[] { 2 }));
    }

    // ---- arange / linspace / eye ---------------------------------------------------------------------------------

    [Fact]
    public void ArangeWithIntegralArgumentsIsInt64()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Equal(new long[] { 0, 1, 2, 3, 4 }, new long[] { 5 }, arange(5));
        TensorAssert.Equal(new long[] { 2, 3, 4, 5 }, new long[] { 4 }, arange(2, 6));
        TensorAssert.Equal(new long[] { 1, 4, 7 }, new long[] { 3 }, arange(1, 10, 3));
    }

    [Fact]
    public void ArangeWithFloatingArgumentsIsFloat32()
    {
        using var scope = NewDisposeScope();
        var t = arange(0.0, 1.0, 0.25);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(new[] { 0f, 0.25f, 0.5f, 0.75f }, t.data<float>().ToArray());

        var mixed = arange(0, 2.5); // one floating bound is enough
        Assert.Equal(ScalarType.Float32, mixed.dtype);
        Assert.Equal(new[] { 0f, 1f, 2f }, mixed.data<float>().ToArray());
    }

    [Fact]
    public void ArangeWithNegativeStepCountsDown()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Equal(new long[] { 5, 3, 1 }, new long[] { 3 }, arange(5, 0, -2));
        var f = arange(1.0, 0.0, -0.25);
        Assert.Equal(new[] { 1f, 0.75f, 0.5f, 0.25f }, f.data<float>().ToArray());
    }

    [Fact]
    public void ArangeHonoursAnExplicitDtype()
    {
        using var scope = NewDisposeScope();
        var t = arange(0, 4, dtype: float64);
        Assert.Equal(ScalarType.Float64, t.dtype);
        Assert.Equal(new[] { 0.0, 1.0, 2.0, 3.0 }, t.data<double>().ToArray());
    }

    [Fact]
    public void ArangeWithZeroStepThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => arange(0, 5, step: 0));
        Assert.Throws<ArgumentException>(() => arange(0.0, 1.0, step: 0.0));
    }

    [Fact]
    public void LinspaceMatchesTheFormula()
    {
        using var scope = NewDisposeScope();
        const double start = -1.5, end = 2.0;
        const int steps = 8;
        var t = linspace(start, end, steps, dtype: float64);
        var expected = new double[steps];
        for (int i = 0; i < steps; i++) expected[i] = start + i * (end - start) / (steps - 1);
        TensorAssert.Close(expected, new long[] { steps }, t, 1e-12, 1e-12);
        Assert.Equal(start, t.data<double>()[0]);
        Assert.Equal(end, t.data<double>()[steps - 1]);

        var f = linspace(0, 1, 5);
        Assert.Equal(ScalarType.Float32, f.dtype);
        TensorAssert.Close(new[] { 0, 0.25, 0.5, 0.75, 1 }, new long[] { 5 }, f);

        var single = linspace(3, 7, 1);
        TensorAssert.Close(new[] { 3.0 }, new long[] { 1 }, single);
        Assert.Equal(0, linspace(0, 1, 0).numel());
    }

    [Fact]
    public void EyeSquareAndRectangular()
    {
        using var scope = NewDisposeScope();
        var sq = eye(3);
        Assert.Equal(ScalarType.Float32, sq.dtype);
        TensorAssert.Close(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, new long[] { 3, 3 }, sq);

        var wide = eye(2, 4, dtype: int64);
        TensorAssert.Equal(new long[] { 1, 0, 0, 0, 0, 1, 0, 0 }, new long[] { 2, 4 }, wide);

        var tall = eye(3, 2, dtype: float64);
        TensorAssert.Close(new double[] { 1, 0, 0, 1, 0, 0 }, new long[] { 3, 2 }, tall);
    }

    // ---- *_like -------------------------------------------------------------------------------------------------

    [Fact]
    public void LikeFactoriesKeepShapeAndDtypeUnlessOverridden()
    {
        using var scope = NewDisposeScope();
        var src = tensor(new long[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 });

        var z = zeros_like(src);
        TensorAssert.Equal(new long[6], new long[] { 2, 3 }, z);

        var o = ones_like(src, dtype: float64);
        Assert.Equal(new long[] { 2, 3 }, o.shape);
        Assert.Equal(ScalarType.Float64, o.dtype);
        Assert.Equal(Enumerable.Repeat(1.0, 6).ToArray(), o.data<double>().ToArray());

        manual_seed(9);
        var fsrc = zeros(4, 2, dtype: float64);
        var r = randn_like(fsrc);
        Assert.Equal(new long[] { 4, 2 }, r.shape);
        Assert.Equal(ScalarType.Float64, r.dtype);
        Assert.Contains(r.data<double>().ToArray(), x => x != 0);

        var r32 = randn_like(fsrc, dtype: float32);
        Assert.Equal(ScalarType.Float32, r32.dtype);
        Assert.Equal(new long[] { 4, 2 }, r32.shape);
    }

    // ---- tensor(data, shape) and data/item round trips ----------------------------------------------------------

    [Fact]
    public void TensorFromFloatArrayRoundTrips()
    {
        using var scope = NewDisposeScope();
        var data = new[] { 1.5f, -2f, 3.25f, 0f, float.MaxValue, float.Epsilon };
        var t = tensor(data, new long[] { 2, 3 });
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Equal(data, t.data<float>().ToArray());
    }

    [Fact]
    public void TensorFromDoubleArrayRoundTrips()
    {
        using var scope = NewDisposeScope();
        var data = new[] { Math.PI, -Math.E, 1e-300, 1e300 };
        var t = tensor(data, new long[] { 4, 1 });
        Assert.Equal(ScalarType.Float64, t.dtype);
        Assert.Equal(new long[] { 4, 1 }, t.shape);
        Assert.Equal(data, t.data<double>().ToArray());
    }

    [Fact]
    public void TensorFromLongArrayRoundTrips()
    {
        using var scope = NewDisposeScope();
        var data = new[] { long.MinValue, -1L, 0L, 1L, long.MaxValue, 1L << 40 };
        var t = tensor(data, new long[] { 3, 2 });
        TensorAssert.Equal(data, new long[] { 3, 2 }, t);
    }

    [Fact]
    public void TensorFromIntArrayRoundTrips()
    {
        using var scope = NewDisposeScope();
        var data = new[] { int.MinValue, -7, 0, 7, int.MaxValue, 42 };
        var t = tensor(data, new long[] { 1, 2, 3 });
        Assert.Equal(ScalarType.Int32, t.dtype);
        Assert.Equal(new long[] { 1, 2, 3 }, t.shape);
        Assert.Equal(data, t.data<int>().ToArray());
    }

    [Fact]
    public void TensorFromBoolArrayRoundTrips()
    {
        using var scope = NewDisposeScope();
        var data = new[] { true, false, false, true };
        TensorAssert.Equal(data, new long[] { 2, 2 }, tensor(data, new long[] { 2, 2 }));
        TensorAssert.Equal(data, new long[] { 4 }, tensor(data));
    }

    [Fact]
    public void OneDimensionalTensorTakesTheArrayLength()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new[] { 1f, 2f, 3f });
        Assert.Equal(new long[] { 3 }, t.shape);
        Assert.Equal(1, t.dim());
    }

    [Fact]
    public void TensorCopiesTheArray()
    {
        using var scope = NewDisposeScope();
        var data = new[] { 1f, 2f, 3f };
        var t = tensor(data);
        data[0] = 100f;
        Assert.Equal(new[] { 1f, 2f, 3f }, t.data<float>().ToArray());
    }

    [Fact]
    public void TensorWithShapeThatDoesNotMatchTheDataThrows()
    {
        Assert.Throws<ArgumentException>(() => tensor(new float[] { 1, 2, 3 }, new long[] { 2, 2 }));
        Assert.Throws<ArgumentException>(() => tensor(new long[] { 1, 2 }, new long[] { 3 }));
    }

    [Fact]
    public void TensorWithDtypeConverts()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new long[] { 1, 2, 3 }, dtype: float32);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(new[] { 1f, 2f, 3f }, t.data<float>().ToArray());
    }

    [Fact]
    public void ZeroDimTensorsHoldOneValue()
    {
        using var scope = NewDisposeScope();
        var f = tensor(2.5f);
        Assert.Empty(f.shape);
        Assert.Equal(0, f.dim());
        Assert.Equal(1, f.numel());
        Assert.Equal(ScalarType.Float32, f.dtype);
        Assert.Equal(2.5f, f.item<float>());

        var d = tensor(-0.125);
        Assert.Equal(ScalarType.Float64, d.dtype);
        Assert.Empty(d.shape);
        Assert.Equal(-0.125, d.item<double>());

        var l = tensor(1L << 50);
        Assert.Equal(ScalarType.Int64, l.dtype);
        Assert.Equal(1L << 50, l.item<long>());

        var i = tensor(-17);
        Assert.Equal(ScalarType.Int32, i.dtype);
        Assert.Equal(-17, i.item<int>());

        var b = tensor(true);
        Assert.Equal(ScalarType.Bool, b.dtype);
        Assert.True(b.item<bool>());
        Assert.False(tensor(false).item<bool>());
    }

    [Fact]
    public void ItemConvertsBetweenTypes()
    {
        using var scope = NewDisposeScope();
        var f = tensor(3f);
        Assert.Equal(3.0, f.item<double>());
        Assert.Equal(3L, f.item<long>());
        Assert.Equal(3, f.item<int>());
        Assert.True(f.item<bool>());
        Assert.Equal(3.0, f.ToDouble());
        Assert.Equal(3f, f.ToSingle());
        Assert.Equal(3L, f.ToInt64());

        var l = tensor(new long[] { 9 });
        Assert.Equal(9f, l.item<float>());
        Assert.Equal(9.0, l.item<double>());
        Assert.False(tensor(0L).ToBoolean());
    }

    [Fact]
    public void ItemOnSeveralElementsThrows()
    {
        using var t = tensor(new float[] { 1, 2 });
        Assert.Throws<ArgumentException>(() => t.item<float>());
    }

    [Fact]
    public void DataWithTheWrongElementTypeThrows()
    {
        using var t = tensor(new float[] { 1, 2 });
        Assert.Throws<ArgumentException>(() => t.data<double>());
        Assert.Throws<ArgumentException>(() => t.data<long>());
    }

    // ---- dtype constants, shape properties, default dtype ----------------------------------------------------------

    [Fact]
    public void DtypeConstantsAreTheScalarTypes()
    {
        Assert.Equal(ScalarType.Float32, float32);
        Assert.Equal(ScalarType.Float64, float64);
        Assert.Equal(ScalarType.Float16, float16);
        Assert.Equal(ScalarType.BFloat16, bfloat16);
        Assert.Equal(ScalarType.Int8, int8);
        Assert.Equal(ScalarType.Byte, uint8);
        Assert.Equal(ScalarType.Int16, int16);
        Assert.Equal(ScalarType.Int32, int32);
        Assert.Equal(ScalarType.Int64, int64);
        Assert.Equal(ScalarType.Bool, @bool);
        Assert.Equal(ScalarType.ComplexFloat32, complex64);
        Assert.Equal(ScalarType.ComplexFloat64, complex128);
    }

    [Fact]
    public void EveryDtypeConstantMakesATensorOfThatDtype()
    {
        using var scope = NewDisposeScope();
        foreach (var dt in new[] { float32, float64, float16, bfloat16, int8, uint8, int16, int32, int64, @bool, complex64, complex128 })
        {
            var t = zeros(2, dtype: dt);
            Assert.Equal(dt, t.dtype);
        }
    }

    [Fact]
    public void ShapeDimNumelAndSize()
    {
        using var scope = NewDisposeScope();
        var t = zeros(2, 3, 5);
        Assert.Equal(new long[] { 2, 3, 5 }, t.shape);
        Assert.Equal(3, t.dim());
        Assert.Equal(3, t.Dimensions);
        Assert.Equal(30, t.numel());
        Assert.Equal(30, t.NumberOfElements);
        Assert.Equal(2, t.size(0));
        Assert.Equal(3, t.size(1));
        Assert.Equal(5, t.size(2));
        Assert.Equal(5, t.size(-1));
        Assert.Equal(2, t.size(-3));
        Assert.ThrowsAny<ArgumentException>(() => t.size(3));
        Assert.ThrowsAny<ArgumentException>(() => t.size(-4));
        Assert.Equal(new long[] { 15, 5, 1 }, t.stride());
        Assert.True(t.is_floating_point());
        Assert.False(t.is_complex());
    }

    [Fact]
    public void DefaultDtypeCanBeChangedAndRestored()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(ScalarType.Float32, get_default_dtype());
        try
        {
            set_default_dtype(float64);
            Assert.Equal(ScalarType.Float64, get_default_dtype());
            Assert.Equal(ScalarType.Float64, zeros(2).dtype);
            Assert.Equal(ScalarType.Float64, ones(2, 2).dtype);
            Assert.Equal(ScalarType.Float64, randn(3).dtype);
            Assert.Equal(ScalarType.Float64, rand(3).dtype);
            Assert.Equal(ScalarType.Float64, eye(2).dtype);
            Assert.Equal(ScalarType.Float64, linspace(0, 1, 3).dtype);
            Assert.Equal(ScalarType.Float64, full(new long[] { 2 }, 2.5).dtype);
            Assert.Equal(ScalarType.Float64, arange(0.0, 1.0, 0.5).dtype);
            // Where PyTorch infers a floating type from integral operands it uses the default too.
            var ints = tensor(new long[] { 1, 2 });
            var half = ints / tensor(new long[] { 2, 2 });
            Assert.Equal(ScalarType.Float64, half.dtype);
            Assert.Equal(new[] { 0.5, 1.0 }, half.data<double>().ToArray());
            Assert.Equal(ScalarType.Float64, (ints + 1.5).dtype);
            Assert.Equal(ScalarType.Float64, (1.5 - ints).dtype);
            // Integral inference does not follow the default floating dtype.
            Assert.Equal(ScalarType.Int64, full(new long[] { 2 }, 3).dtype);
            Assert.Equal(ScalarType.Int64, arange(3).dtype);
            // Arrays keep their own element type.
            Assert.Equal(ScalarType.Float32, tensor(new[] { 1f }).dtype);
        }
        finally
        {
            set_default_dtype(float32);
        }
        Assert.Equal(ScalarType.Float32, get_default_dtype());
        Assert.Equal(ScalarType.Float32, zeros(2).dtype);
        Assert.Equal(ScalarType.Float32, arange(0.0, 1.0, 0.5).dtype);
        Assert.Equal(ScalarType.Float32, (tensor(new long[] { 1 }) / 2).dtype);
    }

    [Fact]
    public void DefaultDtypeMustBeFloating()
    {
        Assert.ThrowsAny<ArgumentException>(() => set_default_dtype(int64));
        Assert.ThrowsAny<ArgumentException>(() => set_default_dtype(@bool));
        Assert.Equal(ScalarType.Float32, get_default_dtype());
    }

    // ---- devices ------------------------------------------------------------------------------------------------

    [Fact]
    public void DeviceParsesCpuAndCuda()
    {
        var cpu = new Device("cpu");
        Assert.Equal(DeviceType.CPU, cpu.type);
        Assert.Equal(-1, cpu.index);
        Assert.Equal("cpu", cpu.ToString());

        var cuda = new Device("cuda");
        Assert.Equal(DeviceType.CUDA, cuda.type);
        Assert.Equal(-1, cuda.index);
        Assert.Equal("cuda", cuda.ToString());

        var cuda1 = new Device("cuda:1");
        Assert.Equal(DeviceType.CUDA, cuda1.type);
        Assert.Equal(1, cuda1.index);
        Assert.Equal("cuda:1", cuda1.ToString());

        Assert.Equal(new Device(DeviceType.CUDA, 0), new Device(" CUDA:0 "));
        Device implicitDevice = "cuda:2";
        Assert.Equal(2, implicitDevice.index);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("")]
    [InlineData("cuda:")]
    [InlineData("cuda:x")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:1:2")]
    [InlineData("cpux")]
    public void BadDeviceStringsThrowArgumentException(string description)
    {
        Assert.Throws<ArgumentException>(() => new Device(description));
        Assert.Throws<ArgumentException>(() => device(description));
    }

    [Fact]
    public void DeviceConstantsAndFactory()
    {
        Assert.Equal(DeviceType.CPU, CPU.type);
        Assert.Equal(DeviceType.CUDA, CUDA.type);
        Assert.Equal(-1, CUDA.index);
        Assert.Equal(CPU, device("cpu"));
        Assert.Equal(CUDA, device("cuda"));
        Assert.Equal(new Device(DeviceType.CUDA, 3), device(DeviceType.CUDA, 3));
        Assert.True(device("cuda:3") == device(DeviceType.CUDA, 3));
        Assert.True(device("cuda:3") != device("cuda:2"));
        Assert.NotEqual(CPU, CUDA);
        Assert.Equal(device("cuda:1").GetHashCode(), new Device(DeviceType.CUDA, 1).GetHashCode());
        Assert.Throws<ArgumentOutOfRangeException>(() => device(DeviceType.CUDA, -2));
    }

    [Fact]
    public void TensorsAreCreatedOnTheCpu()
    {
        using var scope = NewDisposeScope();
        var t = zeros(2);
        Assert.Equal(CPU, t.device);
        Assert.Equal(DeviceType.CPU, t.device_type);
        Assert.Equal(CPU, zeros(2, device: CPU).device);
        Assert.Equal(CPU, tensor(new[] { 1f }, device: device("cpu")).device);
    }

    [Fact]
    public void CudaIsUnavailableOnCpuOnlyLibtorch()
    {
        Assert.False(cuda.is_available());
        Assert.Equal(0, cuda.device_count());
        cuda.synchronize(); // a no-op without CUDA, not an error
    }

    [Fact]
    public void MovingToCudaOnCpuOnlyLibtorchThrowsTorchException()
    {
        using var scope = NewDisposeScope();
        var t = ones(2);
        Assert.Throws<TorchException>(() => t.cuda());
        Assert.Throws<TorchException>(() => t.to(CUDA));
        Assert.Throws<TorchException>(() => t.to("cuda:0"));
        Assert.Throws<TorchException>(() => zeros(2, device: CUDA));
        // The source tensor is still usable afterwards.
        Assert.Equal(new[] { 1f, 1f }, t.data<float>().ToArray());
    }

    // ---- conversions --------------------------------------------------------------------------------------------

    [Fact]
    public void FloatToLongTruncatesTowardZero()
    {
        using var scope = NewDisposeScope();
        var f = tensor(new[] { 1.5f, -1.5f, 2.7f, -2.7f, 0.4f, -0.4f, 3f });
        var l = f.to(int64);
        TensorAssert.Equal(new long[] { 1, -1, 2, -2, 0, 0, 3 }, new long[] { 7 }, l);
        TensorAssert.Equal(new long[] { 1, -1, 2, -2, 0, 0, 3 }, new long[] { 7 }, f.@long());
        Assert.Equal(new[] { 1, -1, 2, -2, 0, 0, 3 }, f.@int().data<int>().ToArray());
    }

    [Fact]
    public void IntToFloatConvertsValues()
    {
        using var scope = NewDisposeScope();
        var i = tensor(new[] { 1, -2, 3, 1 << 20 });
        var f = i.to(float32);
        Assert.Equal(ScalarType.Float32, f.dtype);
        Assert.Equal(new[] { 1f, -2f, 3f, 1 << 20 }, f.data<float>().ToArray());
        Assert.Equal(new[] { 1.0, -2.0, 3.0, 1 << 20 }, i.@double().data<double>().ToArray());
        Assert.Equal(new[] { 1f, -2f, 3f, 1 << 20 }, i.@float().data<float>().ToArray());
    }

    [Fact]
    public void BoolConversionsFollowNonZero()
    {
        using var scope = NewDisposeScope();
        var f = tensor(new[] { 0f, 0.5f, -2f, 0f });
        TensorAssert.Equal(new[] { false, true, true, false }, new long[] { 4 }, f.@bool());
        var b = tensor(new[] { true, false });
        TensorAssert.Equal(new long[] { 1, 0 }, new long[] { 2 }, b.to(int64));
        Assert.Equal(new[] { 1f, 0f }, b.to(float32).data<float>().ToArray());
    }

    [Fact]
    public void DoubleToFloatRoundsToNearest()
    {
        using var scope = NewDisposeScope();
        var d = tensor(new[] { 0.1, 1.0 / 3.0 });
        Assert.Equal(new[] { 0.1f, 1f / 3f }, d.to(float32).data<float>().ToArray());
    }

    [Fact]
    public void ToSameDtypeSharesStorageUnlessCopyIsAsked()
    {
        using var scope = NewDisposeScope();
        var t = zeros(3);
        var same = t.to(float32);
        same.fill_(5);
        Assert.Equal(new[] { 5f, 5f, 5f }, t.data<float>().ToArray());

        var copy = t.to(float32, copy: true);
        copy.fill_(1);
        Assert.Equal(new[] { 5f, 5f, 5f }, t.data<float>().ToArray());
        Assert.Equal(new[] { 1f, 1f, 1f }, copy.data<float>().ToArray());
    }

    [Fact]
    public void ToCpuAndCpuKeepValuesAndDtype()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new[] { 1.0, 2.0 });
        var a = t.to(CPU);
        var b = t.cpu();
        var c = t.to("cpu");
        var d = t.to(float32, CPU);
        foreach (var x in new[] { a, b, c })
        {
            Assert.Equal(CPU, x.device);
            Assert.Equal(ScalarType.Float64, x.dtype);
            Assert.Equal(new[] { 1.0, 2.0 }, x.data<double>().ToArray());
        }
        Assert.Equal(ScalarType.Float32, d.dtype);
        Assert.Equal(new[] { 1.0, 2.0 }, Doubles(d));
    }
}
