using static RnnTorch.torch;

namespace RnnTorch.Training.Tests;

/// <summary>Metrics against small hand-worked examples; batch-wise accumulation against one big batch.</summary>
public sealed class MetricAccumulatorTests
{
    private const double Tol = 1e-12;

    // Counted pairs (target, predicted), worked by hand for classes = 4 (class 3 never occurs):
    //   (0,0) (0,0) (0,1) (1,1) (1,2) (2,2) (2,0) (2,1)
    // confusion rows = targets: t0 = [2 1 0 0], t1 = [0 1 1 0], t2 = [1 1 1 0], t3 = [0 0 0 0]
    // accuracy 4/8; class 0: TP 2 FP 1 FN 1 -> P 2/3 R 2/3 F1 2/3; class 1: TP 1 FP 2 FN 1 -> P 1/3 R 1/2 F1 2/5;
    // class 2: TP 1 FP 1 FN 2 -> P 1/2 R 1/3 F1 2/5; class 3: all 0 (undefined -> 0), left out of the macro mean:
    // macro F1 = (2/3 + 2/5 + 2/5) / 3 = 22/45.
    // Laid out as [2, 5] with the last two items of row 2 padding (target 99, outside the classes) masked out.
    private static readonly long[] Targets = { 0, 0, 0, 1, 1, 2, 2, 2, 99, 99 };
    private static readonly long[] Predictions = { 0, 0, 1, 1, 2, 2, 0, 1, 3, 0 };
    private static readonly bool[] Mask = { true, true, true, true, true, true, true, true, false, false };

    [Fact]
    public void ClassificationMetricsMatchTheHandWorkedExample()
    {
        var acc = new MetricAccumulator();
        using var p = tensor(Predictions, new long[] { 2, 5 });
        using var t = tensor(Targets, new long[] { 2, 5 });
        using var m = tensor(Mask, new long[] { 2, 5 });
        acc.AddClassification(p, t, m, classes: 4);
        var r = acc.Compute("val_");

        Assert.Equal(0.5, r["val_accuracy"], Tol);
        Assert.Equal(22.0 / 45, r["val_macro_f1"], Tol);
        Assert.Equal(2.0 / 3, r["val_precision_0"], Tol);
        Assert.Equal(2.0 / 3, r["val_recall_0"], Tol);
        Assert.Equal(2.0 / 3, r["val_f1_0"], Tol);
        Assert.Equal(1.0 / 3, r["val_precision_1"], Tol);
        Assert.Equal(1.0 / 2, r["val_recall_1"], Tol);
        Assert.Equal(2.0 / 5, r["val_f1_1"], Tol);
        Assert.Equal(1.0 / 2, r["val_precision_2"], Tol);
        Assert.Equal(1.0 / 3, r["val_recall_2"], Tol);
        Assert.Equal(2.0 / 5, r["val_f1_2"], Tol);
        Assert.Equal(0, r["val_precision_3"]);
        Assert.Equal(0, r["val_recall_3"]);
        Assert.Equal(0, r["val_f1_3"]);
        Assert.False(r.ContainsKey("val_loss"));
        Assert.False(r.ContainsKey("val_mae"));

        var cm = acc.ConfusionMatrix!;
        var expected = new long[,] { { 2, 1, 0, 0 }, { 0, 1, 1, 0 }, { 1, 1, 1, 0 }, { 0, 0, 0, 0 } };
        Assert.Equal(expected, cm.ToArray());
        Assert.Equal(8, cm.Total);
        Assert.Equal(1, cm.FalsePositives(0));
        Assert.Equal(2, cm.FalsePositives(1));
        Assert.Equal(2, cm.FalseNegatives(2));
        Assert.Equal(1, cm.TruePositives(2));
    }

    [Fact]
    public void WithoutTheMaskPaddingWouldCountAndOutOfRangeTargetsAreRejected()
    {
        var acc = new MetricAccumulator();
        using var p = tensor(Predictions, new long[] { 2, 5 });
        using var t = tensor(Targets, new long[] { 2, 5 });
        var e = Assert.Throws<ArgumentException>(() => acc.AddClassification(p, t, null, classes: 4));
        Assert.Contains("99", e.Message);
        // Validation happens before counting: nothing was added.
        Assert.Empty(acc.Compute(""));
        Assert.Null(acc.ConfusionMatrix);
    }

