using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>The internal raw-byte view of tensors that serialization uses: little-endian, row-major, any dtype.</summary>
public sealed class TensorBytesTests
{
    [Fact]
    public void ToBytesIsTheLittleEndianRowMajorEncoding()
    {
        using var scope = NewDisposeScope();
        var f = tensor(new float[] { 1, -2, 0.5f, float.NaN, 7, 8 }, new long[] { 2, 3 });
        Assert.Equal(SafeTensorsBytes.F32(1, -2, 0.5f, float.NaN, 7, 8), f.ToBytes());
        Assert.Equal(SafeTensorsBytes.F32(1, float.NaN, -2, 7, 0.5f, 8), f.t().ToBytes());
        Assert.Equal(SafeTensorsBytes.I64(-1, long.MaxValue), tensor(new long[] { -1, long.MaxValue }).ToBytes());
        Assert.Equal(SafeTensorsBytes.Bool(true, false), tensor(new[] { true, false }).ToBytes());
        // float16 of 1.0 is 0x3C00; bfloat16 of -2.0 is 0xC000.
        Assert.Equal(SafeTensorsBytes.U16(0x3C00), tensor(1f).to(float16).ToBytes());
        Assert.Equal(SafeTensorsBytes.U16(0xC000), tensor(-2f).to(bfloat16).ToBytes());
        Assert.Empty(zeros(new long[] { 0, 4 }).ToBytes());
    }

    [Fact]
    public void FromBytesReadsTheLittleEndianRowMajorEncoding()
    {
        using var scope = NewDisposeScope();
        var d = Tensor.FromBytes(SafeTensorsBytes.F64(1.25, -3, 1e300, -0.0), new long[] { 2, 2 }, float64);
        Assert.Equal(new long[] { 2, 2 }, d.shape);
        Assert.Equal(new[] { 1.25, -3, 1e300, -0.0 }.Select(BitConverter.DoubleToInt64Bits), d.data<double>().Select(BitConverter.DoubleToInt64Bits));
        Assert.False(d.requires_grad);
        var h = Tensor.FromBytes(SafeTensorsBytes.U16(0x4000, 0xBC00), new long[] { 2 }, float16);
        Assert.Equal(new[] { 2f, -1f }, h.to(float32).data<float>().ToArray());
        var s = Tensor.FromBytes(SafeTensorsBytes.I16(-2, 3), new long[] { 2 }, int16);
        Assert.Equal(new short[] { -2, 3 }, s.data<short>().ToArray());
        Assert.Equal(new long[] { 0, 3 }, Tensor.FromBytes(ReadOnlySpan<byte>.Empty, new long[] { 0, 3 }, int32).shape);
    }

    [Fact]
    public void FromBytesRefusesTheWrongLength()
    {
        var error = Assert.Throws<TorchException>(() => Tensor.FromBytes(new byte[7], new long[] { 2 }, float32));
        Assert.Contains("7 bytes", error.Message);
    }

    [Fact]
    public void ElementSizes()
    {
        Assert.Equal(new[] { 1, 1, 2, 4, 8, 2, 4, 8, 8, 16, 1, 2 },
                     new[] { uint8, int8, int16, int32, int64, float16, float32, float64, complex64, complex128, @bool, bfloat16 }.Select(Tensor.ElementSize));
    }
}
