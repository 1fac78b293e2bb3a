using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Tensor.ToString() prints like PyTorch. Every expected string is PyTorch 1.13's own <c>print(t)</c> of the same
/// tensor (the Python expression is given above each case), which is the oracle for "prints like PyTorch".
/// Only leaf tensors are printed: PyTorch shows <c>grad_fn=&lt;…Backward0&gt;</c> for results of recorded operations,
/// which this binding does not reproduce.
/// </summary>
public sealed class ToStringTests
{
    private static void AssertPrints(string expected, Tensor t)
    {
        try
        {
            Assert.Equal(expected, t.ToString());
        }
        finally
        {
            t.Dispose();
        }
    }

    [Fact]
    public void WholeFloatsPrintWithATrailingPoint()
    {
        // torch.tensor([[1., 2.], [3., 4.]])
        AssertPrints("""
            tensor([[1., 2.],
                    [3., 4.]])
            """, tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 }));
        // torch.zeros(2)
        AssertPrints("tensor([0., 0.])", zeros(2));
        // torch.tensor([-0.0, 1.0])
        AssertPrints("tensor([-0., 1.])", tensor(new[] { -0.0f, 1f }));
    }

    [Fact]
    public void FractionalFloatsPrintWithFourDecimalsAligned()
    {
        // torch.tensor([[1.5, -2.25], [3.125, 4.0]])
        AssertPrints("""
            tensor([[ 1.5000, -2.2500],
                    [ 3.1250,  4.0000]])
            """, tensor(new[] { 1.5f, -2.25f, 3.125f, 4f }, new long[] { 2, 2 }));
        // torch.tensor([0.1, 0.2, 0.3])
        AssertPrints("tensor([0.1000, 0.2000, 0.3000])", tensor(new[] { 0.1f, 0.2f, 0.3f }));
        // torch.tensor([[0.001, 0.01], [0.1, 1.0]])
        AssertPrints("""
            tensor([[0.0010, 0.0100],
                    [0.1000, 1.0000]])
            """, tensor(new[] { 0.001f, 0.01f, 0.1f, 1f }, new long[] { 2, 2 }));
        // torch.tensor([-0.0, 1.5])
        AssertPrints("tensor([-0.0000, 1.5000])", tensor(new[] { -0.0f, 1.5f }));
    }

    [Fact]
    public void NegativeNumbersAlignToTheWidestValue()
    {
        // torch.tensor([-1.5, 2.25, -10.0])
        AssertPrints("tensor([ -1.5000,   2.2500, -10.0000])", tensor(new[] { -1.5f, 2.25f, -10f }));
        // torch.tensor([-1, 2, -100])
        AssertPrints("tensor([  -1,    2, -100])", tensor(new long[] { -1, 2, -100 }));
        // torch.tensor([-1e-5, 1.0])
        AssertPrints("tensor([-1.0000e-05,  1.0000e+00])", tensor(new[] { -1e-5f, 1f }));
    }

    [Fact]
    public void MixedMagnitudesSwitchToScientificNotation()
    {
        // torch.tensor([1e-5, 1.0, 1000.0])
        AssertPrints("tensor([1.0000e-05, 1.0000e+00, 1.0000e+03])", tensor(new[] { 1e-5f, 1f, 1000f }));
        // torch.tensor([1e10, 1.0])
        AssertPrints("tensor([1.0000e+10, 1.0000e+00])", tensor(new[] { 1e10f, 1f }));
        // torch.tensor([123456789.0, 1.0])
        AssertPrints("tensor([1.2346e+08, 1.0000e+00])", tensor(new[] { 123456789f, 1f }));
        // torch.tensor([1.0, 100000.0]) (whole numbers, but a ratio above 1000)
        AssertPrints("tensor([1.0000e+00, 1.0000e+05])", tensor(new[] { 1f, 100000f }));
        // torch.tensor([0.5, 1234.5])
        AssertPrints("tensor([5.0000e-01, 1.2345e+03])", tensor(new[] { 0.5f, 1234.5f }));
        // torch.tensor([2.675, 0.00015])
        AssertPrints("tensor([2.6750e+00, 1.5000e-04])", tensor(new[] { 2.675f, 0.00015f }));
        // torch.tensor([1e-4, 2e-4]) (float32 1e-4 is just below 1e-4)
        AssertPrints("tensor([1.0000e-04, 2.0000e-04])", tensor(new[] { 1e-4f, 2e-4f }));
        // torch.full((3,), 1e9)
        AssertPrints("tensor([1.0000e+09, 1.0000e+09, 1.0000e+09])", full(3, 1e9));
        // torch.tensor([[1e-5, -1.0], [1000.0, 2.0]], dtype=torch.float64)
        AssertPrints("""
            tensor([[ 1.0000e-05, -1.0000e+00],
                    [ 1.0000e+03,  2.0000e+00]], dtype=torch.float64)
            """, tensor(new[] { 1e-5, -1, 1000, 2 }, new long[] { 2, 2 }));
    }

    [Fact]
    public void IntegersPrintAsIsWithoutADtypeForInt64()
    {
        // torch.tensor([[1, -20], [300, 4]])
        AssertPrints("""
            tensor([[  1, -20],
                    [300,   4]])
            """, tensor(new long[] { 1, -20, 300, 4 }, new long[] { 2, 2 }));
        // torch.tensor([1, 2], dtype=torch.int32)
        AssertPrints("tensor([1, 2], dtype=torch.int32)", tensor(new[] { 1, 2 }));
        // torch.tensor([1, 2], dtype=torch.uint8)
        AssertPrints("tensor([1, 2], dtype=torch.uint8)", tensor(new long[] { 1, 2 }, uint8));
        // torch.tensor([1, 2, 3], dtype=torch.int16)
        AssertPrints("tensor([1, 2, 3], dtype=torch.int16)", tensor(new long[] { 1, 2, 3 }, int16));
        // torch.tensor([-5, 2, 3], dtype=torch.int8)
        AssertPrints("tensor([-5,  2,  3], dtype=torch.int8)", tensor(new long[] { -5, 2, 3 }, int8));
    }

    [Fact]
    public void BoolsPrintAsTrueAndFalse()
    {
        // torch.tensor([True, False, True])
        AssertPrints("tensor([ True, False,  True])", tensor(new[] { true, false, true }));
        // torch.tensor([[True], [False]])
        AssertPrints("""
            tensor([[ True],
                    [False]])
            """, tensor(new[] { true, false }, new long[] { 2, 1 }));
    }

    [Fact]
    public void NonDefaultFloatDtypesGetASuffix()
    {
        // torch.tensor([1.5, 2.0], dtype=torch.float64)
        AssertPrints("tensor([1.5000, 2.0000], dtype=torch.float64)", tensor(new[] { 1.5, 2.0 }));
        // torch.tensor([1., 2.], dtype=torch.float64)
        AssertPrints("tensor([1., 2.], dtype=torch.float64)", tensor(new[] { 1.0, 2.0 }));
        // torch.arange(1, 3, dtype=torch.float64).reshape(2, 1)
        AssertPrints("""
            tensor([[1.],
                    [2.]], dtype=torch.float64)
            """, tensor(new[] { 1.0, 2.0 }, new long[] { 2, 1 }));
        // torch.tensor([1.5, 2], dtype=torch.float16)
        AssertPrints("tensor([1.5000, 2.0000], dtype=torch.float16)", tensor(new[] { 1.5f, 2f }, float16));
    }

    [Fact]
    public void RequiresGradAddsASuffixAfterTheDtype()
    {
        // torch.tensor([1.5, 2.0], requires_grad=True)
        AssertPrints("tensor([1.5000, 2.0000], requires_grad=True)", tensor(new[] { 1.5f, 2f }, requires_grad: true));
        // torch.tensor([1.5, 2.0], dtype=torch.float64, requires_grad=True)
        AssertPrints("tensor([1.5000, 2.0000], dtype=torch.float64, requires_grad=True)", tensor(new[] { 1.5, 2.0 }, requires_grad: true));
        // torch.tensor([1e-5, 1.0, 1000.0], requires_grad=True)
        AssertPrints("tensor([1.0000e-05, 1.0000e+00, 1.0000e+03], requires_grad=True)", tensor(new[] { 1e-5f, 1f, 1000f }, requires_grad: true));
    }

    [Fact]
    public void SuffixesWrapOntoANewLineWhenTheLastLineIsFull()
    {
        // (torch.arange(9.) / 7).requires_grad_()
        AssertPrints("""
            tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429],
                   requires_grad=True)
            """, Seventh(9, float32));
        // (torch.arange(9.) / 7).double().requires_grad_()
        AssertPrints("""
            tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429],
                   dtype=torch.float64, requires_grad=True)
            """, Seventh(9, float64));
        // (torch.arange(10.) / 7).requires_grad_()
        AssertPrints("""
            tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,
                    1.2857], requires_grad=True)
            """, Seventh(10, float32));

        static Tensor Seventh(int n, ScalarType dtype)
        {
            using var r = arange(n, dtype);
            return (r / 7).requires_grad_();
        }
    }

    [Fact]
    public void ZeroDimensionalTensorsPrintTheBareValue()
    {
        // torch.tensor(3.5)
        AssertPrints("tensor(3.5000)", tensor(3.5f));
        // torch.tensor(2.)
        AssertPrints("tensor(2.)", tensor(2f));
        // torch.tensor(-3.)
        AssertPrints("tensor(-3.)", tensor(-3f));
        // torch.tensor(1e-7)
        AssertPrints("tensor(1.0000e-07)", tensor(1e-7f));
        // torch.tensor(7)
        AssertPrints("tensor(7)", tensor(7L));
        // torch.tensor(True)
        AssertPrints("tensor(True)", tensor(true));
        // torch.tensor(-0.25, dtype=torch.float64)
        AssertPrints("tensor(-0.2500, dtype=torch.float64)", tensor(-0.25));
        // torch.tensor(float('nan'))
        AssertPrints("tensor(nan)", tensor(float.NaN));
    }

    [Fact]
    public void EmptyTensorsPrintTheirShapeAndDtypeWhenNotObvious()
    {
        // torch.tensor([])
        AssertPrints("tensor([])", tensor(Array.Empty<float>()));
        // torch.zeros(0, 3)
        AssertPrints("tensor([], size=(0, 3))", zeros(0, 3));
        // torch.zeros(0, dtype=torch.int64)  (no element shows it is integral, so the dtype is printed)
        AssertPrints("tensor([], dtype=torch.int64)", zeros(new long[] { 0 }, int64));
        // torch.zeros(0, dtype=torch.float64)
        AssertPrints("tensor([], dtype=torch.float64)", zeros(new long[] { 0 }, float64));
        // torch.zeros(2, 0, dtype=torch.bool)
        AssertPrints("tensor([], size=(2, 0), dtype=torch.bool)", zeros(new long[] { 2, 0 }, @bool));
    }

    [Fact]
    public void ThreeAndFourDimensionalTensorsSeparateBlocksWithBlankLines()
    {
        // torch.arange(12.).reshape(2, 2, 3)
        AssertPrints("""
            tensor([[[ 0.,  1.,  2.],
                     [ 3.,  4.,  5.]],

                    [[ 6.,  7.,  8.],
                     [ 9., 10., 11.]]])
            """, Reshaped(arange(12, float32), 2, 2, 3));
        // torch.arange(16).reshape(2, 2, 2, 2)
        AssertPrints("""
            tensor([[[[ 0,  1],
                      [ 2,  3]],

                     [[ 4,  5],
                      [ 6,  7]]],


                    [[[ 8,  9],
                      [10, 11]],

                     [[12, 13],
                      [14, 15]]]])
            """, Reshaped(arange(16, int64), 2, 2, 2, 2));
    }

    private static Tensor Reshaped(Tensor t, params long[] shape)
    {
        using (t) return t.reshape(shape);
    }

    [Fact]
    public void LongRowsWrapAtEightyColumns()
    {
        // torch.arange(30.) / 7
        AssertPrints("""
            tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,
                    1.2857, 1.4286, 1.5714, 1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286,
                    2.5714, 2.7143, 2.8571, 3.0000, 3.1429, 3.2857, 3.4286, 3.5714, 3.7143,
                    3.8571, 4.0000, 4.1429])
            """, Divided(arange(30, float32), 7));
        // torch.arange(30)
        AssertPrints("""
            tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16, 17,
                    18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29])
            """, arange(30, int64));
        // torch.arange(24.).reshape(2, 12) / 7
        AssertPrints("""
            tensor([[0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,
                     1.2857, 1.4286, 1.5714],
                    [1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286, 2.5714, 2.7143, 2.8571,
                     3.0000, 3.1429, 3.2857]])
            """, Divided(Reshaped(arange(24, float32), 2, 12), 7));
    }

    private static Tensor Divided(Tensor t, double by)
    {
        using (t) return t / by;
    }

    [Fact]
    public void MoreThanAThousandElementsAreSummarisedWithEllipses()
    {
        // torch.arange(2000.)
        AssertPrints("""
            tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,
                    1.9990e+03])
            """, arange(2000, float32));
        // torch.arange(1001)
        AssertPrints("tensor([   0,    1,    2,  ...,  998,  999, 1000])", arange(1001, int64));
        // torch.arange(1200).reshape(2, 600)
        AssertPrints("""
            tensor([[   0,    1,    2,  ...,  597,  598,  599],
                    [ 600,  601,  602,  ..., 1197, 1198, 1199]])
            """, Reshaped(arange(1200, int64), 2, 600));
    }

    [Fact]
    public void SummarisedMatricesElideRowsToo()
    {
        // torch.arange(1200.).reshape(40, 30)
        AssertPrints("""
            tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 2.7000e+01, 2.8000e+01,
                     2.9000e+01],
                    [3.0000e+01, 3.1000e+01, 3.2000e+01,  ..., 5.7000e+01, 5.8000e+01,
                     5.9000e+01],
                    [6.0000e+01, 6.1000e+01, 6.2000e+01,  ..., 8.7000e+01, 8.8000e+01,
                     8.9000e+01],
                    ...,
                    [1.1100e+03, 1.1110e+03, 1.1120e+03,  ..., 1.1370e+03, 1.1380e+03,
                     1.1390e+03],
                    [1.1400e+03, 1.1410e+03, 1.1420e+03,  ..., 1.1670e+03, 1.1680e+03,
                     1.1690e+03],
                    [1.1700e+03, 1.1710e+03, 1.1720e+03,  ..., 1.1970e+03, 1.1980e+03,
                     1.1990e+03]])
            """, Reshaped(arange(1200, float32), 40, 30));
    }

    [Fact]
    public void SummarisedThreeDimensionalTensorsElideBlocks()
    {
        // torch.arange(2000).reshape(20, 10, 10)
        AssertPrints("""
            tensor([[[   0,    1,    2,  ...,    7,    8,    9],
                     [  10,   11,   12,  ...,   17,   18,   19],
                     [  20,   21,   22,  ...,   27,   28,   29],
                     ...,
                     [  70,   71,   72,  ...,   77,   78,   79],
                     [  80,   81,   82,  ...,   87,   88,   89],
                     [  90,   91,   92,  ...,   97,   98,   99]],

                    [[ 100,  101,  102,  ...,  107,  108,  109],
                     [ 110,  111,  112,  ...,  117,  118,  119],
                     [ 120,  121,  122,  ...,  127,  128,  129],
                     ...,
                     [ 170,  171,  172,  ...,  177,  178,  179],
                     [ 180,  181,  182,  ...,  187,  188,  189],
                     [ 190,  191,  192,  ...,  197,  198,  199]],

                    [[ 200,  201,  202,  ...,  207,  208,  209],
                     [ 210,  211,  212,  ...,  217,  218,  219],
                     [ 220,  221,  222,  ...,  227,  228,  229],
                     ...,
                     [ 270,  271,  272,  ...,  277,  278,  279],
                     [ 280,  281,  282,  ...,  287,  288,  289],
                     [ 290,  291,  292,  ...,  297,  298,  299]],

                    ...,

                    [[1700, 1701, 1702,  ..., 1707, 1708, 1709],
                     [1710, 1711, 1712,  ..., 1717, 1718, 1719],
                     [1720, 1721, 1722,  ..., 1727, 1728, 1729],
                     ...,
                     [1770, 1771, 1772,  ..., 1777, 1778, 1779],
                     [1780, 1781, 1782,  ..., 1787, 1788, 1789],
                     [1790, 1791, 1792,  ..., 1797, 1798, 1799]],

                    [[1800, 1801, 1802,  ..., 1807, 1808, 1809],
                     [1810, 1811, 1812,  ..., 1817, 1818, 1819],
                     [1820, 1821, 1822,  ..., 1827, 1828, 1829],
                     ...,
                     [1870, 1871, 1872,  ..., 1877, 1878, 1879],
                     [1880, 1881, 1882,  ..., 1887, 1888, 1889],
                     [1890, 1891, 1892,  ..., 1897, 1898, 1899]],

                    [[1900, 1901, 1902,  ..., 1907, 1908, 1909],
                     [1910, 1911, 1912,  ..., 1917, 1918, 1919],
                     [1920, 1921, 1922,  ..., 1927, 1928, 1929],
                     ...,
                     [1970, 1971, 1972,  ..., 1977, 1978, 1979],
                     [1980, 1981, 1982,  ..., 1987, 1988, 1989],
                     [1990, 1991, 1992,  ..., 1997, 1998, 1999]]])
            """, Reshaped(arange(2000, int64), 20, 10, 10));
    }

    [Fact]
    public void NanAndInfinityPrintLikePython()
    {
        // torch.tensor([nan, 1.0, inf, -inf])  (whole numbers: the non-finite values are not padded)
        AssertPrints("tensor([nan, 1., inf, -inf])", tensor(new[] { float.NaN, 1f, float.PositiveInfinity, float.NegativeInfinity }));
        // torch.tensor([nan, 1.5, inf])
        AssertPrints("tensor([   nan, 1.5000,    inf])", tensor(new[] { float.NaN, 1.5f, float.PositiveInfinity }));
        // torch.tensor([nan, -inf])
        AssertPrints("tensor([nan, -inf])", tensor(new[] { float.NaN, float.NegativeInfinity }));
        // torch.tensor([nan, 1e-5, 1.0])
        AssertPrints("tensor([       nan, 1.0000e-05, 1.0000e+00])", tensor(new[] { float.NaN, 1e-5f, 1f }));
    }

    [Fact]
    public void ComplexTensorsPrintRealAndImaginaryParts()
    {
        // torch.tensor([1.5, -2.0]).to(torch.complex64)
        AssertPrints("tensor([ 1.5000+0.j, -2.0000+0.j])", Converted(tensor(new[] { 1.5f, -2f }), complex64));
        // torch.tensor([1.5, -2.0], dtype=torch.float64).to(torch.complex128)
        AssertPrints("tensor([ 1.5000+0.j, -2.0000+0.j], dtype=torch.complex128)", Converted(tensor(new[] { 1.5, -2.0 }), complex128));
        // torch.stft(torch.tensor([1., 2., 0., -1.]), 4, hop_length=4, center=False, return_complex=True)
        AssertPrints("""
            tensor([[2.+0.j],
                    [1.-3.j],
                    [0.+0.j]])
            """, Stft(new[] { 1f, 2f, 0f, -1f }, 4));
        // torch.stft(torch.tensor([1., 2., 0., -1., 0.5, 3., -2., 1.]), 4, hop_length=2, center=False, return_complex=True)
        AssertPrints("""
            tensor([[ 2.0000+0.j,  2.5000+0.j,  2.5000+0.j],
                    [ 1.0000-3.j, -0.5000+4.j,  2.5000-2.j],
                    [ 0.0000+0.j, -1.5000+0.j, -5.5000+0.j]])
            """, Stft(new[] { 1f, 2f, 0f, -1f, 0.5f, 3f, -2f, 1f }, 2));

        static Tensor Converted(Tensor t, ScalarType dtype)
        {
            using (t) return t.to(dtype);
        }

        static Tensor Stft(float[] signal, long hop)
        {
            using var x = tensor(signal);
            return stft(x, 4, hop, center: false);
        }
    }

    [Fact]
    public void ADisposedTensorSaysSoInsteadOfThrowing()
    {
        var t = ones(2);
        t.Dispose();
        Assert.Equal("tensor(<disposed>)", t.ToString());
    }
}