    [Fact]
    public void AMaskOverPaddingChangesAccuracy()
    {
        // targets [[1 1], [0 0]], predictions [[1 0], [0 1]]: all four counted -> 2 right of 4;
        // mask [[T F], [T F]] (second column is padding) keeps (1,1) and (0,0): 2 right of 2.
        using var p = tensor(new long[] { 1, 0, 0, 1 }, new long[] { 2, 2 });
        using var t = tensor(new long[] { 1, 1, 0, 0 }, new long[] { 2, 2 });
        using var m = tensor(new[] { true, false, true, false }, new long[] { 2, 2 });
        var all = new MetricAccumulator();
        all.AddClassification(p, t, null, 2);
        var masked = new MetricAccumulator();
        masked.AddClassification(p, t, m, 2);
        Assert.Equal(0.5, all.Compute("")["accuracy"], Tol);
        Assert.Equal(1.0, masked.Compute("")["accuracy"], Tol);
    }

    [Fact]
    public void UndefinedPrecisionIsZeroAndAbsentClassesStayOutOfTheMacroMean()
    {
        // targets [0 0 1], predictions [0 0 0]: class 0 TP 2 FP 1 FN 0 -> P 2/3 R 1 F1 4/5; class 1 never predicted:
        // P = 0/0 -> 0, R = 0/1 = 0, F1 0; class 2 absent everywhere: left out. macro = (4/5 + 0) / 2 = 2/5.
        var acc = new MetricAccumulator();
        using var p = tensor(new long[] { 0, 0, 0 });
        using var t = tensor(new long[] { 0, 0, 1 });
        acc.AddClassification(p, t, null, 3);
        var r = acc.Compute("");
        Assert.Equal(2.0 / 3, r["accuracy"], Tol);
        Assert.Equal(4.0 / 5, r["f1_0"], Tol);
        Assert.Equal(0, r["precision_1"]);
        Assert.Equal(0, r["recall_1"]);
        Assert.Equal(2.0 / 5, r["macro_f1"], Tol);
    }

    [Fact]
    public void RegressionMetricsAreInOriginalUnitsAndIgnoreMaskedEntries()
    {
        // Normalised with mean 10, std 2: original = v * 2 + 10.
        // predicted [0.5 -1 0 2 | 100] -> [11 8 10 14 | 210]; target [0 -1.5 -5 1 | 0] -> [10 7 0 12 | 10]; last masked.
        // errors 1 1 10 2: MAE 14/4, RMSE sqrt(106/4); MAPE over y != 0 (10, 7, 12): 100 * (1/10 + 1/7 + 2/12) / 3.
        var acc = new MetricAccumulator();
        using var p = tensor(new[] { 0.5, -1, 0, 2, 100 });
        using var t = tensor(new[] { 0.0, -1.5, -5, 1, 0 });
        using var m = tensor(new[] { true, true, true, true, false });
        acc.AddRegression(p, t, m, v => v * 2 + 10);
        var r = acc.Compute("val_");
        Assert.Equal(3.5, r["val_mae"], Tol);
        Assert.Equal(Math.Sqrt(26.5), r["val_rmse"], Tol);
        Assert.Equal(100 * (0.1 + 1.0 / 7 + 1.0 / 6) / 3, r["val_mape"], Tol);
        Assert.Equal(3, r.Count);
    }

    [Fact]
    public void RegressionWithoutConversionUsesTheTensorsUnitsAndAPrefixMaskBroadcasts()
    {
        // [2, 2] values, mask [2] = [true, false]: only the first row counts. errors: 1.5 - 1 = 0.5, 0 - 2 = -2.
        var acc = new MetricAccumulator();
        using var p = tensor(new[] { 1.5f, 0f, 9f, 9f }, new long[] { 2, 2 });
        using var t = tensor(new[] { 1f, 2f, 0f, 0f }, new long[] { 2, 2 });
        using var m = tensor(new[] { true, false });
        acc.AddRegression(p, t, m);
        var r = acc.Compute("");
        Assert.Equal(1.25, r["mae"], Tol);
        Assert.Equal(Math.Sqrt((0.25 + 4) / 2), r["rmse"], Tol);
        Assert.Equal(100 * (0.5 / 1 + 2.0 / 2) / 2, r["mape"], Tol);
    }

