using RnnTorch.Data;

namespace RnnTorch.Data.Tests;

public sealed class TimeSeriesCsvTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rnn-torch-csv-" + Guid.NewGuid().ToString("N"));

    public TimeSeriesCsvTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string text)
    {
        string path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void LoadsNamedColumnsAndDates()
    {
        string path = Write("date,a,label,b\n2020-01-01,1.5,x,-2\n2020-01-02,2.5,y,3e2\n2020-01-04,-0.25,z,0\n");
        var series = TimeSeriesCsv.Load(path, new CsvLoadOptions { Columns = ["b", "a"] });

        Assert.Equal(["b", "a"], series.ColumnNames);
        Assert.Equal(3, series.Length);
        Assert.Equal([-2.0, 300.0, 0.0], series.Column("b"));
        Assert.Equal([1.5, 2.5, -0.25], series.Column("a"));
        Assert.Equal([new DateTime(2020, 1, 1), new DateTime(2020, 1, 2), new DateTime(2020, 1, 4)], series.Dates!);
    }

    [Fact]
    public void WithoutDateColumnLoadsEveryColumn()
    {
        var series = TimeSeriesCsv.Parse("x,y\n1,2\n3,4\n", new CsvLoadOptions { DateColumn = null });
        Assert.Equal(["x", "y"], series.ColumnNames);
        Assert.Null(series.Dates);
        Assert.Equal(4.0, series[1, "y"]);
    }

    [Fact]
    public void ParsesDatesOfAGivenFormatAndQuotedFields()
    {
        string text = "date,note,price\n\"Jan 1 2000\",\"up, then down\",1394.46\n\"Feb 1 2000\",\"said \"\"hi\"\"\",1366.42\n";
        var series = TimeSeriesCsv.Parse(text, new CsvLoadOptions { DateFormat = "MMM d yyyy", Columns = ["price"] });
        Assert.Equal([new DateTime(2000, 1, 1), new DateTime(2000, 2, 1)], series.Dates!);
        Assert.Equal([1394.46, 1366.42], series.Column("price"));

        var e = Assert.Throws<DataException>(() => TimeSeriesCsv.Parse("date,a\n2000-01-01,1\n", new CsvLoadOptions { DateFormat = "MMM d yyyy" }));
        Assert.Contains("line 2: '2000-01-01' in column 'date' is not a date of the form 'MMM d yyyy'", e.Message);
    }

    [Fact]
    public void NoColumnToLoadIsAnError()
    {
        var e = Assert.Throws<DataException>(() => TimeSeriesCsv.Parse("date\n2000-01-01\n"));
        Assert.Contains("no column to load", e.Message);
    }

    [Fact]
    public void MissingValuesAreNaNByDefault()
    {
        string path = Write("date,a,b\n2020-01-01,1,NA\n2020-01-02,,2\n2020-01-03,3,n/a\n2020-01-04,4,5\n");
        var series = TimeSeriesCsv.Load(path);
        Assert.Equal(1.0, series[0, "a"]);
        Assert.True(double.IsNaN(series[1, "a"]));
        Assert.True(double.IsNaN(series[0, "b"]));
        Assert.True(double.IsNaN(series[2, "b"]));
        Assert.Equal(5.0, series[3, "b"]);
    }

    [Fact]
    public void InterpolatesMissingValuesLinearlyAndHoldsTheEnds()
    {
        // a: 1, _, _, 7 -> 1, 3, 5, 7; b: _, 2, _, NA -> 2, 2, 2, 2 (ends take the nearest value)
        string path = Write("date,a,b\n2020-01-01,1,\n2020-01-02,,2\n2020-01-03,NA,\n2020-01-04,7,NA\n");
        var series = TimeSeriesCsv.Load(path, new CsvLoadOptions { Missing = MissingValuePolicy.Interpolate });
        Assert.Equal([1.0, 3.0, 5.0, 7.0], series.Column("a"));
        Assert.Equal([2.0, 2.0, 2.0, 2.0], series.Column("b"));
    }

    [Fact]
    public void DropRowRemovesRowsWithMissingValues()
    {
        string path = Write("date,a\n2020-01-01,1\n2020-01-02,NA\n2020-01-03,3\n");
        var result = TimeSeriesCsv.ReadFile(path, new CsvLoadOptions { Missing = MissingValuePolicy.DropRow });
        Assert.Equal([1.0, 3.0], result.Series.Column("a"));
        Assert.Equal([new DateTime(2020, 1, 1), new DateTime(2020, 1, 3)], result.Series.Dates!);
        Assert.Equal(1, result.DroppedRows);
    }

    [Fact]
    public void ErrorPolicyNamesTheLineAndColumnOfAMissingValue()
    {
        string path = Write("date,a,b\n2020-01-01,1,2\n2020-01-02,3,\n");
        var e = Assert.Throws<DataException>(() => TimeSeriesCsv.Load(path, new CsvLoadOptions { Missing = MissingValuePolicy.Error }));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("'b'", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void BadRowsAreReportedWithTheirLineNumbers()
    {
        string path = Write(
            "date,a,b\n" +            // line 1
            "2020-01-01,1,2\n" +      // line 2
            "2020-01-02,1\n" +        // line 3: too few fields
            "2020-01-03,abc,2\n" +    // line 4: not a number
            "\n" +                    // line 5: empty, skipped
            "2020-13-45,1,2\n" +      // line 6: not a date
            "2020-01-06,1,2,9\n" +    // line 7: too many fields
            "2020-01-07,1,2\n");      // line 8: fine
        var e = Assert.Throws<DataException>(() => TimeSeriesCsv.Load(path));
        Assert.Contains("4 bad rows", e.Message);
        Assert.Contains("line 3: expected 3 fields as in the header but found 2", e.Message);
        Assert.Contains("line 4: 'abc' in column 'a' is not a number", e.Message);
        Assert.Contains("line 6: '2020-13-45' in column 'date' is not a date", e.Message);
        Assert.Contains("line 7: expected 3 fields as in the header but found 4", e.Message);
        Assert.DoesNotContain("line 2:", e.Message);
        Assert.DoesNotContain("line 8:", e.Message);
    }

    [Fact]
    public void SkipBadRowsKeepsTheGoodOnesAndReportsTheRest()
    {
        string path = Write("date,a\n2020-01-01,1\n2020-01-02,x\n2020-01-01,5\n2020-01-04,4\n");
        var result = TimeSeriesCsv.ReadFile(path, new CsvLoadOptions { SkipBadRows = true });
        Assert.Equal([1.0, 4.0], result.Series.Column("a"));
        Assert.Equal([3L, 4L], result.SkippedRows.Select(r => r.LineNumber));
        Assert.Contains("not a number", result.SkippedRows[0].Reason);
        Assert.Contains("time order", result.SkippedRows[1].Reason);
    }

    [Fact]
    public void DatesOutOfOrderAreBadRows()
    {
        var e = Assert.Throws<DataException>(() => TimeSeriesCsv.Parse("date,a\n2020-01-02,1\n2020-01-01,2\n"));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("time order", e.Message);
    }

    [Fact]
    public void AMissingColumnIsNamedWithTheHeader()
    {
        var e = Assert.Throws<DataException>(() => TimeSeriesCsv.Parse("date,a\n2020-01-01,1\n", new CsvLoadOptions { Columns = ["temp"] }));
        Assert.Contains("'temp'", e.Message);
        Assert.Contains("'date', 'a'", e.Message);

        var noDate = Assert.Throws<DataException>(() => TimeSeriesCsv.Parse("day,a\n1,1\n"));
        Assert.Contains("date column 'date'", noDate.Message);
    }

    [Fact]
    public void AMissingFileIsADataException()
    {
        var e = Assert.Throws<DataException>(() => TimeSeriesCsv.Load(Path.Combine(_directory, "none.csv")));
        Assert.Contains("none.csv", e.Message);
    }
}
