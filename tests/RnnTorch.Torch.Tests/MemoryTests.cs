using System.Runtime.CompilerServices;
using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary>
/// <see cref="torch.live_tensor_count"/> is process-wide, so these tests must not share the process with tests that
/// create tensors concurrently: xunit runs a collection with parallelization disabled on its own, after the
/// parallel ones.
/// </summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryTestsCollection
{
}

/// <summary>
/// Dispose scopes free native tensors deterministically; forgotten tensors are finalized; and a long run of
/// operations inside scopes neither leaks tensors nor grows the process's resident memory.
/// </summary>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests
{
    /// <summary>Finalizes whatever earlier tests left unreachable, so the live count is a stable baseline.</summary>
    private static long SettledLiveCount()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return live_tensor_count;
    }

    [Fact]
    public void ScopeDisposesTemporaries()
    {
        long start = SettledLiveCount();
        Tensor a, b, c;
        using (var scope = NewDisposeScope())
        {
            a = ones(4, 4);
            b = a * 2;
            c = (b + a).tanh(); // the sum is a fourth, unnamed temporary
            Assert.Equal(4, scope.DisposablesCount);
            Assert.Equal(start + 4, live_tensor_count);
            Assert.False(c.IsInvalid);
        }
        Assert.True(a.IsInvalid);
        Assert.True(b.IsInvalid);
        Assert.True(c.IsInvalid);
        Assert.Equal(start, live_tensor_count);
        Assert.Throws<ObjectDisposedException>(() => c.shape);
    }

    [Fact]
    public void TensorsOutsideAnyScopeAreNotDisposedByALaterScope()
    {
        long start = SettledLiveCount();
        using var outside = ones(3);
        using (var scope = NewDisposeScope())
        {
            var inside = outside + 1;
            Assert.Equal(1, scope.DisposablesCount);
        }
        Assert.False(outside.IsInvalid);
        Assert.Equal(start + 1, live_tensor_count);
    }

    [Fact]
    public void MoveToOuterKeepsATensorAliveAndRegistersItInTheOuterScope()
    {
        long start = SettledLiveCount();
        Tensor kept, dropped, kept2;
        using (var outer = NewDisposeScope())
        {
            using (var inner = NewDisposeScope())
            {
                kept = ones(2) * 3;
                dropped = ones(2);
                kept2 = zeros(2).MoveToOuterDisposeScope();
                Assert.Same(kept, inner.MoveToOuter(kept));
                Assert.Equal(2, inner.DisposablesCount); // the product's left operand ones(2), and dropped
                Assert.Equal(2, outer.DisposablesCount);
            }
            Assert.False(kept.IsInvalid);
            Assert.False(kept2.IsInvalid);
            Assert.True(dropped.IsInvalid);
            Assert.Equal(new float[] { 3, 3 }, kept.data<float>().ToArray());
            Assert.Equal(start + 2, live_tensor_count);
        }
        // The outer scope owned them and disposed them.
        Assert.True(kept.IsInvalid);
        Assert.True(kept2.IsInvalid);
        Assert.Equal(start, live_tensor_count);
    }

    [Fact]
    public void MoveToOuterFromTheOutermostScopeHandsOwnershipToTheCaller()
    {
        long start = SettledLiveCount();
        Tensor t;
        using (var scope = NewDisposeScope())
        {
            t = scope.MoveToOuter(ones(2));
            Assert.Equal(0, scope.DisposablesCount);
        }
        Assert.False(t.IsInvalid);
        t.Dispose();
        Assert.Equal(start, live_tensor_count);
    }

    [Fact]
    public void DetachFromDisposeScopeLeavesTheTensorToTheCaller()
    {
        long start = SettledLiveCount();
        Tensor a, b, c;
        using (var scope = NewDisposeScope())
        {
            a = ones(2).DetachFromDisposeScope();
            b = ones(2);
            c = ones(2);
            scope.Detach(b);
            Assert.Equal(1, scope.DisposablesCount);
        }
        Assert.False(a.IsInvalid);
        Assert.False(b.IsInvalid);
        Assert.True(c.IsInvalid);
        Assert.Equal(start + 2, live_tensor_count);
        a.Dispose();
        b.Dispose();
        Assert.Equal(start, live_tensor_count);
    }

    [Fact]
    public void DisposeEverythingButKeepsTheNamedTensorsInTheScope()
    {
        long start = SettledLiveCount();
        Tensor keep, x, y;
        using (var scope = NewDisposeScope())
        {
            keep = ones(2);
            x = keep + 1;
            y = x * 2;
            scope.DisposeEverythingBut(keep);
            Assert.True(x.IsInvalid);
            Assert.True(y.IsInvalid);
            Assert.False(keep.IsInvalid);
            Assert.Equal(1, scope.DisposablesCount);
            Assert.Equal(start + 1, live_tensor_count);

            // The scope stays open: new tensors still join it.
            var z = keep * 5;
            Assert.Equal(2, scope.DisposablesCount);
            scope.DisposeEverything();
            Assert.True(keep.IsInvalid);
            Assert.True(z.IsInvalid);
            Assert.Equal(0, scope.DisposablesCount);
            var w = zeros(1);
            Assert.Equal(1, scope.DisposablesCount);
        }
        Assert.Equal(start, live_tensor_count);
    }

    [Fact]
    public void NestedScopesEachDisposeTheirOwn()
    {
        long start = SettledLiveCount();
        Tensor o1, i1, o2;
        using (var outer = NewDisposeScope())
        {
            o1 = ones(2);
            using (var inner = NewDisposeScope())
            {
                i1 = o1 * 2; // created while inner is innermost: inner owns it
                Assert.Equal(1, inner.DisposablesCount);
                Assert.Equal(1, outer.DisposablesCount);
            }
            Assert.True(i1.IsInvalid);
            Assert.False(o1.IsInvalid);
            o2 = o1 + 1; // the outer scope is innermost again
            Assert.Equal(2, outer.DisposablesCount);
        }
        Assert.True(o1.IsInvalid);
        Assert.True(o2.IsInvalid);
        Assert.Equal(start, live_tensor_count);
    }

    [Fact]
    public void DoubleDisposeIsSafe()
    {
        long start = SettledLiveCount();
        var scope = NewDisposeScope();
        var a = ones(2);
        var b = ones(2);
        b.Dispose(); // disposed by hand inside the scope: the scope forgets it
        Assert.Equal(1, scope.DisposablesCount);
        scope.Dispose();
        scope.Dispose();
        a.Dispose();
        b.Dispose();
        Assert.True(a.IsInvalid);
        Assert.Equal(start, live_tensor_count);

        // A closed scope no longer collects: a new tensor belongs to nobody.
        var c = ones(2);
        Assert.Equal(0, scope.DisposablesCount);
        Assert.Equal(start + 1, live_tensor_count);
        c.Dispose();
        Assert.Equal(start, live_tensor_count);
    }

    [Fact]
    public void ScopesAreThreadLocal()
    {
        long start = SettledLiveCount();
        Tensor fromOtherThread;
        using (var scope = NewDisposeScope())
        {
            Tensor? made = null;
            var thread = new Thread(() => made = ones(2));
            thread.Start();
            thread.Join();
            fromOtherThread = made!;
            Assert.Equal(0, scope.DisposablesCount);
        }
        Assert.False(fromOtherThread.IsInvalid);
        fromOtherThread.Dispose();
        Assert.Equal(start, live_tensor_count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeakTensors(int count)
    {
        for (int i = 0; i < count; i++) _ = ones(8, 8);
    }

    [Fact]
    public void ForgottenTensorsAreFinalized()
    {
        long start = SettledLiveCount();
        LeakTensors(1000);
        Assert.Equal(start + 1000, live_tensor_count);
        Assert.Equal(start, SettledLiveCount());
    }

    /// <summary>The process's resident set size from /proc/self/status (VmRSS, in kB), or the working set elsewhere.</summary>
    private static long ResidentBytes()
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
            }
        }
        return Environment.WorkingSet;
    }

    /// <summary>One scope of 100 operations (25 × matmul, add, tanh, mul) on 16×16 tensors.</summary>
    private static float HundredOps(Tensor x, Tensor w, Tensor b)
    {
        using var scope = NewDisposeScope();
        var y = x;
        for (int i = 0; i < 25; i++) y = (y.matmul(w) + b).tanh() * 0.5;
        Assert.Equal(100, scope.DisposablesCount);
        return y[0, 0].item<float>();
    }

    [Fact]
    public void HundredThousandOpsInScopesLeakNeitherTensorsNorMemory()
    {
        manual_seed(5);
        using var x = randn(16, 16);
        using var w = randn(16, 16).mul_(0.25);
        using var b = randn(16);

        // Warm-up: libtorch's and the allocator's one-time costs, the JIT, the thread pools.
        for (int i = 0; i < 50; i++) HundredOps(x, w, b);
        long start = SettledLiveCount();
        long rssBefore = ResidentBytes();

        float first = float.NaN, last = float.NaN;
        for (int s = 0; s < 1000; s++)
        {
            float v = HundredOps(x, w, b);
            if (s == 0) first = v;
            last = v;
        }
        Assert.Equal(start, live_tensor_count); // every temporary freed by its scope, without the GC's help

        SettledLiveCount(); // let the GC reclaim the 100,000 managed wrappers before reading the RSS
        long growth = ResidentBytes() - rssBefore;
        Assert.True(growth < 50L * 1024 * 1024, $"RSS grew by {growth / (1024.0 * 1024):F1} MB over 100,000 ops");
        Assert.Equal(first, last); // the same computation each time (and it really ran)
        Assert.False(float.IsNaN(first));
    }
}
