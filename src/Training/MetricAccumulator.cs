using System.Globalization;

namespace RnnTorch.Training;

/// <summary>
/// Accumulates loss, classification and regression statistics over an epoch or an evaluation pass, batch by batch,
/// and turns them into named metrics with <see cref="Compute"/>. Everything is counted in float64 (or exact integers)
/// on the CPU, so feeding the batches one by one gives the same metrics as feeding their concatenation at once.
/// Not thread-safe.
/// </summary>
/// <remarks>
/// <para>Metric definitions (keys are prefixed with the argument of <see cref="Compute"/>):</para>
/// <list type="bullet">
/// <item><c>loss</c> = Σ loss sums / Σ counts (see <see cref="AddLoss"/>); <c>perplexity</c> = exp(loss);
/// <c>bits_per_char</c> = loss / ln 2. The last two are meaningful only when the loss is a mean negative
/// log-likelihood in nats (token cross-entropy), so they are left out when regression values were fed (the loss is
/// then a squared or absolute error).</item>
/// <item><c>accuracy</c> = correct / counted items (mask true).</item>
/// <item><c>precision_k</c> = TP/(TP+FP), <c>recall_k</c> = TP/(TP+FN), <c>f1_k</c> = 2PR/(P+R) for class k; each is
/// 0 where its denominator is 0 (scikit-learn's <c>zero_division=0</c>). Reported for every class id in
/// <c>[0, classes)</c> when <c>classes</c> ≤ <see cref="MaxPerClassMetrics"/>, otherwise left out.</item>
/// <item><c>macro_f1</c> = the mean of <c>f1_k</c> over the classes that occur among the counted targets or
/// predictions (what scikit-learn's <c>f1_score(average="macro")</c> does without an explicit label list); classes
/// absent from both do not drag the mean down.</item>
/// <item><c>mae</c> = mean |ŷ − y|, <c>rmse</c> = sqrt(mean (ŷ − y)²) over the counted elements, and
/// <c>mape</c> = 100 · mean |(ŷ − y) / y| over the counted elements whose (original-unit) target is not 0; NaN when
/// every counted target is 0. All three are in original units when a conversion is given.</item>
/// </list>
/// <para>Only the groups that were fed appear; a group whose every item was masked out is left out too.</para>
/// </remarks>
public sealed class MetricAccumulator
{
    /// <summary>The default of <see cref="MaxPerClassMetrics"/>.</summary>
    public const int DefaultMaxPerClassMetrics = 32;

    /// <summary>
    /// Class counts up to which a dense <see cref="Training.ConfusionMatrix"/> is kept (1024² cells = 8 MiB); above it
    /// (a language model's vocabulary) only per-class totals are counted and <see cref="ConfusionMatrix"/> is null.
    /// </summary>
    public const int MaxConfusionClasses = 1024;

    private double lossSum;
    private long lossCount;

    private int classes;
    private long[] truePositives = Array.Empty<long>();
    private long[] predictedCounts = Array.Empty<long>();
    private long[] targetCounts = Array.Empty<long>();
    private long classified;
    private long correct;
    private ConfusionMatrix? confusion;

    private long regressed;
    private double absoluteErrorSum;
    private double squaredErrorSum;
    private double percentageErrorSum;
    private long percentageCount;

    /// <summary>
    /// Per-class precision, recall and F1 are reported only when the class count is at most this
    /// (default <see cref="DefaultMaxPerClassMetrics"/>), so a language model's vocabulary does not flood the logs.
    /// </summary>
    public int MaxPerClassMetrics { get; init; } = DefaultMaxPerClassMetrics;

    /// <summary>
    /// A copy of the confusion matrix of everything fed to <see cref="AddClassification"/> so far; null when nothing
    /// was, or when the class count exceeds <see cref="MaxConfusionClasses"/>.
    /// </summary>
    public ConfusionMatrix? ConfusionMatrix => confusion?.Clone();

