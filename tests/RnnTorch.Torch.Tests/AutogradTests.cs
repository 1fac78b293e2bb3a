using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// The autograd surface: requires_grad, leaves, backward (scalar, explicit gradient, retained graphs), detach,
/// grad-mode guards and torch.autograd.grad. Expected gradients are worked out by hand from the calculus.
/// </summary>
public sealed class AutogradTests
{
    [Fact]
    public void RequiresGradCanBeReadAndSet()
    {
        using var scope = NewDisposeScope();
        var x = zeros(3);
        Assert.False(x.requires_grad);
        x.requires_grad = true;
        Assert.True(x.requires_grad);
        Assert.Same(x, x.requires_grad_(false));
        Assert.False(x.requires_grad);
        Assert.True(tensor(new double[] { 1, 2 }, requires_grad: true).requires_grad);
        Assert.True(tensor(new float[] { 1, 2 }, float64, requires_grad: true).requires_grad);
    }

    [Fact]
    public void FactoriesHonourRequiresGrad()
    {
        using var scope = NewDisposeScope();
        var made = new[]
        {
            zeros(2, requires_grad: true), ones(2, 3, requires_grad: true), empty(2, requires_grad: true),
            randn(2, requires_grad: true), rand(2, requires_grad: true), full(2, 1.5, requires_grad: true),
            arange(0.0, 3.0, requires_grad: true), linspace(0, 1, 3, requires_grad: true), eye(2, requires_grad: true),
        };
        foreach (var t in made)
        {
            Assert.True(t.requires_grad);
            Assert.True(t.is_leaf);
        }
        Assert.False(zeros(2).requires_grad);

        // A factory-made leaf receives its gradient: d/dw sum(3w) = 3.
        var w = ones(2, requires_grad: true);
        (w * 3).sum().backward();
        TensorAssert.Close(new double[] { 3, 3 }, new long[] { 2 }, w.grad!);
    }

