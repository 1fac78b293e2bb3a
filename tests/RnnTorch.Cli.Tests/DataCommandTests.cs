namespace RnnTorch.Cli.Tests;

/// <summary>The console is process-wide: tests that capture it run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Console (serial)";
}

/// <summary><c>rnn-torch data list | info | get</c> through the program's entry point.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DataCommandTests
{
    private static (int Code, string Out, string Err) RnnTorch(params string[] args)
    {
        var entry = typeof(Compare).Assembly.EntryPoint ?? throw new InvalidOperationException("rnn-torch has no entry point.");
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int code = (int)entry.Invoke(null, [args])!;
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public void ListNamesEveryRegisteredDataset()
    {
        var (code, output, _) = RnnTorch("data", "list");
        Assert.Equal(0, code);
        foreach (var name in new[] { "sentiment", "word-language", "moby-dick", "spoken-digits", "speech-frames", "seattle-weather", "sp500" })
            Assert.Contains(name, output);
    }

    [Fact]
    public void InfoDescribesADataset()
    {
        var (code, output, _) = RnnTorch("data", "info", "seattle-weather");
        Assert.Equal(0, code);
        Assert.Contains("licence:", output);
        Assert.Contains("NOAA", output);
    }

    [Fact]
    public void GetLoadsTheEmbeddedDataset()
    {
        var (code, output, error) = RnnTorch("data", "get", "seattle-weather");
        Assert.True(code == 0, error);
        Assert.Contains("seattle-weather: ready", output);
    }

    [Theory]
    [InlineData("info", "no-such-data")]
    [InlineData("get", "no-such-data")]
    [InlineData("fetch", "sentiment")]
    public void BadUseIsAOneLineErrorWithExitCode2(string verb, string name)
    {
        var (code, _, error) = RnnTorch("data", verb, name);
        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
    }
}
