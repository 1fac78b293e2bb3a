using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace RnnTorch.Notebooks.Tests;

/// <summary>
/// Runs a notebook's C# code cells in order with Roslyn scripting, one continuing <see cref="ScriptState"/>, on one
/// dedicated thread under a time limit. <c>#r "relative/path.dll"</c> resolves against the notebook's directory (as in
/// Polyglot Notebooks); <c>#r "nuget: Name, Version"</c> resolves to Name.dll beside this test (no network);
/// the magics <c>#!csharp</c> and <c>#!time</c> are dropped. A failure names the notebook, the code cell and the error.
/// </summary>
internal static partial class NotebookRunner
{
    /// <summary>What .NET Interactive's C# kernel imports by default.</summary>
    private static readonly string[] Imports =
    {
        "System", "System.IO", "System.Linq", "System.Text", "System.Threading.Tasks", "System.Collections.Generic",
    };

    public static NotebookRun Run(NotebookDocument notebook, TimeSpan timeout)
    {
        var globals = new NotebookGlobals();
        var references = new List<string>();
        var times = new List<TimeSpan>();
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Execute(notebook, globals, references, times);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 256 * 1024 * 1024) { IsBackground = true, Name = "notebook " + notebook.Name };
        thread.Start();
        if (!thread.Join(timeout))
            throw new NotebookException($"{notebook.Name}: timed out after {timeout.TotalSeconds:0} s in code cell {globals.CurrentCell}.");
        if (failure is not null) throw failure;
        return new NotebookRun(notebook, globals.Outputs, references, times);
    }

    private static void Execute(NotebookDocument notebook, NotebookGlobals globals, List<string> references, List<TimeSpan> times)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        var options = ScriptOptions.Default
            .WithImports(Imports)
            .WithReferences(typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(NotebookGlobals).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory))
            .WithSourceResolver(new SourceFileResolver(Array.Empty<string>(), directory))
            .WithFilePath(notebook.Path)
            .WithEmitDebugInformation(false);
        ScriptState<object>? state = null;
        foreach (var cell in notebook.CodeCells)
        {
            globals.CurrentCell = cell.CodeNumber;
            if (cell.Language is not ("csharp" or ""))
                throw Fail(notebook, cell, $"the cell's language is '{cell.Language}', but the runner runs C# only");
            string code = Prepare(notebook, cell, directory, references);
            var clock = Stopwatch.StartNew();
            try
            {
                state = state is null
                    ? CSharpScript.RunAsync(code, options, globals, typeof(NotebookGlobals)).GetAwaiter().GetResult()
                    : state.ContinueWithAsync(code, options).GetAwaiter().GetResult();
            }
            catch (CompilationErrorException e)
            {
                throw Fail(notebook, cell, "does not compile:\n" + string.Join("\n", e.Diagnostics), e);
            }
            catch (Exception e)
            {
                throw Fail(notebook, cell, $"threw {e.GetType().FullName}: {e.Message}\n{e.StackTrace}", e);
            }
            times.Add(clock.Elapsed);
            if (state.Exception is { } thrown)
                throw Fail(notebook, cell, $"threw {thrown.GetType().FullName}: {thrown.Message}\n{thrown.StackTrace}", thrown);
            if (state.ReturnValue is { } value) globals.Record(value);
        }
    }

    /// <summary>Drops the supported magics and turns every #r into an absolute path that exists.</summary>
    private static string Prepare(NotebookDocument notebook, NotebookCell cell, string directory, List<string> references)
    {
        var text = new StringBuilder();
        foreach (var line in cell.Source.Replace("\r\n", "\n").Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                if (trimmed is "#!csharp" or "#!c#" or "#!time") { text.Append('\n'); continue; }
                throw Fail(notebook, cell, $"the magic command '{trimmed}' is not supported by the runner");
            }
            var match = ReferencePattern().Match(trimmed);
            if (match.Success)
            {
                string path = Resolve(notebook, cell, directory, match.Groups[1].Value);
                references.Add(path);
                text.Append("#r \"").Append(path).Append("\"\n");
                continue;
            }
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    private static string Resolve(NotebookDocument notebook, NotebookCell cell, string directory, string reference)
    {
        var nuget = NugetPattern().Match(reference);
        if (nuget.Success)
        {
            string local = Path.Combine(AppContext.BaseDirectory, nuget.Groups[1].Value + ".dll");
            if (!File.Exists(local))
                throw Fail(notebook, cell, $"#r \"{reference}\": the runner has no {nuget.Groups[1].Value}.dll beside it; add a PackageReference to the notebook tests' project");
            return local;
        }
        string path = Path.GetFullPath(Path.Combine(directory, reference));
        if (!File.Exists(path))
            throw Fail(notebook, cell, $"#r \"{reference}\": {path} does not exist; build first: dotnet build -c Release");
        return path;
    }

    private static NotebookException Fail(NotebookDocument notebook, NotebookCell cell, string what, Exception? inner = null) =>
        new($"{notebook.Name}.ipynb, code cell {cell.CodeNumber}: {what}", inner);

    [GeneratedRegex("^#r\\s+\"([^\"]+)\"\\s*$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("^nuget:\\s*([A-Za-z0-9_.\\-]+)\\s*(,.*)?$")]
    private static partial Regex NugetPattern();
}

/// <summary>The result of running a notebook: outputs, the assemblies its #r lines loaded, and each code cell's time.</summary>
internal sealed record NotebookRun(NotebookDocument Notebook, IReadOnlyList<NotebookOutput> Outputs, IReadOnlyList<string> References,
    IReadOnlyList<TimeSpan> CellTimes);

/// <summary>A notebook failed: the message names the notebook and the code cell.</summary>
public sealed class NotebookException(string message, Exception? inner = null) : Exception(message, inner);
