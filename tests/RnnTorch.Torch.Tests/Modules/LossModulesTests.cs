using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Tests.Modules;

/// <summary>
/// The loss modules: each forwards its settings to the functional form (whose values FunctionalLossesTests checks
/// against the formulas), keeps its weights as PyTorch's buffers, and owns only its own handles.
/// </summary>
public sealed class LossModulesTests
{
    private static double[] Values(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    [Fact]
    public void ModulesAgreeWithTheirFunctions()
    {
        using var scope = NewDisposeScope();
        var logits = randn(5, 3, float64);
        var classes = tensor(new long[] { 0, 2, 1, 2, 0 }, new long[] { 5 });
        var w = tensor(new[] { 0.5, 1.0, 2.0 }, float64);
        var a = randn(5, 3, float64);
        var b = randn(5, 3, float64);
        var y = rand(5, 3, float64);

        Assert.Equal(Values(functional.cross_entropy(logits, classes, w, 2, Reduction.Sum, 0.1)),
            Values(CrossEntropyLoss(w, ignore_index: 2, reduction: Reduction.Sum, label_smoothing: 0.1).call(logits, classes)));
        var logp = logits.log_softmax(1);
        Assert.Equal(Values(functional.nll_loss(logp, classes, w, Reduction.None, 0)),
            Values(NLLLoss(w, Reduction.None, ignore_index: 0).call(logp, classes)));
        Assert.Equal(Values(functional.mse_loss(a, b, Reduction.Sum)), Values(MSELoss(Reduction.Sum).call(a, b)));
        Assert.Equal(Values(functional.l1_loss(a, b)), Values(L1Loss().call(a, b)));
        Assert.Equal(Values(functional.huber_loss(a, b, 0.3, Reduction.None)), Values(HuberLoss(0.3, Reduction.None).call(a, b)));
        Assert.Equal(Values(functional.binary_cross_entropy_with_logits(a, y, w, Reduction.Mean, w * 2.0)),
            Values(BCEWithLogitsLoss(w, Reduction.Mean, w * 2.0).call(a, y)));

        // Defaults: mean reduction, no weights; the mean of a known MSE: ((1 − 0)² + (3 − 1)²)/2 = 2.5.
        var mse = MSELoss();
        Assert.Equal(Reduction.Mean, mse.reduction);
        Assert.Equal(2.5, mse.call(tensor(new[] { 1.0, 3.0 }), tensor(new[] { 0.0, 1.0 })).item<double>(), 6);
        var ce = CrossEntropyLoss();
        Assert.Null(ce.weight);
        Assert.Equal(-100, ce.ignore_index);
        Assert.Equal(0.0, ce.label_smoothing);
        Assert.Equal(1.0, HuberLoss().delta);
    }

    [Fact]
    public void WeightsAreBuffersAsInPyTorch()
    {
        using var scope = NewDisposeScope();
        var w = tensor(new[] { 0.5f, 1.0f, 2.0f });
        using var ce = CrossEntropyLoss(w);
        Assert.Equal(new[] { "weight" }, ce.state_dict().Keys.ToArray());
        Assert.Empty(ce.parameters());
        using var bce = BCEWithLogitsLoss(w, pos_weights: w);
        Assert.Equal(new[] { "weight", "pos_weight" }, bce.state_dict().Keys.ToArray());
        using var plain = BCEWithLogitsLoss();
        Assert.Empty(plain.state_dict());
        // The module holds its own handle: disposing it leaves the caller's tensor alive, and to() moves its copy.
        ce.to(ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, ce.weight!.dtype);
        Assert.Equal(ScalarType.Float32, w.dtype);
        ce.Dispose();
        bce.Dispose();
        Assert.False(w.IsInvalid);
        Assert.Equal(new[] { 0.5, 1.0, 2.0 }, Values(w));
    }

    [Fact]
    public void SettingsAreChecked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HuberLoss(0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossEntropyLoss(label_smoothing: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MSELoss((Reduction)3));
    }
}
