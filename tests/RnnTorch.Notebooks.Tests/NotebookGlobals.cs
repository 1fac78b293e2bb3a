using System.Collections;
using System.Globalization;
using System.Xml.Linq;

namespace RnnTorch.Notebooks.Tests;

/// <summary>
/// What a notebook's code sees besides its own definitions: <c>display(value)</c> and <c>HTML(markup)</c>, the two helpers
/// the .NET Interactive C# kernel offers. Every displayed value is recorded with the code cell that displayed it; HTML
/// (tables, SVG charts) must be well-formed XML, checked when it is made.
/// </summary>
public sealed class NotebookGlobals
{
    private readonly List<NotebookOutput> outputs = new();

    /// <summary>The 1-based number (among code cells) of the cell now running.</summary>
    public int CurrentCell { get; internal set; }

    /// <summary>Everything displayed so far, in order.</summary>
    public IReadOnlyList<NotebookOutput> Outputs => outputs;

    /// <summary>Shows <paramref name="value"/> below the cell (as .NET Interactive's <c>display</c>) and returns it.</summary>
    public object? display(object? value)
    {
        Record(value);
        return value;
    }

    /// <summary>Markup to be shown as HTML (as .NET Interactive's <c>HTML</c>); throws when it is not well-formed.</summary>
    public NotebookHtml HTML(string html) => new(html);

    /// <summary>Records a value (also a cell's final expression, as a notebook shows it).</summary>
    internal void Record(object? value)
    {
        if (value is NotebookHtml html) outputs.Add(new NotebookOutput(CurrentCell, "text/html", html.Markup));
        else outputs.Add(new NotebookOutput(CurrentCell, "text/plain", Plain(value)));
    }

    private static string Plain(object? value) => value switch
    {
        null => "null",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Plain)) + "]",
        _ => value.ToString() ?? "",
    };
}

/// <summary>One displayed value: which code cell, its MIME type and text.</summary>
public sealed record NotebookOutput(int Cell, string Mime, string Text);

/// <summary>HTML markup checked to be a well-formed XML fragment (so every SVG chart parses).</summary>
public sealed class NotebookHtml
{
    /// <summary>Checks and wraps <paramref name="markup"/>.</summary>
    public NotebookHtml(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        try
        {
            var root = XElement.Parse("<fragment>" + markup + "</fragment>");
            SvgCount = root.Descendants().Count(e => e.Name.LocalName == "svg");
        }
        catch (System.Xml.XmlException e)
        {
            string head = markup.Length > 120 ? markup[..120] + "…" : markup;
            throw new ArgumentException($"HTML: the markup is not well-formed XML ({e.Message}): {head}", nameof(markup), e);
        }
        Markup = markup;
    }

    /// <summary>The markup.</summary>
    public string Markup { get; }

    /// <summary>How many &lt;svg&gt; elements it holds.</summary>
    public int SvgCount { get; }

    /// <inheritdoc/>
    public override string ToString() => Markup;
}
