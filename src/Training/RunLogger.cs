using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RnnTorch.Training;

/// <summary>
/// Writes a run's metrics to <c>metrics.csv</c> and <c>metrics.jsonl</c> in the run directory, one row per
/// <see cref="WriteRow"/> call, flushed to the operating system at once (a crash of the process loses nothing
/// written; no fsync per row), and the final summary to <c>report.md</c>. Numbers are written with the invariant
/// culture in their shortest round-trip form; NaN and infinities as <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>
/// (in JSON as those strings, which System.Text.Json reads with <c>JsonNumberHandling.AllowNamedFloatingPointLiterals</c>).
/// Thread-safe.
/// </summary>
/// <remarks>
/// The CSV header is <c>step,epoch,phase</c> followed by the metric columns: those given at construction, then every
/// new key in the order it first appears in a row. When a row brings a new key, the file is rewritten once with the
/// wider header (earlier rows get empty cells there), so the header always names every column; a metric missing from a
/// row is an empty cell. Cells are quoted (RFC 4180) when they hold a comma or a quote. The JSONL file holds one object
/// per row: <c>step</c>, <c>epoch</c>, <c>phase</c>, then the row's metrics in their enumeration order (no padding).
/// Column names and phases must not contain line breaks, so every record is one line.
/// </remarks>
public sealed class RunLogger : IDisposable
{
    /// <summary>The CSV file's name in the run directory.</summary>
    public const string CsvFileName = "metrics.csv";

    /// <summary>The JSON Lines file's name in the run directory.</summary>
    public const string JsonlFileName = "metrics.jsonl";

    /// <summary>The report's file name in the run directory.</summary>
    public const string ReportFileName = "report.md";

    private static readonly string[] Fixed = { "step", "epoch", "phase" };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly object gate = new();
    private readonly List<string> columns = new();
    private readonly HashSet<string> known = new(StringComparer.Ordinal);
    private readonly FileStream jsonl;
    private StreamWriter csv;
    private bool disposed;

