using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// Failures surface as the documented .NET exceptions with a message that names the problem (libtorch's own
/// wording for libtorch errors, as PyTorch 1.13 prints it), and the process carries on: each test runs a normal
/// operation after the failure and checks its result.
/// </summary>
public sealed class ErrorTests
{
    /// <summary>A normal operation with a known result, run after a failure to prove nothing is left broken.</summary>
    private static void StillWorks()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        using var b = tensor(new float[] { 5, 6, 7, 8 }, new long[] { 2, 2 });
        using var c = a.matmul(b);
        // [[1·5+2·7, 1·6+2·8], [3·5+4·7, 3·6+4·8]]
        Assert.Equal(new float[] { 19, 22, 43, 50 }, c.data<float>().ToArray());
    }

    [Fact]
    public void MatmulShapeMismatchNamesBothShapes()
    {
        using var scope = NewDisposeScope();
        var a = zeros(2, 3);
        var b = zeros(4, 5);
        var ex = Assert.Throws<TorchException>(() => matmul(a, b));
        Assert.Contains("2x3", ex.Message);
        Assert.Contains("4x5", ex.Message);
        Assert.Contains("cannot be multiplied", ex.Message);
        // No backtrace from libtorch's C++ side, just the message.
        Assert.DoesNotContain("Exception raised from", ex.Message);
        var ex2 = Assert.Throws<TorchException>(() => a.mm(b));
        Assert.Contains("2x3", ex2.Message);
        StillWorks();
    }

    [Fact]
    public void DataOfTheWrongElementTypeNamesBothTypes()
    {
        using var scope = NewDisposeScope();
        var ints = tensor(new long[] { 1, 2 });
        var ex = Assert.Throws<ArgumentException>(() => ints.data<float>());
        Assert.Contains("Single", ex.Message);
        Assert.Contains("Int64", ex.Message);
        Assert.Equal(new long[] { 1, 2 }, ints.data<long>().ToArray());
        StillWorks();
    }

    [Fact]
    public void MmOfFloatAndLongIsATorchException()
    {
        using var scope = NewDisposeScope();
        var f = ones(2, 2);
        var l = ones(new long[] { 2, 2 }, int64);
        var ex = Assert.Throws<TorchException>(() => f.mm(l));
        Assert.Contains("Float", ex.Message);
        Assert.Contains("Long", ex.Message);
        StillWorks();
    }

    [Fact]
    public void IndexOutOfRange()
    {
        using var scope = NewDisposeScope();
        var t = zeros(2, 3);
        var select = Assert.Throws<TorchException>(() => t.select(0, 10));
        Assert.Contains("index 10 out of range", select.Message);
        var indexer = Assert.Throws<TorchException>(() => t[10]);
        Assert.Contains("index 10 is out of bounds", indexer.Message);
        var nested = Assert.Throws<TorchException>(() => t[1, 7]);
        Assert.Contains("index 7 is out of bounds", nested.Message);
        var indexSelect = Assert.Throws<TorchException>(() => t.index_select(0, tensor(new long[] { 10 })));
        Assert.Contains("index out of range", indexSelect.Message);
        var narrow = Assert.Throws<TorchException>(() => t.narrow(1, 2, 5));
        Assert.Contains("exceeds dimension size", narrow.Message);
        // In range still works on the same tensor.
        Assert.Equal(new long[] { 3 }, t[1].shape);
        StillWorks();
    }

    [Fact]
    public void ADisposedTensorThrowsObjectDisposedException()
    {
        var t = ones(2, 2);
        using var other = ones(2, 2);
        t.Dispose();
        Assert.True(t.IsInvalid);
        Assert.Throws<ObjectDisposedException>(() => t.shape);
        Assert.Throws<ObjectDisposedException>(() => t.dtype);
        Assert.Throws<ObjectDisposedException>(() => t + other);
        Assert.Throws<ObjectDisposedException>(() => other + t);
        Assert.Throws<ObjectDisposedException>(() => t.data<float>());
        Assert.Throws<ObjectDisposedException>(() => t.sum());
        Assert.Throws<ObjectDisposedException>(() => matmul(other, t));
        Assert.Throws<ObjectDisposedException>(() => cat(new[] { other, t }));
        var ex = Assert.Throws<ObjectDisposedException>(() => t.requires_grad);
        Assert.Contains("disposed", ex.Message);
        // ToString stays usable (debuggers and loggers call it) and says what happened.
        Assert.Equal("tensor(<disposed>)", t.ToString());
        // A second Dispose is harmless.
        t.Dispose();
        StillWorks();
    }

    [Fact]
    public void NullArgumentsThrowArgumentNullExceptionWithTheParameterName()
    {
        using var scope = NewDisposeScope();
        var x = ones(2, 2);
        Tensor nothing = null!;
        var catNull = Assert.Throws<ArgumentNullException>(() => cat(null!));
        Assert.Equal("tensors", catNull.ParamName);
        var catElement = Assert.Throws<ArgumentNullException>(() => stack(new[] { x, nothing }));
        Assert.Equal("tensors", catElement.ParamName);
        Assert.Contains("tensors[1]", catElement.Message);
        var matmulNull = Assert.Throws<ArgumentNullException>(() => matmul(nothing, x));
        Assert.Equal("input", matmulNull.ParamName);
        var matmulOther = Assert.Throws<ArgumentNullException>(() => matmul(x, nothing));
        Assert.Equal("other", matmulOther.ParamName);
        var plusLeft = Assert.Throws<ArgumentNullException>(() => nothing + x);
        Assert.Equal("left", plusLeft.ParamName);
        var plusRight = Assert.Throws<ArgumentNullException>(() => x + nothing);
        Assert.False(string.IsNullOrEmpty(plusRight.ParamName));
        var data = Assert.Throws<ArgumentNullException>(() => tensor((float[])null!));
        Assert.Equal("data", data.ParamName);
        var zerosNull = Assert.Throws<ArgumentNullException>(() => zeros((long[])null!));
        Assert.Equal("size", zerosNull.ParamName);
        StillWorks();
    }

    [Fact]
    public void NegativeSizesAreAnArgumentExceptionNamingTheSize()
    {
        var ex = Assert.Throws<ArgumentException>(() => zeros(new long[] { 2, -3 }));
        Assert.Equal("size", ex.ParamName);
        Assert.Contains("-3", ex.Message);
        Assert.Contains("size[1]", ex.Message);
        var ex1 = Assert.Throws<ArgumentException>(() => randn(-1));
        Assert.Contains("-1", ex1.Message);
        StillWorks();
    }

    [Fact]
    public void TensorDataAndShapeLengthMismatch()
    {
        var ex = Assert.Throws<ArgumentException>(() => tensor(new float[] { 1, 2, 3, 4, 5 }, new long[] { 2, 3 }));
        Assert.Equal("dimensions", ex.ParamName);
        Assert.Contains("6", ex.Message); // the shape holds 6 elements
        Assert.Contains("5", ex.Message); // the data has 5
        StillWorks();
    }

    [Fact]
    public void ViewWithAnIncompatibleShape()
    {
        using var scope = NewDisposeScope();
        var t = zeros(2, 3);
        var ex = Assert.Throws<TorchException>(() => t.view(4, 2));
        Assert.Contains("[4, 2]", ex.Message);
        Assert.Contains("input of size 6", ex.Message);
        // A transposed (non-contiguous) tensor cannot be viewed flat; libtorch points to reshape.
        var ex2 = Assert.Throws<TorchException>(() => t.t().view(6));
        Assert.Contains("reshape", ex2.Message);
        Assert.Equal(new long[] { 6 }, t.t().reshape(6).shape);
        StillWorks();
    }

    [Fact]
    public void ManyErrorsInARowThenSuccess()
    {
        using var scope = NewDisposeScope();
        var a = zeros(2, 3);
        for (int i = 0; i < 40; i++)
        {
            // Alternate two different failures: each message must be this call's, never a stale one.
            if (i % 2 == 0)
            {
                var ex = Assert.Throws<TorchException>(() => a.select(1, 100 + i));
                Assert.Contains($"index {100 + i} out of range", ex.Message);
            }
            else
            {
                var ex = Assert.Throws<TorchException>(() => a.view(i + 1000));
                Assert.Contains($"[{i + 1000}]", ex.Message);
            }
        }
        StillWorks();
        // After a success, the next failure still reports its own message.
        var last = Assert.Throws<TorchException>(() => matmul(zeros(2, 3), zeros(4, 5)));
        Assert.Contains("2x3", last.Message);
        StillWorks();
    }

    [Fact]
    public async Task ErrorsOnOtherThreadsAreReportedOnThoseThreads()
    {
        // Each worker fails with an index of its own many times; every message must carry that worker's index,
        // whatever the interleaving (the error slot is per thread).
        var workers = Enumerable.Range(0, 3).Select(k => Task.Run(() =>
        {
            using var a = zeros(2, 3);
            for (int i = 0; i < 15; i++)
            {
                long bad = 10 + 1000 * k + i;
                var ex = Assert.Throws<TorchException>(() => a.select(0, bad));
                Assert.Contains($"index {bad} out of range", ex.Message);
            }
            StillWorks();
        })).ToArray();
        await Task.WhenAll(workers);

        // A failure on another thread leaves nothing pending on this one.
        var failed = await Task.Run(() => Record.Exception(() => matmul(zeros(2, 3), zeros(4, 5))));
        Assert.IsType<TorchException>(failed);
        StillWorks();
    }

    [Fact]
    public void ItemOfAMultiElementTensor()
    {
        using var scope = NewDisposeScope();
        var t = zeros(2, 3);
        var ex = Assert.Throws<ArgumentException>(() => t.item<float>());
        Assert.Contains("6", ex.Message);
        Assert.Contains("exactly one element", ex.Message);
        Assert.Equal(0f, t[1, 2].item<float>());
        StillWorks();
    }

    [Fact]
    public void BackwardThroughAFreedGraphIsATorchException()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var y = (x * x).sum();
        y.backward();
        var ex = Assert.Throws<TorchException>(() => y.backward());
        Assert.Contains("retain_graph", ex.Message);
        StillWorks();
    }
}
