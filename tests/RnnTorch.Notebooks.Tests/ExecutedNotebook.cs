using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnTorch.Notebooks.Tests;

/// <summary>Writes a copy of a notebook with the outputs of a run (the saved notebooks themselves stay output-free).</summary>
internal static class ExecutedNotebook
{
    public static string Save(NotebookRun run, string directory)
    {
        var json = JsonNode.Parse(run.Notebook.Json.ToJsonString())!.AsObject();
        var cells = json["cells"]!.AsArray();
        int code = 0;
        foreach (var node in cells)
        {
            var cell = node!.AsObject();
            if ((string?)cell["cell_type"] != "code") continue;
            code++;
            cell["execution_count"] = code;
            var outputs = new JsonArray();
            foreach (var output in run.Outputs.Where(o => o.Cell == code))
            {
                outputs.Add(new JsonObject
                {
                    ["output_type"] = "display_data",
                    ["data"] = new JsonObject { [output.Mime] = output.Text },
                    ["metadata"] = new JsonObject(),
                });
            }
            cell["outputs"] = outputs;
        }
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, run.Notebook.Name + ".ipynb");
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