    /// <summary>
    /// Adds a loss summed over <paramref name="count"/> items (tokens, sequences): for a batch whose mean loss is
    /// <c>m</c> over <c>n</c> items, pass <c>(m · n, n)</c>. A count of 0 with a sum of 0 is ignored.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or 0 with a non-zero sum.</exception>
    public void AddLoss(double sum, long count)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, $"{nameof(count)} must not be negative, but was {count}.");
        if (count == 0)
        {
            if (sum != 0) throw new ArgumentOutOfRangeException(nameof(sum), sum, $"{nameof(sum)} must be 0 when {nameof(count)} is 0, but was {sum.ToString("R", CultureInfo.InvariantCulture)}.");
            return;
        }
        lossSum += sum;
        lossCount += count;
    }

    /// <summary>
    /// Adds predicted class ids against target class ids (any integer dtype; int64 expected, e.g. <c>logits.argmax(-1)</c>).
    /// <paramref name="mask"/> (true = counts; other dtypes are read as nonzero = true) has the shape of the targets or a
    /// leading part of it and is broadcast over the remaining dimensions; masked-out items are ignored whatever their ids
    /// (padding may hold any value). Counted ids must lie in <c>[0, classes)</c>; all calls must use the same
    /// <paramref name="classes"/>. The batch is validated completely before anything is counted.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes differ, a floating-point tensor is given, an id is out of range, or
    /// <paramref name="classes"/> differs from an earlier call.</exception>
    public void AddClassification(Tensor predicted, Tensor target, Tensor? mask, int classes)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(target);
        if (classes <= 0) throw new ArgumentOutOfRangeException(nameof(classes), classes, $"{nameof(classes)} must be positive, but was {classes}.");
        if (this.classes != 0 && this.classes != classes)
            throw new ArgumentException($"{nameof(classes)} must stay {this.classes} (the count of earlier calls), but was {classes}.", nameof(classes));
        if (predicted.is_floating_point())
            throw new ArgumentException($"{nameof(predicted)} must hold class ids (int64), not {predicted.dtype} scores: pass logits.argmax(-1).", nameof(predicted));
        if (target.is_floating_point())
            throw new ArgumentException($"{nameof(target)} must hold class ids (int64), not {target.dtype} values.", nameof(target));
        var shape = target.shape;
        CheckSameShape(predicted.shape, shape, nameof(predicted), nameof(target));

        var p = ReadInt64(predicted);
        var t = ReadInt64(target);
        var (m, repeat) = ReadMask(mask, shape, t.Length);
        for (long i = 0; i < t.Length; i++)
        {
            if (m is not null && !m[i / repeat]) continue;
            if ((ulong)t[i] >= (ulong)classes)
                throw new ArgumentException($"{nameof(target)} holds class id {t[i]} at flat index {i}, outside [0, {classes}) (mask it out if it is padding).", nameof(target));
            if ((ulong)p[i] >= (ulong)classes)
                throw new ArgumentException($"{nameof(predicted)} holds class id {p[i]} at flat index {i}, outside [0, {classes}).", nameof(predicted));
        }

        if (this.classes == 0)
        {
            this.classes = classes;
            truePositives = new long[classes];
            predictedCounts = new long[classes];
            targetCounts = new long[classes];
            if (classes <= MaxConfusionClasses) confusion = new ConfusionMatrix(classes);
        }
        for (long i = 0; i < t.Length; i++)
        {
            if (m is not null && !m[i / repeat]) continue;
            long ti = t[i], pi = p[i];
            classified++;
            targetCounts[ti]++;
            predictedCounts[pi]++;
            if (ti == pi)
            {
                correct++;
                truePositives[ti]++;
            }
            confusion?.Add(ti, pi);
        }
    }

    /// <summary>
    /// Adds regression predictions against targets of the same shape (any numeric dtype, read as float64).
    /// <paramref name="mask"/> works as in <see cref="AddClassification"/>. <paramref name="toOriginalUnits"/> maps a
    /// normalised value back to original units (e.g. <c>v =&gt; v * std + mean</c>) and is applied to both the prediction
    /// and the target before the errors are taken; without it the errors are in the tensors' units.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ, or the mask's shape is not a leading part of them.</exception>
    public void AddRegression(Tensor predicted, Tensor target, Tensor? mask, Func<double, double>? toOriginalUnits = null)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(target);
        var shape = target.shape;
        CheckSameShape(predicted.shape, shape, nameof(predicted), nameof(target));
        var p = ReadFloat64(predicted);
        var t = ReadFloat64(target);
        var (m, repeat) = ReadMask(mask, shape, t.Length);
        for (long i = 0; i < t.Length; i++)
        {
            if (m is not null && !m[i / repeat]) continue;
            double yHat = p[i], y = t[i];
            if (toOriginalUnits is not null)
            {
                yHat = toOriginalUnits(yHat);
                y = toOriginalUnits(y);
            }
            double error = yHat - y;
            regressed++;
            absoluteErrorSum += Math.Abs(error);
            squaredErrorSum += error * error;
            if (y != 0)
            {
                percentageErrorSum += Math.Abs(error / y);
                percentageCount++;
            }
        }
    }

    /// <summary>
    /// The metrics of everything fed so far, keys prefixed with <paramref name="prefix"/> (e.g. <c>"val_"</c>), in this
    /// order: loss, perplexity, bits_per_char; accuracy, macro_f1, then precision_k, recall_k, f1_k per class; mae, rmse,
    /// mape. See the class remarks for the definitions.
    /// </summary>
    public IReadOnlyDictionary<string, double> Compute(string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (lossCount > 0)
        {
            double mean = lossSum / lossCount;
            result[prefix + "loss"] = mean;
            if (regressed == 0)
            {
                result[prefix + "perplexity"] = Math.Exp(mean);
                result[prefix + "bits_per_char"] = mean / Math.Log(2);
            }
        }
        if (classified > 0)
        {
            result[prefix + "accuracy"] = (double)correct / classified;
            double f1Sum = 0;
            int present = 0;
            var perClass = new (double P, double R, double F)[classes];
            for (int k = 0; k < classes; k++)
            {
                long tp = truePositives[k], fp = predictedCounts[k] - tp, fn = targetCounts[k] - tp;
                double precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
                double recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
                double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                perClass[k] = (precision, recall, f1);
                if (targetCounts[k] + predictedCounts[k] > 0)
                {
                    f1Sum += f1;
                    present++;
                }
            }
            result[prefix + "macro_f1"] = f1Sum / present;
            if (classes <= MaxPerClassMetrics)
            {
                for (int k = 0; k < classes; k++)
                {
                    string id = k.ToString(CultureInfo.InvariantCulture);
                    result[prefix + "precision_" + id] = perClass[k].P;
                    result[prefix + "recall_" + id] = perClass[k].R;
                    result[prefix + "f1_" + id] = perClass[k].F;
                }
            }
        }
        if (regressed > 0)
        {
            result[prefix + "mae"] = absoluteErrorSum / regressed;
            result[prefix + "rmse"] = Math.Sqrt(squaredErrorSum / regressed);
            result[prefix + "mape"] = percentageCount == 0 ? double.NaN : 100 * percentageErrorSum / percentageCount;
        }
        return result;
    }

    /// <summary>Forgets everything fed so far (the class count too), ready for the next epoch.</summary>
    public void Reset()
    {
        lossSum = 0;
        lossCount = 0;
        classes = 0;
        truePositives = predictedCounts = targetCounts = Array.Empty<long>();
        classified = correct = 0;
        confusion = null;
        regressed = 0;
        absoluteErrorSum = squaredErrorSum = percentageErrorSum = 0;
        percentageCount = 0;
    }

    private static void CheckSameShape(long[] a, long[] b, string nameA, string nameB)
    {
        if (!a.AsSpan().SequenceEqual(b))
            throw new ArgumentException($"{nameA} has shape [{string.Join(", ", a)}] but {nameB} has shape [{string.Join(", ", b)}]; they must match.", nameA);
    }

    private static long[] ReadInt64(Tensor t)
    {
        if (t.dtype == ScalarType.Int64) return t.data<long>().ToArray();
        using var converted = t.to(ScalarType.Int64);
        return converted.data<long>().ToArray();
    }

    private static double[] ReadFloat64(Tensor t)
    {
        if (t.dtype == ScalarType.Float64) return t.data<double>().ToArray();
        using var converted = t.to(ScalarType.Float64);
        return converted.data<double>().ToArray();
    }

    /// <summary>The mask's values and how many consecutive elements of the data each covers (null: no mask).</summary>
    private static (bool[]? Values, long Repeat) ReadMask(Tensor? mask, long[] shape, long count)
    {
        if (mask is null) return (null, 1);
        var maskShape = mask.shape;
        bool prefix = maskShape.Length <= shape.Length;
        for (int d = 0; prefix && d < maskShape.Length; d++) prefix = maskShape[d] == shape[d];
        if (!prefix)
            throw new ArgumentException($"{nameof(mask)} has shape [{string.Join(", ", maskShape)}], which is not a leading part of the data's shape [{string.Join(", ", shape)}].", nameof(mask));
        bool[] values;
        if (mask.dtype == ScalarType.Bool) values = mask.data<bool>().ToArray();
        else
        {
            using var converted = mask.to(ScalarType.Bool);
            values = converted.data<bool>().ToArray();
        }
        return (values, values.Length == 0 ? 1 : Math.Max(1, count / values.Length));
    }
}
