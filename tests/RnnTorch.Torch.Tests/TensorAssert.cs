using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>Assertions on tensors against reference values worked out independently.</summary>
internal static class TensorAssert
{
    /// <summary>Asserts the tensor's shape and that each value is within atol + rtol·|expected| of the reference.</summary>
    public static void Close(double[] expected, long[] expectedShape, Tensor actual, double rtol = 1e-5, double atol = 1e-6)
    {
        Assert.Equal(expectedShape, actual.shape);
        Close(expected, actual, rtol, atol);
    }

    /// <summary>Asserts each value is within atol + rtol·|expected| of the reference (NaN matches NaN).</summary>
    public static void Close(double[] expected, Tensor actual, double rtol = 1e-5, double atol = 1e-6)
    {
        double[] got;
        using (var d = actual.detach().to(ScalarType.Float64, CPU)) got = d.data<double>().ToArray();
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]) && double.IsNaN(got[i])) continue;
            if (expected[i] == got[i]) continue;
            double tol = atol + rtol * Math.Abs(expected[i]);
            Assert.True(Math.Abs(expected[i] - got[i]) <= tol,
                $"element {i}: expected {expected[i]:R}, got {got[i]:R} (|diff| {Math.Abs(expected[i] - got[i]):E3} > tol {tol:E3})");
        }
    }

    /// <summary>Asserts exact equality of int64 values and the shape.</summary>
    public static void Equal(long[] expected, long[] expectedShape, Tensor actual)
    {
        Assert.Equal(expectedShape, actual.shape);
        Assert.Equal(ScalarType.Int64, actual.dtype);
        Assert.Equal(expected, actual.data<long>().ToArray());
    }

    /// <summary>Asserts exact equality of bool values and the shape.</summary>
    public static void Equal(bool[] expected, long[] expectedShape, Tensor actual)
    {
        Assert.Equal(expectedShape, actual.shape);
        Assert.Equal(ScalarType.Bool, actual.dtype);
        Assert.Equal(expected, actual.data<bool>().ToArray());
    }
}