    [Fact]
    public void ALossBesideRegressionValuesHasNoPerplexityOrBitsPerChar()
    {
        // A mean squared error of ln 4 is not a log-likelihood: exp(loss) would be a meaningless "perplexity" of 4.
        var acc = new MetricAccumulator();
        acc.AddLoss(Math.Log(4) * 3, 3);
        using var p = tensor(new[] { 1.0, 2.0, 3.0 });
        using var t = tensor(new[] { 1.5, 2.0, 2.0 });
        acc.AddRegression(p, t, null);
        var r = acc.Compute("val_");
        Assert.Equal(Math.Log(4), r["val_loss"], Tol);
        Assert.Equal(0.5, r["val_mae"], Tol);
        Assert.False(r.ContainsKey("val_perplexity"));
        Assert.False(r.ContainsKey("val_bits_per_char"));
    }

    [Fact]
    public void MapeIsNaNWhenEveryTargetIsZero()
    {
        var acc = new MetricAccumulator();
        using var p = tensor(new[] { 1.0, -1.0 });
        using var t = tensor(new[] { 0.0, 0.0 });
        acc.AddRegression(p, t, null);
        var r = acc.Compute("");
        Assert.Equal(1.0, r["mae"], Tol);
        Assert.True(double.IsNaN(r["mape"]));
    }

    [Fact]
    public void LossPerplexityAndBitsPerCharFollowFromTheMeanLoss()
    {
        // Mean NLL ln 4 per token -> perplexity 4, bits per char log2(4) = 2; fed as two batches of 3 and 7 tokens.
        var acc = new MetricAccumulator();
        acc.AddLoss(3 * Math.Log(4), 3);
        acc.AddLoss(7 * Math.Log(4), 7);
        var r = acc.Compute("train_");
        Assert.Equal(Math.Log(4), r["train_loss"], Tol);
        Assert.Equal(4.0, r["train_perplexity"], 1e-12);
        Assert.Equal(2.0, r["train_bits_per_char"], 1e-12);
        Assert.Equal(3, r.Count);
    }

    [Fact]
    public void LossIsTheCountWeightedMean()
    {
        var acc = new MetricAccumulator();
        acc.AddLoss(1.0, 2); // mean 0.5 over 2
        acc.AddLoss(6.0, 4); // mean 1.5 over 4
        acc.AddLoss(0, 0);   // nothing
        Assert.Equal(7.0 / 6, acc.Compute("")["loss"], Tol);
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddLoss(1.0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddLoss(1.0, -1));
    }

    [Fact]
    public void AccumulatingBatchesEqualsOneBigBatch()
    {
        var rng = new Random(7);
        const int n = 60, classes = 5;
        var pred = new long[n];
        var target = new long[n];
        var mask = new bool[n];
        var yHat = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            target[i] = rng.Next(classes);
            pred[i] = rng.Next(3) == 0 ? rng.Next(classes) : target[i];
            mask[i] = rng.Next(5) != 0;
            yHat[i] = rng.NextDouble() * 4 - 2;
            y[i] = rng.NextDouble() * 4 - 2;
        }
        var losses = Enumerable.Range(0, 6).Select(_ => rng.NextDouble() * 3).ToArray();

        var whole = new MetricAccumulator();
        using (var p = tensor(pred)) using (var t = tensor(target)) using (var m = tensor(mask))
            whole.AddClassification(p, t, m, classes);
        using (var p = tensor(yHat)) using (var t = tensor(y)) using (var m = tensor(mask))
            whole.AddRegression(p, t, m, v => v * 3 - 1);
        whole.AddLoss(losses.Sum() * 10, 60);