    [Fact]
    public void UserTensorsAreLeavesAndRecordedResultsAreNot()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        var c = tensor(new double[] { 4, 5, 6 });
        Assert.True(x.is_leaf);
        Assert.True(c.is_leaf);
        var y = x * 2;
        Assert.False(y.is_leaf);
        Assert.True(y.requires_grad);
        // A result that autograd does not record (no input requires grad) is a leaf, as in PyTorch.
        var z = c * 2;
        Assert.True(z.is_leaf);
        Assert.False(z.requires_grad);
    }

    [Fact]
    public void GradIsNullBeforeBackward()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        Assert.Null(x.grad);
        using var y = (x * x).sum();
        Assert.Null(x.grad);
    }

    [Fact]
    public void BackwardOfAScalarAccumulatesIntoGrad()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, -2, 3 }, requires_grad: true);
        var y = (x * x).sum(); // dy/dx = 2x
        y.backward(retain_graph: true);
        TensorAssert.Close(new double[] { 2, -4, 6 }, new long[] { 3 }, x.grad!);
        y.backward(); // the graph was retained, so a second pass works and accumulates: 2 × 2x
        TensorAssert.Close(new double[] { 4, -8, 12 }, new long[] { 3 }, x.grad!);
    }

    [Fact]
    public void BackwardOfANonScalarTakesAnExplicitGradient()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        var y = x * x * x; // dy_i/dx_i = 3x_i²
        var g = tensor(new double[] { 1, 0.5, -2 });
        y.backward(g);
        TensorAssert.Close(new double[] { 3 * 1, 0.5 * 12, -2 * 27 }, new long[] { 3 }, x.grad!);

        // TorchSharp's list form does the same (and accumulates).
        var y2 = x * 2;
        y2.backward(new[] { tensor(new double[] { 1, 1, 1 }) });
        TensorAssert.Close(new double[] { 3 + 2, 6 + 2, -54 + 2 }, new long[] { 3 }, x.grad!);
    }

    [Fact]
    public void BackwardOfANonScalarWithoutGradientThrows()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        var y = x * 2;
        var ex = Assert.Throws<TorchException>(() => y.backward());
        Assert.Contains("scalar", ex.Message);
        Assert.Null(x.grad);
    }

    [Fact]
    public void ASecondBackwardWithoutRetainGraphThrows()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var y = (x * x).sum(); // mul saves its inputs; the first backward frees them
        y.backward();
        TensorAssert.Close(new double[] { 2, 4 }, new long[] { 2 }, x.grad!);
        var ex = Assert.Throws<TorchException>(() => y.backward());
        Assert.Contains("second time", ex.Message);
        // The failed pass left the accumulated gradient alone.
        TensorAssert.Close(new double[] { 2, 4 }, new long[] { 2 }, x.grad!);
    }

    [Fact]
    public void DetachCutsTheGraph()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var d = x.detach();
        Assert.False(d.requires_grad);
        Assert.True(d.is_leaf);
        // y = 3·detach(x) + 2x: only the attached branch contributes, so dy/dx = 2 (not 5).
        var y = (d * 3 + x * 2).sum();
        y.backward();
        TensorAssert.Close(new double[] { 2, 2 }, new long[] { 2 }, x.grad!);
        Assert.Null(d.grad);

        // detach shares storage: the values are the same.
        TensorAssert.Close(new double[] { 1, 2 }, new long[] { 2 }, d);

        var w = tensor(new double[] { 5 }, requires_grad: true);
        var v = w * 2;
        v.detach_();
        Assert.False(v.requires_grad);
    }

    [Fact]
    public void NoGradTurnsRecordingOffUntilDisposed()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        Assert.True(is_grad_enabled());
        using (no_grad())
        {
            Assert.False(is_grad_enabled());
            var y = x * 2;
            Assert.False(y.requires_grad);
            Assert.True(y.is_leaf);
        }
        Assert.True(is_grad_enabled());
        var z = x * 2;
        Assert.True(z.requires_grad);
    }

    [Fact]
    public void EnableGradInsideNoGradRecordsAgainAndRestores()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        using (no_grad())
        {
            using (enable_grad())
            {
                Assert.True(is_grad_enabled());
                var y = x * 2;
                Assert.True(y.requires_grad);
                y.sum().backward();
            }
            Assert.False(is_grad_enabled());
            Assert.False((x * 2).requires_grad);
            using (set_grad_enabled(true)) Assert.True(is_grad_enabled());
            Assert.False(is_grad_enabled());
        }
        Assert.True(is_grad_enabled());
        TensorAssert.Close(new double[] { 2, 2 }, new long[] { 2 }, x.grad!);
    }

    [Fact]
    public void GradModeIsPerThread()
    {
        using (no_grad())
        {
            Assert.False(is_grad_enabled());
            bool other = false;
            var thread = new Thread(() => other = is_grad_enabled());
            thread.Start();
            thread.Join();
            Assert.True(other); // a new thread starts with recording on, whatever this one does
        }
    }

    [Fact]
    public void AutogradGradWeightsByGradOutputsAndLeavesGradAlone()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        var y = x * x; // vector-Jacobian product with v: 2x·v
        var v = tensor(new double[] { 1, -1, 0.5 });
        var g = autograd.grad(new[] { y }, new[] { x }, new Tensor?[] { v });
        Assert.Single(g);
        TensorAssert.Close(new double[] { 2, -4, 3 }, new long[] { 3 }, g[0]!);
        Assert.Null(x.grad);
    }

    [Fact]
    public void AutogradGradOfAnUnusedInputIsNullOnlyWithAllowUnused()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var unused = tensor(new double[] { 3, 4 }, requires_grad: true);
        var y = (x * x).sum();
        var g = autograd.grad(new[] { y }, new[] { x, unused }, retain_graph: true, allow_unused: true);
        Assert.Equal(2, g.Count);
        TensorAssert.Close(new double[] { 2, 4 }, new long[] { 2 }, g[0]!);
        Assert.Null(g[1]);

        var ex = Assert.Throws<TorchException>(() => autograd.grad(new[] { y }, new[] { x, unused }));
        Assert.Contains("allow_unused", ex.Message);
    }

    [Fact]
    public void CreateGraphGivesASecondDerivative()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, -2, 0.5 }, requires_grad: true);
        var y = x.pow(3).sum();
        var first = autograd.grad(new[] { y }, new[] { x }, create_graph: true)[0]!; // 3x²
        TensorAssert.Close(new double[] { 3, 12, 0.75 }, new long[] { 3 }, first);
        Assert.True(first.requires_grad);
        var second = autograd.grad(new[] { first.sum() }, new[] { x })[0]!; // 6x
        TensorAssert.Close(new double[] { 6, -12, 3 }, new long[] { 3 }, second);
    }

    [Fact]
    public void RetainGradKeepsTheGradientOfAnIntermediate()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var h = (x * 3).retain_grad();
        var y = (h * h).sum(); // dy/dh = 2h = 6x
        y.backward();
        TensorAssert.Close(new double[] { 6, 12 }, new long[] { 2 }, h.grad!);
        TensorAssert.Close(new double[] { 18, 36 }, new long[] { 2 }, x.grad!);
    }

    [Fact]
    public void SettingGradToNullClearsIt()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        (x * x).sum().backward();
        Assert.NotNull(x.grad);
        x.grad = null;
        Assert.Null(x.grad);
        // The next backward starts from zero rather than accumulating onto the old gradient.
        (x * 5).sum().backward();
        TensorAssert.Close(new double[] { 5, 5 }, new long[] { 2 }, x.grad!);

        x.grad = tensor(new double[] { 7, 8 });
        TensorAssert.Close(new double[] { 7, 8 }, new long[] { 2 }, x.grad!);
    }

    [Fact]
    public void OnlyFloatingTensorsCanRequireGrad()
    {
        using var scope = NewDisposeScope();
        var i = tensor(new long[] { 1, 2 });
        var ex = Assert.Throws<TorchException>(() => i.requires_grad = true);
        Assert.Contains("floating point", ex.Message);
        Assert.False(i.requires_grad);
    }
}
