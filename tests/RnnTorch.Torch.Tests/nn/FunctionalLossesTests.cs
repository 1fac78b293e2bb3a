using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Tests;

/// <summary>
/// torch.nn.functional's losses against float64 loops of the formulas in PyTorch's documentation, for every reduction,
/// with class weights, ignore_index, label smoothing, probability targets, Huber's delta and BCE's pos_weight; their
/// gradients against finite differences; their argument checks.
/// </summary>
public sealed class FunctionalLossesTests
{
    private static double[] Values(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    private static double[] Reduce(double[] perElement, Reduction reduction, double? denominator = null) => reduction switch
    {
        Reduction.None => perElement,
        Reduction.Sum => new[] { perElement.Sum() },
        _ => new[] { perElement.Sum() / (denominator ?? perElement.Length) },
    };

    private static long[] ShapeOf(Reduction reduction, params long[] none) => reduction == Reduction.None ? none : Array.Empty<long>();

    /// <summary>Row-wise log-softmax of an (n, c) matrix.</summary>
    private static double[] LogSoftmax(double[] x, int n, int c)
    {
        var r = new double[x.Length];
        for (int i = 0; i < n; i++)
        {
            double m = double.NegativeInfinity;
            for (int j = 0; j < c; j++) m = Math.Max(m, x[i * c + j]);
            double s = 0;
            for (int j = 0; j < c; j++) s += Math.Exp(x[i * c + j] - m);
            for (int j = 0; j < c; j++) r[i * c + j] = x[i * c + j] - m - Math.Log(s);
        }
        return r;
    }

    public static TheoryData<Reduction> Reductions() => new() { Reduction.None, Reduction.Mean, Reduction.Sum };

    private const int N = 5, C = 4;
    private static readonly long[] Targets = { 0, 3, 1, 3, 2 };

    /// <summary>
    /// Class-index cross entropy: l_n = (1 − ε)·w[t_n]·(−log p[n, t_n]) + (ε/C)·Σ_c w[c]·(−log p[n, c]) for counted n
    /// (t_n ≠ ignore_index), 0 otherwise; the mean divides by Σ_counted w[t_n].
    /// </summary>
    private static double[] CrossEntropyReference(double[] x, long[] t, double[]? w, long ignore, double eps, Reduction reduction)
    {
        var lp = LogSoftmax(x, N, C);
        var l = new double[N];
        double denominator = 0;
        for (int n = 0; n < N; n++)
        {
            if (t[n] == ignore) continue;
            double wt = w?[t[n]] ?? 1.0;
            double smooth = 0;
            for (int c = 0; c < C; c++) smooth += (w?[c] ?? 1.0) * -lp[n * C + c];
            l[n] = (1 - eps) * wt * -lp[n * C + t[n]] + eps / C * smooth;
            denominator += wt;
        }
        return Reduce(l, reduction, denominator);
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void CrossEntropyWithClassIndices(Reduction reduction)
    {
        using var scope = NewDisposeScope();
        var x = randn(new long[] { N, C }, float64) * 2.0;
        var t = tensor(Targets, new long[] { N });
        var w = tensor(new[] { 0.5, 2.0, 1.5, 0.25 }, float64);
        var xv = Values(x);
        var wv = Values(w);
        var shape = ShapeOf(reduction, N);
        TensorAssert.Close(CrossEntropyReference(xv, Targets, null, -100, 0, reduction), shape,
            functional.cross_entropy(x, t, reduction: reduction), 1e-10, 1e-12);
        TensorAssert.Close(CrossEntropyReference(xv, Targets, wv, -100, 0, reduction), shape,
            functional.cross_entropy(x, t, w, reduction: reduction), 1e-10, 1e-12);
        TensorAssert.Close(CrossEntropyReference(xv, Targets, wv, 3, 0, reduction), shape,
            functional.cross_entropy(x, t, w, ignore_index: 3, reduction: reduction), 1e-10, 1e-12);
        TensorAssert.Close(CrossEntropyReference(xv, Targets, null, -100, 0.2, reduction), shape,
            functional.cross_entropy(x, t, reduction: reduction, label_smoothing: 0.2), 1e-10, 1e-12);
        TensorAssert.Close(CrossEntropyReference(xv, Targets, wv, 1, 0.3, reduction), shape,
            functional.cross_entropy(x, t, w, ignore_index: 1, reduction: reduction, label_smoothing: 0.3), 1e-10, 1e-12);
        TensorAssert.Close(CrossEntropyReference(xv, Targets, null, 3, 0.3, reduction), shape,
            functional.cross_entropy(x, t, ignore_index: 3, reduction: reduction, label_smoothing: 0.3), 1e-10, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void CrossEntropyWithProbabilities(Reduction reduction)
    {
        using var scope = NewDisposeScope();
        var x = randn(new long[] { N, C }, float64);
        var p = rand(new long[] { N, C }, float64);
        p = p / p.sum(1, keepdim: true);
        var w = tensor(new[] { 0.5, 2.0, 1.5, 0.25 }, float64);
        var lp = LogSoftmax(Values(x), N, C);
        var pv = Values(p);
        var wv = Values(w);
        foreach (double eps in new[] { 0.0, 0.1 })
        {
            // l_n = −Σ_c w_c·q[n, c]·log p[n, c] with q = (1 − ε)·target + ε/C; the mean divides by N.
            var l = new double[N];
            for (int n = 0; n < N; n++)
            for (int c = 0; c < C; c++)
                l[n] -= wv[c] * ((1 - eps) * pv[n * C + c] + eps / C) * lp[n * C + c];
            TensorAssert.Close(Reduce(l, reduction), ShapeOf(reduction, N),
                functional.cross_entropy(x, p, w, reduction: reduction, label_smoothing: eps), 1e-10, 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void NllLossPicksWeightedTargetEntries(Reduction reduction)
    {
        using var scope = NewDisposeScope();
        // (N, C, d) input with (N, d) targets: l[n, k] = −w[t]·x[n, t, k].
        var x = randn(new long[] { 2, 3, 2 }, float64);
        var t = tensor(new long[] { 2, 0, 1, 2 }, new long[] { 2, 2 });
        var w = tensor(new[] { 1.0, 3.0, 0.5 }, float64);
        var xv = Values(x);
        var tv = new long[] { 2, 0, 1, 2 };
        var wv = new[] { 1.0, 3.0, 0.5 };
        foreach (long ignore in new long[] { -100, 2 })
        {
            var l = new double[4];
            double denominator = 0;
            for (int n = 0; n < 2; n++)
            for (int k = 0; k < 2; k++)
            {
                long c = tv[n * 2 + k];
                if (c == ignore) continue;
                l[n * 2 + k] = -wv[c] * xv[n * 6 + c * 2 + k];
                denominator += wv[c];
            }
            TensorAssert.Close(Reduce(l, reduction, denominator), ShapeOf(reduction, 2, 2),
                functional.nll_loss(x, t, w, reduction, ignore), 1e-12, 1e-12);
        }
        // Unweighted, (N, C): the mean is over the samples.
        var x2 = randn(new long[] { N, C }, float64);
        var x2v = Values(x2);
        var l2 = Enumerable.Range(0, N).Select(n => -x2v[n * C + Targets[n]]).ToArray();
        TensorAssert.Close(Reduce(l2, reduction), ShapeOf(reduction, N),
            functional.nll_loss(x2, tensor(Targets, new long[] { N }), reduction: reduction), 1e-12, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void MseAndL1Losses(Reduction reduction)
    {
        using var scope = NewDisposeScope();
        var a = randn(3, 4, float64);
        var b = randn(3, 4, float64);
        var av = Values(a);
        var bv = Values(b);
        var sq = av.Zip(bv, (p, q) => (p - q) * (p - q)).ToArray();
        var abs = av.Zip(bv, (p, q) => Math.Abs(p - q)).ToArray();
        TensorAssert.Close(Reduce(sq, reduction), ShapeOf(reduction, 3, 4), functional.mse_loss(a, b, reduction), 1e-12, 1e-12);
        TensorAssert.Close(Reduce(abs, reduction), ShapeOf(reduction, 3, 4), functional.l1_loss(a, b, reduction), 1e-12, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void HuberLossSwitchesAtDelta(Reduction reduction)
    {
        using var scope = NewDisposeScope();
        // Differences on both sides of each delta.
        var diffs = new[] { -3.0, -1.2, -0.7, -0.3, 0.0, 0.2, 0.45, 0.8, 1.5, 4.0 };
        var target = randn(10, float64);
        var input = target + tensor(diffs, float64);
        foreach (double delta in new[] { 1.0, 0.5, 2.5 })
        {
            var l = diffs.Select(d => Math.Abs(d) < delta ? 0.5 * d * d : delta * (Math.Abs(d) - 0.5 * delta)).ToArray();
            var got = delta == 1.0 ? functional.huber_loss(input, target, reduction: reduction) : functional.huber_loss(input, target, delta, reduction);
            TensorAssert.Close(Reduce(l, reduction), ShapeOf(reduction, 10), got, 1e-10, 1e-12);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => functional.huber_loss(input, target, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => functional.huber_loss(input, target, -1.0));
    }

    /// <summary>log σ(x) = −log(1 + e^−x), computed without overflow.</summary>
    private static double LogSigmoid(double x) => x >= 0 ? -Math.Log(1 + Math.Exp(-x)) : x - Math.Log(1 + Math.Exp(x));

    [Theory]
    [MemberData(nameof(Reductions))]
    public void BinaryCrossEntropyWithLogits(Reduction reduction)
    {
        using var scope = NewDisposeScope();
        var x = randn(new long[] { 4, 3 }, float64) * 4.0;
        var y = rand(new long[] { 4, 3 }, float64);
        var w = tensor(new[] { 0.5, 1.0, 2.0 }, float64);       // broadcast over rows
        var pw = tensor(new[] { 3.0, 0.25, 1.0 }, float64);     // per class (last dimension)
        var xv = Values(x);
        var yv = Values(y);
        double[] Expected(double[]? wv, double[]? pwv)
        {
            // l = −w·[p·y·log σ(x) + (1 − y)·log(1 − σ(x))], with log(1 − σ(x)) = log σ(−x).
            var l = new double[12];
            for (int i = 0; i < 12; i++)
            {
                int c = i % 3;
                l[i] = -(wv?[c] ?? 1.0) * ((pwv?[c] ?? 1.0) * yv[i] * LogSigmoid(xv[i]) + (1 - yv[i]) * LogSigmoid(-xv[i]));
            }
            return Reduce(l, reduction);
        }
        var shape = ShapeOf(reduction, 4, 3);
        TensorAssert.Close(Expected(null, null), shape, functional.binary_cross_entropy_with_logits(x, y, reduction: reduction), 1e-10, 1e-12);
        TensorAssert.Close(Expected(Values(w), null), shape, functional.binary_cross_entropy_with_logits(x, y, w, reduction), 1e-10, 1e-12);
        TensorAssert.Close(Expected(null, Values(pw)), shape,
            functional.binary_cross_entropy_with_logits(x, y, reduction: reduction, pos_weights: pw), 1e-10, 1e-12);
        TensorAssert.Close(Expected(Values(w), Values(pw)), shape, functional.binary_cross_entropy_with_logits(x, y, w, reduction, pw), 1e-10, 1e-12);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogitsIsStableForLargeLogits()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 800.0, -800.0 }, float64);
        var y = tensor(new[] { 0.0, 1.0 }, float64);
        // −log σ(−800) = 800 exactly in double (e^−800 underflows against 800).
        TensorAssert.Close(new[] { 800.0, 800.0 }, new long[] { 2 }, functional.binary_cross_entropy_with_logits(x, y, reduction: Reduction.None), 1e-12, 0);
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        using var scope = NewDisposeScope();
        var t = tensor(Targets, new long[] { N });
        var w = tensor(new[] { 0.5, 2.0, 1.5, 0.25 }, float64);
        GradCheck.Check(a => functional.cross_entropy(a[0], t, w, label_smoothing: 0.1), new[] { randn(N, C, float64) });
        GradCheck.Check(a => functional.cross_entropy(a[0], t, ignore_index: 3, reduction: Reduction.Sum), new[] { randn(N, C, float64) });
        GradCheck.Check(a => functional.mse_loss(a[0], a[1]), new[] { randn(3, 4, float64), randn(3, 4, float64) });
        // Differences kept away from Huber's kink at |d| = delta.
        var target = randn(8, float64);
        var input = target + tensor(new[] { -3.0, -1.4, -0.6, -0.2, 0.1, 0.7, 1.3, 2.5 }, float64);
        GradCheck.Check(a => functional.huber_loss(a[0], a[1], 1.0, Reduction.Sum), new[] { input, target });
        var pw = tensor(new[] { 3.0, 0.25, 1.0 }, float64);
        var bw = tensor(new[] { 0.5, 1.0, 2.0 }, float64);
        GradCheck.Check(a => functional.binary_cross_entropy_with_logits(a[0], a[1], bw, Reduction.Mean, pw),
            new[] { randn(4, 3, float64), rand(4, 3, float64) });
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        using var scope = NewDisposeScope();
        var x = randn(N, C, float64);
        var t = tensor(Targets, new long[] { N });
        Assert.Throws<ArgumentOutOfRangeException>(() => functional.mse_loss(x, x, (Reduction)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => functional.cross_entropy(x, t, label_smoothing: 1.5));
        Assert.Throws<ArgumentNullException>(() => functional.l1_loss(x, null!));
        // A class index out of range is libtorch's error.
        Assert.Throws<TorchException>(() => functional.cross_entropy(x, tensor(new long[] { 0, 1, 2, 3, 9 }, new long[] { N })));
    }
}
