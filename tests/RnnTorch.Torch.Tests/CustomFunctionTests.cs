using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>torch.autograd.Function: a backward written in C# plugged into libtorch's autograd.</summary>
public sealed class CustomFunctionTests
{
    /// <summary>y = x³ with a hand-written backward 3x²·g, composed with autograd ops before and after.</summary>
    private static Tensor Cube(Tensor x, Action? onRelease = null)
    {
        var saved = x.detach().DetachFromDisposeScope();
        return autograd.Function.apply(new[] { x },
            () => new[] { saved.pow(3) },
            g => new Tensor?[] { g[0] * saved.square() * 3 },
            () => { saved.Dispose(); onRelease?.Invoke(); })[0];
    }

    [Fact]
    public void HandWrittenBackwardAgreesWithFiniteDifferences()
    {
        manual_seed(5);
        GradCheck.Check(x => (Cube(x[0].sin()) * x[1]).tanh(), new[] { randn(3, 4), randn(3, 4) });
    }

    [Fact]
    public void BackwardMatchesTheBuiltInOperationAndReleasesItsState()
    {
        using var scope = NewDisposeScope();
        int released = 0;
        var x = randn(new long[] { 5 }, ScalarType.Float64, requires_grad: true);
        var y = Cube(x, () => Interlocked.Increment(ref released));
        Assert.Equal(x.pow(3).data<double>().ToArray(), y.data<double>().ToArray());
        y.sum().backward();
        Assert.Equal(1, released); // freed right after a backward pass that does not retain the graph
        var expected = (x.detach().square() * 3).data<double>().ToArray();
        Assert.Equal(expected, x.grad!.data<double>().ToArray());
        var again = Assert.Throws<TorchException>(() => y.sum().backward());
        Assert.Contains("second time", again.Message);
    }

    [Fact]
    public void RetainedGraphKeepsTheStateUntilTheNodeIsFreed()
    {
        int released = 0;
        var x = randn(new long[] { 5 }, ScalarType.Float64, requires_grad: true);
        using (var scope = NewDisposeScope())
        {
            var y = Cube(x, () => Interlocked.Increment(ref released));
            y.sum().backward(retain_graph: true);
            y.sum().backward();
            Assert.Equal(1, released);
        }
        using (var scope = NewDisposeScope())
        {
            var y = Cube(x, () => Interlocked.Increment(ref released));
            y.sum().backward(retain_graph: true);
            Assert.Equal(1, released);
        }
        Assert.Equal(2, released); // the scope freed y and the sum, and with them the node
        using var g = x.grad!;
        TensorAssert.Close((x.detach().square() * 9).data<double>().ToArray(), g, 1e-12, 1e-12);
        x.Dispose();
    }

    [Fact]
    public void WithoutGradientsNoNodeIsMadeAndStateIsReleasedAtOnce()
    {
        using var scope = NewDisposeScope();
        int released = 0;
        var x = randn(4);
        var y = Cube(x, () => released++);
        Assert.Equal(1, released);
        Assert.False(y.requires_grad);
    }

    [Fact]
    public void AnExceptionInBackwardBecomesATorchExceptionAndTheProcessGoesOn()
    {
        using var scope = NewDisposeScope();
        var x = randn(new long[] { 3 }, requires_grad: true);
        var y = autograd.Function.apply(new[] { x }, () => new[] { x.detach() * 2 }, _ => throw new InvalidOperationException("deliberate failure"))[0];
        var e = Assert.Throws<TorchException>(() => y.sum().backward());
        Assert.Contains("deliberate failure", e.Message);
        var z = (x * 2).sum();
        z.backward();
        Assert.Equal(new float[] { 2, 2, 2 }, x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void WrongGradientCountIsReported()
    {
        using var scope = NewDisposeScope();
        var x = randn(new long[] { 3 }, requires_grad: true);
        var y = autograd.Function.apply(new[] { x }, () => new[] { x.detach() * 2 }, g => new Tensor?[] { g[0], g[0] })[0];
        var e = Assert.Throws<TorchException>(() => y.sum().backward());
        Assert.Contains("2 gradients for 1 inputs", e.Message);
    }
}
