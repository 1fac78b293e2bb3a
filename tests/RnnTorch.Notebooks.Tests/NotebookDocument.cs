using System.Text.Json.Nodes;

namespace RnnTorch.Notebooks.Tests;

/// <summary>A parsed .ipynb: its JSON and its cells in order.</summary>
internal sealed class NotebookDocument
{
    private NotebookDocument(string path, JsonObject json, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        Json = json;
        Cells = cells;
    }

    public string Path { get; }
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
    public JsonObject Json { get; }
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The C# code cells in order (what the runner executes).</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.IsCode);

    public static NotebookDocument Load(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
                   ?? throw new InvalidDataException($"{path}: not a JSON object.");
        var cells = json["cells"]?.AsArray() ?? throw new InvalidDataException($"{path}: no \"cells\" array.");
        var list = new List<NotebookCell>();
        int code = 0;
        foreach (var node in cells)
        {
            var cell = node!.AsObject();
            string type = (string?)cell["cell_type"] ?? throw new InvalidDataException($"{path}: a cell has no cell_type.");
            string language = (string?)cell["metadata"]?["dotnet_interactive"]?["language"]
                              ?? (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"] ?? "";
            bool isCode = type == "code";
            list.Add(new NotebookCell(cell, type, language, Source(cell["source"]), isCode ? ++code : 0));
        }
        return new NotebookDocument(path, json, list);
    }

    /// <summary>nbformat allows the source as one string or as a list of lines.</summary>
    private static string Source(JsonNode? source) => source switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l ?? "")),
        _ => (string?)source ?? "",
    };
}

/// <summary>One cell: its JSON, type ("code", "markdown"), kernel language, source, and number among code cells (1-based; 0 otherwise).</summary>
internal sealed record NotebookCell(JsonObject Json, string Type, string Language, string Source, int CodeNumber)
{
    public bool IsCode => Type == "code";
}