        var split = new MetricAccumulator();
        foreach (var (start, length) in new[] { (0, 7), (7, 20), (27, 1), (28, 32) })
        {
            using var p = tensor(pred[start..(start + length)]);
            using var t = tensor(target[start..(start + length)]);
            using var m = tensor(mask[start..(start + length)]);
            split.AddClassification(p, t, m, classes);
            using var ph = tensor(yHat[start..(start + length)]);
            using var th = tensor(y[start..(start + length)]);
            split.AddRegression(ph, th, m, v => v * 3 - 1);
        }
        foreach (var l in losses) split.AddLoss(l * 10, 10);

        var a = whole.Compute("x_");
        var b = split.Compute("x_");
        Assert.Equal(a.Keys.OrderBy(k => k, StringComparer.Ordinal), b.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (key, value) in a) Assert.Equal(value, b[key], 1e-12);
        Assert.Equal(whole.ConfusionMatrix!.ToArray(), split.ConfusionMatrix!.ToArray());

        // and the accuracy equals a plain count over the same data
        int counted = 0, right = 0;
        for (int i = 0; i < n; i++)
        {
            if (!mask[i]) continue;
            counted++;
            if (pred[i] == target[i]) right++;
        }
        Assert.Equal((double)right / counted, a["x_accuracy"], Tol);
    }

    [Fact]
    public void ResetForgetsEverything()
    {
        var acc = new MetricAccumulator();
        acc.AddLoss(1, 1);
        using var p = tensor(new long[] { 0, 1 });
        acc.AddClassification(p, p, null, 2);
        acc.Reset();
        Assert.Empty(acc.Compute(""));
        Assert.Null(acc.ConfusionMatrix);
        acc.AddClassification(p, p, null, 3); // a new class count is fine after a reset
        Assert.Equal(1.0, acc.Compute("")["accuracy"]);
    }

    [Fact]
    public void BadInputsAreRejectedWithClearMessages()
    {
        var acc = new MetricAccumulator();
        using var scores = tensor(new[] { 0.1f, 0.9f });
        using var ids = tensor(new long[] { 0, 1 });
        using var three = tensor(new long[] { 0, 1, 1 });
        Assert.Contains("argmax", Assert.Throws<ArgumentException>(() => acc.AddClassification(scores, ids, null, 2)).Message);
        Assert.Contains("shape", Assert.Throws<ArgumentException>(() => acc.AddClassification(three, ids, null, 2)).Message);
        using var badMask = tensor(new[] { true, false, true });
        Assert.Contains("mask", Assert.Throws<ArgumentException>(() => acc.AddClassification(ids, ids, badMask, 2)).Message);
        acc.AddClassification(ids, ids, null, 2);
        Assert.Throws<ArgumentException>(() => acc.AddClassification(ids, ids, null, 3));
        using var big = tensor(new long[] { 0, 2 });
        Assert.Throws<ArgumentException>(() => acc.AddClassification(big, ids, null, 2));
    }

    [Fact]
    public void PerClassKeysAreLeftOutForLargeVocabulariesAndTheMatrixAboveTheLimit()
    {
        using var p = tensor(new long[] { 0, 39, 5 });
        using var t = tensor(new long[] { 0, 39, 4 });
        var acc = new MetricAccumulator();
        acc.AddClassification(p, t, null, 40);
        var r = acc.Compute("");
        Assert.DoesNotContain(r.Keys, k => k.StartsWith("precision_", StringComparison.Ordinal));
        Assert.Equal(2.0 / 3, r["accuracy"], Tol);
        // classes 0 and 39: F1 1; 4: target only -> 0; 5: prediction only -> 0: macro = 2/4
        Assert.Equal(0.5, r["macro_f1"], Tol);
        Assert.NotNull(acc.ConfusionMatrix);

        var wide = new MetricAccumulator { MaxPerClassMetrics = 64 };
        wide.AddClassification(p, t, null, 40);
        Assert.Equal(1.0, wide.Compute("")["f1_39"]);

        var vocab = new MetricAccumulator();
        vocab.AddClassification(p, t, null, MetricAccumulator.MaxConfusionClasses + 1);
        Assert.Null(vocab.ConfusionMatrix);
        Assert.Equal(0.5, vocab.Compute("")["macro_f1"], Tol);
    }
}
