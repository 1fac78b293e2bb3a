using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RnnTorch.Training.Tests;

/// <summary>metrics.csv / metrics.jsonl / report.md: layout, round trips in a comma-decimal culture, flushing.</summary>
public sealed class RunLoggerTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "rnn-torch-runlogger-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    /// <summary>Reads a file that another handle still has open for writing.</summary>
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>An independent RFC 4180 reader for records without embedded line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            var cells = new List<string>();
            int i = 0;
            while (true)
            {
                var cell = new StringBuilder();
                if (i < line.Length && line[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i += 2; }
                        else if (line[i] == '"') { i++; break; }
                        else cell.Append(line[i++]);
                    }
                }
                else
                {
                    while (i < line.Length && line[i] != ',') cell.Append(line[i++]);
                }
                cells.Add(cell.ToString());
                if (i >= line.Length) break;
                Assert.Equal(',', line[i]);
                i++;
            }
            rows.Add(cells.ToArray());
        }
        return rows;
    }

    /// <summary>A culture whose decimal separator is a comma (de-DE where cultures exist; an equivalent clone otherwise).</summary>
    private static CultureInfo CommaCulture()
    {
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo("de-DE");
        }
        catch (CultureNotFoundException)
        {
            culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        }
        if (culture.NumberFormat.NumberDecimalSeparator != ",")
        {
            culture = (CultureInfo)culture.Clone();
            culture.NumberFormat.NumberDecimalSeparator = ",";
            culture.NumberFormat.NumberGroupSeparator = ".";
        }
        Assert.Equal("0,5", 0.5.ToString(culture)); // the test is meaningful only if the culture really differs
        return culture;
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void CsvHasOneRowPerCallAndAHeaderNamingEveryColumn()
    {
        using (var log = new RunLogger(dir))
        {
            log.WriteRow(10, 1, "train", new Dictionary<string, double> { ["loss"] = 0.5, ["lr"] = 0.001 });
            log.WriteRow(20, 1, "train", new Dictionary<string, double> { ["loss"] = 0.25, ["lr"] = 0.001 });
            log.WriteRow(20, 1, "epoch", new Dictionary<string, double> { ["train_loss"] = 0.375, ["val_accuracy"] = 0.75 });
            Assert.Equal(new[] { "step", "epoch", "phase", "loss", "lr", "train_loss", "val_accuracy" }, log.Columns);
        }
        var rows = ParseCsv(File.ReadAllText(Path.Combine(dir, "metrics.csv")));
        Assert.Equal(4, rows.Count);
        Assert.Equal(new[] { "step", "epoch", "phase", "loss", "lr", "train_loss", "val_accuracy" }, rows[0]);
        Assert.Equal(new[] { "10", "1", "train", "0.5", "0.001", "", "" }, rows[1]);
        Assert.Equal(new[] { "20", "1", "train", "0.25", "0.001", "", "" }, rows[2]);
        Assert.Equal(new[] { "20", "1", "epoch", "", "", "0.375", "0.75" }, rows[3]);
    }

    [Fact]
    public void ColumnsGivenAtConstructionFormTheHeaderFromTheStart()
    {
        using var log = new RunLogger(dir, new[] { "step", "epoch", "phase", "loss", "val_loss" });
        Assert.Equal("step,epoch,phase,loss,val_loss\n", ReadShared(Path.Combine(dir, "metrics.csv")));
        log.WriteRow(3, 2, "val", new Dictionary<string, double> { ["val_loss"] = 2 });
        Assert.Equal("step,epoch,phase,loss,val_loss\n3,2,val,,2\n", ReadShared(Path.Combine(dir, "metrics.csv")));
        Assert.Throws<ArgumentException>(() => new RunLogger(Path.Combine(dir, "x"), new[] { "loss", "loss" }));
        Assert.Throws<ArgumentException>(() => new RunLogger(Path.Combine(dir, "y"), new[] { "loss", "step" }));
    }

    [Fact]
    public void ValuesRoundTripInACommaDecimalCulture()
    {
        var values = new[] { 0.1, 1.0 / 3, -2.5e-300, 123456789.123456789, double.Epsilon, 1e21, double.NaN, double.PositiveInfinity, double.NegativeInfinity };
        var culture = CommaCulture();
        WithCulture(culture, () =>
        {
            using var log = new RunLogger(dir);
            var row = new Dictionary<string, double>();
            for (int i = 0; i < values.Length; i++) row["m" + i] = values[i];
            log.WriteRow(7, 3, "train,quoted \"phase\"", row);
            return 0;
        });

        var csv = ParseCsv(File.ReadAllText(Path.Combine(dir, "metrics.csv")));
        Assert.Equal(2, csv.Count);
        Assert.Equal("train,quoted \"phase\"", csv[1][2]);
        for (int i = 0; i < values.Length; i++)
        {
            string cell = csv[1][3 + i];
            Assert.DoesNotContain(",", cell);
            Assert.Equal(values[i], double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        var lines = File.ReadAllText(Path.Combine(dir, "metrics.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        using var doc = JsonDocument.Parse(lines[0]);
        var root = doc.RootElement;
        Assert.Equal(7, root.GetProperty("step").GetInt64());
        Assert.Equal(3, root.GetProperty("epoch").GetInt32());
        Assert.Equal("train,quoted \"phase\"", root.GetProperty("phase").GetString());
        for (int i = 0; i < values.Length; i++)
        {
            var e = root.GetProperty("m" + i);
            double back = e.ValueKind == JsonValueKind.Number
                ? e.GetDouble()
                : double.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.Equal(double.IsFinite(values[i]) ? JsonValueKind.Number : JsonValueKind.String, e.ValueKind);
            Assert.Equal(values[i], back);
        }

        // and System.Text.Json's own reader for named literals accepts the whole object
        var options = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
        var parsed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(lines[0], options)!;
        Assert.Equal(double.NegativeInfinity, parsed["m8"].Deserialize<double>(options));
    }

    [Fact]
    public void RowsAreOnDiskRightAfterEachCall()
    {
        using var log = new RunLogger(dir);
        for (int i = 1; i <= 3; i++)
        {
            log.WriteRow(i, 1, "train", new Dictionary<string, double> { ["loss"] = 1.0 / i });
            var csv = ParseCsv(ReadShared(log.CsvPath));
            Assert.Equal(i + 1, csv.Count);
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), csv[^1][0]);
            var jsonl = ReadShared(log.JsonlPath).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(i, jsonl.Length);
            using var doc = JsonDocument.Parse(jsonl[^1]);
            Assert.Equal(1.0 / i, doc.RootElement.GetProperty("loss").GetDouble());
        }
        // a new key widens the header of the file on disk at once, earlier rows padded
        log.WriteRow(4, 1, "epoch", new Dictionary<string, double> { ["val_loss"] = 0.5 });
        var wide = ParseCsv(ReadShared(log.CsvPath));
        Assert.Equal(new[] { "step", "epoch", "phase", "loss", "val_loss" }, wide[0]);
        Assert.All(wide, r => Assert.Equal(5, r.Length));
        Assert.Equal(new[] { "4", "1", "epoch", "", "0.5" }, wide[^1]);
    }

    [Fact]
    public void AppendKeepsEarlierRowsAndTheHeader()
    {
        using (var log = new RunLogger(dir))
            log.WriteRow(1, 1, "train", new Dictionary<string, double> { ["loss"] = 3 });
        using (var log = new RunLogger(dir, append: true))
        {
            Assert.Equal(new[] { "step", "epoch", "phase", "loss" }, log.Columns);
            log.WriteRow(2, 1, "train", new Dictionary<string, double> { ["loss"] = 2, ["lr"] = 0.1 });
        }
        var rows = ParseCsv(File.ReadAllText(Path.Combine(dir, "metrics.csv")));
        Assert.Equal(3, rows.Count);
        Assert.Equal(new[] { "1", "1", "train", "3", "" }, rows[1]);
        Assert.Equal(new[] { "2", "1", "train", "2", "0.1" }, rows[2]);
        Assert.Equal(2, File.ReadAllText(Path.Combine(dir, "metrics.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        using (new RunLogger(dir)) { }
        Assert.Single(ParseCsv(File.ReadAllText(Path.Combine(dir, "metrics.csv")))); // without append: a fresh file
    }

    [Fact]
    public void BadRowsAreRejectedAndDisposedLoggersRefuseRows()
    {
        var log = new RunLogger(dir);
        Assert.Throws<ArgumentException>(() => log.WriteRow(1, 1, "train", new Dictionary<string, double> { ["step"] = 1 }));
        Assert.Throws<ArgumentException>(() => log.WriteRow(1, 1, "a\nb", new Dictionary<string, double>()));
        Assert.Throws<ArgumentException>(() => log.WriteRow(1, 1, "train", new Dictionary<string, double> { ["x\ny"] = 1 }));
        Assert.Single(ParseCsv(ReadShared(log.CsvPath))); // nothing half-written
        log.Dispose();
        Assert.Throws<ObjectDisposedException>(() => log.WriteRow(1, 1, "train", new Dictionary<string, double>()));
    }

    [Fact]
    public void ReportHoldsTheFinalMetricsTheConfusionMatrixAndTheConfig()
    {
        var config = new TrainingConfig { Epochs = 7, BatchSize = 3 };
        var final = new Dictionary<string, double> { ["val_loss"] = 0.125, ["val_accuracy"] = 0.75 };
        var cm = new ConfusionMatrix(2);
        cm.Add(0, 0);
        cm.Add(1, 0);
        var culture = CommaCulture();
        using (var log = new RunLogger(dir))
            WithCulture(culture, () => { log.WriteReport(final, config, "test run", cm, new[] { "no", "yes" }); return 0; });

        string md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.StartsWith("# test run\n", md);
        Assert.Contains("| metric | value |\n|---|---:|\n| val_loss | 0.125 |\n| val_accuracy | 0.75 |\n", md);
        Assert.Contains("| no | 1 | 0 |\n| yes | 1 | 0 |\n", md);
        int start = md.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        int end = md.IndexOf("\n```", start, StringComparison.Ordinal);
        Assert.True(start > 8 && end > start);
        var back = TrainingConfig.FromJson(md[start..end]);
        Assert.Equal(7, back.Epochs);
        Assert.Equal(3, back.BatchSize);
        Assert.False(File.Exists(Path.Combine(dir, "report.md.tmp")));
    }
}