    /// <summary>
    /// Opens (creates) <paramref name="runDirectory"/> and its log files. <paramref name="metricColumns"/> fixes the first
    /// metric columns of the CSV header (a leading <c>step, epoch, phase</c> in it is accepted and skipped); more are added
    /// as rows bring them. Existing files are replaced, unless <paramref name="append"/> is true (resuming a run): then
    /// rows are added after the existing ones, and the existing CSV header's columns come first.
    /// </summary>
    /// <exception cref="ArgumentException">A column name is empty, repeated, reserved (<c>step</c>, <c>epoch</c>,
    /// <c>phase</c> elsewhere than at the start) or holds a line break; or, when appending, the existing CSV does not
    /// start with <c>step,epoch,phase</c>.</exception>
    public RunLogger(string runDirectory, IEnumerable<string>? metricColumns = null, bool append = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        RunDirectory = Path.GetFullPath(runDirectory);
        Directory.CreateDirectory(RunDirectory);
        CsvPath = Path.Combine(RunDirectory, CsvFileName);
        JsonlPath = Path.Combine(RunDirectory, JsonlFileName);
        ReportPath = Path.Combine(RunDirectory, ReportFileName);

        var requested = metricColumns?.ToList() ?? new List<string>();
        if (requested.Count >= 3 && requested.Take(3).SequenceEqual(Fixed, StringComparer.Ordinal)) requested.RemoveRange(0, 3);
        foreach (var c in requested)
        {
            CheckName(c, nameof(metricColumns));
            if (!known.Add(c)) throw new ArgumentException($"{nameof(metricColumns)} names column '{c}' twice.", nameof(metricColumns));
        }

        bool resume = append && File.Exists(CsvPath) && new FileInfo(CsvPath).Length > 0;
        if (resume)
        {
            string header = File.ReadLines(CsvPath).First();
            var existing = ParseCsvLine(header);
            if (existing.Count < 3 || !existing.Take(3).SequenceEqual(Fixed, StringComparer.Ordinal))
                throw new ArgumentException($"cannot append to {CsvPath}: its header '{header}' does not start with step,epoch,phase.", nameof(append));
            columns.AddRange(existing.Skip(3));
            var existingSet = new HashSet<string>(columns, StringComparer.Ordinal);
            columns.AddRange(requested.Where(c => !existingSet.Contains(c)));
            known.UnionWith(columns);
            if (columns.Count > existing.Count - 3) RewriteCsv(existing.Count - 3);
            csv = OpenCsv(FileMode.Append);
        }
        else
        {
            columns.AddRange(requested);
            csv = OpenCsv(FileMode.Create);
            csv.Write(HeaderLine());
            csv.Flush();
        }
        try
        {
            jsonl = new FileStream(JsonlPath, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>The run directory (absolute).</summary>
    public string RunDirectory { get; }

    /// <summary>The path of <c>metrics.csv</c>.</summary>
    public string CsvPath { get; }

    /// <summary>The path of <c>metrics.jsonl</c>.</summary>
    public string JsonlPath { get; }

    /// <summary>The path of <c>report.md</c>.</summary>
    public string ReportPath { get; }

    /// <summary>The CSV header as it stands: <c>step</c>, <c>epoch</c>, <c>phase</c>, then the metric columns.</summary>
    public IReadOnlyList<string> Columns
    {
        get
        {
            lock (gate) return Fixed.Concat(columns).ToArray();
        }
    }

    /// <summary>
    /// Appends one row to both files and flushes them: the global optimizer step, the epoch, the phase (e.g.
    /// <c>"train"</c>, <c>"epoch"</c>, <c>"val"</c>) and the metrics (keys not yet in the header widen it).
    /// </summary>
    /// <exception cref="ArgumentException">A key is reserved (<c>step</c>, <c>epoch</c>, <c>phase</c>), empty or holds a
    /// line break, or <paramref name="phase"/> holds a line break.</exception>
    /// <exception cref="ObjectDisposedException">The logger was disposed.</exception>
    public void WriteRow(long step, int epoch, string phase, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(metrics);
        if (phase.AsSpan().IndexOfAny('\r', '\n') >= 0)
            throw new ArgumentException($"{nameof(phase)} must not contain a line break, but was '{phase}'.", nameof(phase));
        foreach (var key in metrics.Keys) CheckName(key, nameof(metrics));

        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            int before = columns.Count;
            foreach (var key in metrics.Keys)
            {
                if (known.Add(key)) columns.Add(key);
            }
            if (columns.Count > before)
            {
                csv.Dispose();
                RewriteCsv(before);
                csv = OpenCsv(FileMode.Append);
            }

            var line = new StringBuilder();
            line.Append(step.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(epoch.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(QuoteCsv(phase));
            foreach (var c in columns)
            {
                line.Append(',');
                if (metrics.TryGetValue(c, out double v)) line.Append(FormatNumber(v));
            }
            line.Append('\n');
            csv.Write(line.ToString());
            csv.Flush();

            var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteNumber("step", step);
                json.WriteNumber("epoch", epoch);
                json.WriteString("phase", phase);
                foreach (var (key, value) in metrics)
                {
                    if (double.IsFinite(value)) json.WriteNumber(key, value);
                    else json.WriteString(key, FormatNumber(value));
                }
                json.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
            jsonl.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            jsonl.Flush();
        }
    }

    /// <summary>
    /// Writes <c>report.md</c> (replacing it atomically): the title, a table of the <paramref name="final"/> metrics, the
    /// confusion matrix when given (rows: targets, columns: predictions; <paramref name="classLabels"/> name the
    /// classes), and the configuration as JSON. Works after <see cref="Dispose"/> too.
    /// </summary>
    public void WriteReport(IReadOnlyDictionary<string, double> final, TrainingConfig config, string title,
        ConfusionMatrix? confusion = null, IReadOnlyList<string>? classLabels = null)
    {
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(title);
        var md = new StringBuilder();
        md.Append("# ").Append(title.ReplaceLineEndings(" ")).Append("\n\n");
        md.Append("Written ").Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(" UTC.\n\n");
        md.Append("## Final metrics\n\n");
        if (final.Count == 0) md.Append("(none)\n\n");
        else
        {
            md.Append("| metric | value |\n|---|---:|\n");
            foreach (var (key, value) in final)
                md.Append("| ").Append(ConfusionMatrix.EscapeMarkdown(key)).Append(" | ").Append(FormatReportNumber(value)).Append(" |\n");
            md.Append('\n');
        }
        if (confusion is not null)
        {
            md.Append("## Confusion matrix\n\nRows are targets, columns are predictions.\n\n");
            md.Append(confusion.ToMarkdown(classLabels)).Append('\n');
        }
        md.Append("## Configuration\n\n```json\n").Append(config.ToJson().TrimEnd()).Append("\n```\n");

        lock (gate)
        {
            string temp = ReportPath + ".tmp";
            File.WriteAllText(temp, md.ToString(), Utf8);
            File.Move(temp, ReportPath, overwrite: true);
        }
    }

    /// <summary>Flushes and closes the log files; later <see cref="WriteRow"/> calls throw.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            csv.Dispose();
            jsonl.Dispose();
        }
    }

    /// <summary>Splits one CSV record (no line breaks inside) into its cells, undoing RFC 4180 quoting.</summary>
    internal static List<string> ParseCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else quoted = false;
                }
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    private StreamWriter OpenCsv(FileMode mode) =>
        new(new FileStream(CsvPath, mode, FileAccess.Write, FileShare.Read), Utf8) { NewLine = "\n" };

    private string HeaderLine() => string.Join(",", Fixed.Concat(columns).Select(QuoteCsv)) + "\n";

    /// <summary>Rewrites metrics.csv with the current header; its data rows had <paramref name="oldColumns"/> metric columns.</summary>
    private void RewriteCsv(int oldColumns)
    {
        string padding = new(',', columns.Count - oldColumns);
        string temp = CsvPath + ".tmp";
        using (var writer = new StreamWriter(new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None), Utf8))
        {
            writer.Write(HeaderLine());
            if (File.Exists(CsvPath))
            {
                bool header = true;
                foreach (var line in File.ReadLines(CsvPath, Utf8))
                {
                    if (header)
                    {
                        header = false;
                        continue;
                    }
                    if (line.Length == 0) continue;
                    writer.Write(line);
                    writer.Write(padding);
                    writer.Write('\n');
                }
            }
        }
        File.Move(temp, CsvPath, overwrite: true);
    }

    private static void CheckName(string? name, string argument)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException($"{argument} holds an empty column name.", argument);
        if (Array.IndexOf(Fixed, name) >= 0)
            throw new ArgumentException($"{argument} holds the reserved column name '{name}' (step, epoch and phase are written by the logger).", argument);
        if (name.AsSpan().IndexOfAny('\r', '\n') >= 0)
            throw new ArgumentException($"{argument} holds a column name with a line break: '{name}'.", argument);
    }

    private static string QuoteCsv(string cell) =>
        cell.AsSpan().IndexOfAny(',', '"') >= 0 || cell.StartsWith(' ') || cell.EndsWith(' ')
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;

    internal static string FormatNumber(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static string FormatReportNumber(double value) =>
        double.IsFinite(value) ? value.ToString("G6", CultureInfo.InvariantCulture) : FormatNumber(value);
}
