using RnnTorch.Data;

namespace RnnTorch.Data.Tests;

public sealed class WindowDatasetTests
{
    /// <summary>A series whose value in column c at step t is 100·c + t, so every value names its step.</summary>
    private static TimeSeries Steps(int length, int columns = 1) =>
        new(Enumerable.Range(0, columns).Select(c => $"c{c}").ToArray(),
            Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, length).Select(t => 100.0 * c + t).ToArray()).ToArray());

    [Theory]
    [InlineData(10, 3, 1, 1, 7)]  // starts 0..6
    [InlineData(10, 3, 1, 2, 4)]  // starts 0,2,4,6
    [InlineData(10, 3, 3, 2, 3)]  // last step s+5 <= 9: starts 0,2,4
    [InlineData(10, 4, 0, 3, 3)]  // last step s+3 <= 9: starts 0,3,6
    [InlineData(5, 5, 1, 1, 0)]   // too short
    [InlineData(6, 5, 1, 1, 1)]
    public void CountFollowsTheDocumentedFormula(int length, int inputLength, int horizon, int stride, int expected)
    {
        var options = new WindowOptions { InputLength = inputLength, Horizon = horizon, Stride = stride };
        Assert.Equal(expected, options.CountFor(length));
        Assert.Equal(expected, new WindowDataset(Steps(length), ["c0"], ["c0"], options).Count);
        Assert.Equal(expected, new WindowDataset(Steps(length), ["c0"], ["c0"], options with { Target = WindowTarget.ManyToMany }).Count);
    }

    [Fact]
    public void ManyToOneWindowHoldsTheInputStepsAndTheStepHorizonAfter()
    {
        var data = new WindowDataset(Steps(20), ["c0"], ["c0"], new WindowOptions { InputLength = 3, Horizon = 2, Stride = 4 });
        var sample = data[2]; // start 8: inputs 8, 9, 10; target 10 + 2 = 12
        Assert.Equal(8, sample.Start);
        Assert.Equal([8f, 9f, 10f], sample.Inputs.Select(r => Assert.Single(r)));
        Assert.Equal(12f, Assert.Single(Assert.Single(sample.Targets)));
        Assert.Equal([12], data.TargetStepsOf(2));
    }

    [Fact]
    public void ManyToManyTargetsAreEachInputStepShiftedByTheHorizon()
    {
        var data = new WindowDataset(Steps(10), ["c0"], ["c0"], new WindowOptions { InputLength = 4, Horizon = 1, Target = WindowTarget.ManyToMany });
        var sample = data[3]; // inputs 3..6, targets 4..7
        Assert.Equal([3f, 4f, 5f, 6f], sample.Inputs.Select(r => r[0]));
        Assert.Equal([4f, 5f, 6f, 7f], sample.Targets.Select(r => r[0]));
        Assert.Equal(WindowTarget.ManyToMany, sample.Kind);
    }

    [Fact]
    public void MultivariateInputsKeepTheColumnOrder()
    {
        var data = new WindowDataset(Steps(8, columns: 3), ["c2", "c0"], ["c1"], new WindowOptions { InputLength = 2 });
        var sample = data[5]; // inputs steps 5, 6; target step 7
        Assert.Equal([205f, 5f], sample.Inputs[0]);
        Assert.Equal([206f, 6f], sample.Inputs[1]);
        Assert.Equal([107f], sample.Targets[0]);
    }

    [Fact]
    public void CollateStacksWindowsBatchFirst()
    {
        var many = new WindowDataset(Steps(10, columns: 2), ["c0", "c1"], ["c1"], new WindowOptions { InputLength = 3, Target = WindowTarget.ManyToMany });
        using (var batch = WindowBatch.Collate([many[0], many[4]]))
        {
            Assert.Equal([2L, 3L, 2L], batch.Inputs.shape);
            Assert.Equal([2L, 3L, 1L], batch.Targets.shape);
            Assert.Equal([0f, 100f, 1f, 101f, 2f, 102f, 4f, 104f, 5f, 105f, 6f, 106f], batch.Inputs.data<float>().ToArray());
            Assert.Equal([101f, 102f, 103f, 105f, 106f, 107f], batch.Targets.data<float>().ToArray());
        }
        var one = new WindowDataset(Steps(10), ["c0"], ["c0"], new WindowOptions { InputLength = 3 });
        using (var batch = WindowBatch.Collate([one[1], one[2], one[6]]))
        {
            Assert.Equal([3L, 3L, 1L], batch.Inputs.shape);
            Assert.Equal([3L, 1L], batch.Targets.shape);
            Assert.Equal([4f, 5f, 9f], batch.Targets.data<float>().ToArray());
        }
    }

    [Theory]
    [InlineData(WindowTarget.ManyToOne, 1)]
    [InlineData(WindowTarget.ManyToOne, 5)]
    [InlineData(WindowTarget.ManyToMany, 1)]
    [InlineData(WindowTarget.ManyToMany, 3)]
    public void NoSampleOfValidationOrTestIsInAnyTrainingWindow(WindowTarget kind, int horizon)
    {
        const int length = 200;
        var series = Steps(length);
        var split = series.SplitByTime(0.7, 0.15);
        Assert.Equal(140, split.ValidationStart);
        Assert.Equal(170, split.TestStart);
        var options = new WindowOptions { InputLength = 12, Horizon = horizon, Target = kind };

        void Check(TimeSeries part, int first, int end)
        {
            var data = new WindowDataset(part, ["c0"], ["c0"], options);
            Assert.True(data.Count > 0);
            var seen = new HashSet<float>();
            for (int i = 0; i < data.Count; i++)
            {
                var sample = data[i];
                foreach (float v in sample.Inputs.Concat(sample.Targets).Select(r => r[0]))
                {
                    Assert.InRange(v, first, end - 1); // the value is the step of the whole series
                    seen.Add(v);
                }
            }
            Assert.Equal(first, seen.Min());
            Assert.Equal(end - 1, seen.Max()); // windows reach the end of their part, and stop there
        }

        Check(split.Train, 0, split.ValidationStart);
        Check(split.Validation, split.ValidationStart, split.TestStart);
        Check(split.Test, split.TestStart, length);
    }

    [Fact]
    public void SplitByTimeIsContiguousAndKeepsDates()
    {
        var dates = Enumerable.Range(0, 10).Select(i => new DateTime(2020, 1, 1).AddDays(i)).ToArray();
        var series = new TimeSeries(["v"], [Enumerable.Range(0, 10).Select(i => (double)i).ToArray()], dates);
        var split = series.SplitByTime(0.6, 0.2);
        Assert.Equal([0.0, 1, 2, 3, 4, 5], split.Train.Column("v"));
        Assert.Equal([6.0, 7], split.Validation.Column("v"));
        Assert.Equal([8.0, 9], split.Test.Column("v"));
        Assert.Equal(new DateTime(2020, 1, 7), split.Validation.Dates![0]);
        Assert.Throws<ArgumentException>(() => series.SplitByTime(0.9, 0.2));
        Assert.Throws<ArgumentException>(() => series.SplitByTime(0, 0.2));
    }

    [Fact]
    public void MissingValuesAreRejectedWithTheirStep()
    {
        var series = new TimeSeries(["a"], [[1.0, double.NaN, 3.0]]);
        var e = Assert.Throws<DataException>(() => new WindowDataset(series, ["a"], ["a"], new WindowOptions { InputLength = 1 }));
        Assert.Contains("step 1", e.Message);
        Assert.Contains("Interpolate", e.Message);
    }

    [Fact]
    public void BadOptionsAreRejected()
    {
        var series = Steps(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowDataset(series, ["c0"], ["c0"], new WindowOptions { InputLength = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowDataset(series, ["c0"], ["c0"], new WindowOptions { InputLength = 2, Stride = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowDataset(series, ["c0"], ["c0"], new WindowOptions { InputLength = 2, Horizon = -1 }));
        var e = Assert.Throws<ArgumentException>(() => new WindowDataset(series, ["nope"], ["c0"], new WindowOptions { InputLength = 2 }));
        Assert.Contains("'nope'", e.Message);
        var data = new WindowDataset(series, ["c0"], ["c0"], new WindowOptions { InputLength = 2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => data[data.Count]);
    }
}
