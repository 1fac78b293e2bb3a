using System.Text.Json.Nodes;

namespace RnnTorch.Notebooks.Tests;

/// <summary>The runner itself, on small notebooks written at test time (no libraries loaded).</summary>
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("rnn-torch-nb-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private NotebookDocument Write(string name, params (string type, string source)[] cells)
    {
        var array = new JsonArray();
        foreach (var (type, source) in cells)
        {
            var cell = new JsonObject { ["cell_type"] = type, ["metadata"] = new JsonObject(), ["source"] = source };
            if (type == "code")
            {
                cell["metadata"] = new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" } };
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
            }
            array.Add(cell);
        }
        string path = Path.Combine(directory, name + ".ipynb");
        File.WriteAllText(path, new JsonObject { ["cells"] = array, ["nbformat"] = 4 }.ToJsonString());
        return NotebookDocument.Load(path);
    }

    [Fact]
    public void StateCarriesAcrossCellsAndOutputsAreRecordedPerCell()
    {
        var notebook = Write("ok",
            ("markdown", "# title"),
            ("code", "#!csharp\nint a = 20;\ndisplay(a + 1);"),
            ("code", "#!time\nvar svg = \"<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>\";\ndisplay(HTML(svg));\na * 2"));
        var run = NotebookRunner.Run(notebook, TimeSpan.FromSeconds(120));
        Assert.Equal(new[] { new NotebookOutput(1, "text/plain", "21"), new NotebookOutput(2, "text/html", "<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>"),
            new NotebookOutput(2, "text/plain", "40") }, run.Outputs);
    }

    [Fact]
    public void AThrowingCellIsNamedWithTheNotebookAndItsCodeCellNumber()
    {
        var notebook = Write("broken", ("code", "int a = 1;"), ("markdown", "text"), ("code", "throw new InvalidOperationException(\"claim failed: 0.3 < 0.5\");"));
        var e = Assert.Throws<NotebookException>(() => NotebookRunner.Run(notebook, TimeSpan.FromSeconds(120)));
        Assert.Contains("broken.ipynb, code cell 2", e.Message);
        Assert.Contains("claim failed: 0.3 < 0.5", e.Message);
    }

    [Fact]
    public void CompileErrorsMalformedSvgMissingReferencesAndTimeoutsFail()
    {
        var compile = Write("typo", ("code", "int a = ;"));
        Assert.Contains("typo.ipynb, code cell 1: does not compile", Assert.Throws<NotebookException>(() => NotebookRunner.Run(compile, TimeSpan.FromSeconds(120))).Message);
        var svg = Write("svg", ("code", "display(HTML(\"<svg><g></svg>\"));"));
        Assert.Contains("not well-formed", Assert.Throws<NotebookException>(() => NotebookRunner.Run(svg, TimeSpan.FromSeconds(120))).Message);
        var missing = Write("missing", ("code", "#r \"../nowhere/Nothing.dll\"\nint a = 1;"));
        Assert.Contains("dotnet build -c Release", Assert.Throws<NotebookException>(() => NotebookRunner.Run(missing, TimeSpan.FromSeconds(120))).Message);
        var slow = Write("slow", ("code", "int a = 1;"), ("code", "System.Threading.Thread.Sleep(30000);"));
        Assert.Contains("timed out", Assert.Throws<NotebookException>(() => NotebookRunner.Run(slow, TimeSpan.FromSeconds(8))).Message);
    }
}
