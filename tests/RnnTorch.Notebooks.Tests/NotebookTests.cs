using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace RnnTorch.Notebooks.Tests;

/// <summary>
/// Every notebook runs top to bottom (its last cells assert its result, so running is the test), its HTML and SVG
/// outputs are well-formed, the native shim comes from beside the RnnTorch.Torch.dll the notebook references, and the
/// saved notebooks carry no outputs. Executed copies with outputs are written to notebook-outputs/ beside this test.
/// </summary>
public sealed class NotebookTests(ITestOutputHelper log)
{
    /// <summary>The notebooks, one row each; <see cref="EveryNotebookHasARow"/> keeps this list complete.</summary>
    public static readonly string[] Names =
    {
        "01-rnn-from-scratch",
        "02-hand-rolled-vs-built-in",
        "03-character-language-model",
        "04-sentiment",
        "05-spoken-digits",
        "06-forecasting",
    };

    public static TheoryData<string> Rows() => new(Names);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("RNN_TORCH_NOTEBOOK_TIMEOUT_S"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 300);

    [Theory]
    [MemberData(nameof(Rows))]
    public void NotebookRunsAndItsAssertionsHold(string name)
    {
        var notebook = NotebookDocument.Load(NotebookFiles.PathOf(name));
        var run = NotebookRunner.Run(notebook, Timeout);
        for (int i = 0; i < run.CellTimes.Count; i++) log.WriteLine($"{name} code cell {i + 1}: {run.CellTimes[i].TotalSeconds:0.00} s");
        log.WriteLine("executed copy: " + ExecutedNotebook.Save(run, Path.Combine(AppContext.BaseDirectory, "notebook-outputs")));

        Assert.True(run.Outputs.Count > 0, $"{name}: displayed nothing");
        Assert.Contains(run.Outputs, o => o.Mime == "text/html" && new NotebookHtml(o.Text).SvgCount > 0);
        string? torch = run.References.FirstOrDefault(r => Path.GetFileName(r) == "RnnTorch.Torch.dll");
        Assert.True(torch is not null, $"{name}: no #r of RnnTorch.Torch.dll");
        string expected = Path.Combine(Path.GetDirectoryName(torch)!, "librnntorch_native.so");
        var loaded = NativeLibraries.Loaded("librnntorch_native.so");
        Assert.True(loaded.Count == 1 && loaded[0] == expected,
            $"{name}: expected the native shim from {expected}, but the process has mapped [{string.Join(", ", loaded)}]");
    }

    [Fact]
    public void EveryNotebookHasARow()
    {
        Assert.Equal(NotebookFiles.Names(), Names.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void NotebookIsSavedWithoutOutputsAsPolyglotCSharp(string name)
    {
        var notebook = NotebookDocument.Load(NotebookFiles.PathOf(name));
        Assert.Equal(4, (int?)notebook.Json["nbformat"]);
        Assert.Equal(".net-csharp", (string?)notebook.Json["metadata"]?["kernelspec"]?["name"]);
        Assert.Equal("polyglot-notebook", (string?)notebook.Json["metadata"]?["language_info"]?["name"]);
        Assert.Contains(notebook.Cells, c => c.Type == "markdown");
        Assert.NotEmpty(notebook.CodeCells);
        foreach (var cell in notebook.CodeCells)
        {
            Assert.True(cell.Language == "csharp", $"{name} code cell {cell.CodeNumber}: language '{cell.Language}', expected csharp");
            Assert.True(cell.Json["execution_count"] is null, $"{name} code cell {cell.CodeNumber}: saved with an execution_count");
            Assert.True(cell.Json["outputs"] is JsonArray { Count: 0 }, $"{name} code cell {cell.CodeNumber}: saved with outputs");
        }
        string first = notebook.CodeCells.First().Source;
        Assert.Contains("#r \"../src/Torch/bin/Release/net10.0/RnnTorch.Torch.dll\"", first);
        Assert.Contains(notebook.Cells.Where(c => c.Type == "markdown"), c => c.Source.Contains("dotnet build -c Release", StringComparison.Ordinal));
    }
}
