namespace RnnTorch.Cli.Tests;

/// <summary><c>rnn-torch data list | info | get</c> through the program's entry point.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DataCommandTests
{
    private static (int Code, string Out, string Err) RnnTorch(params string[] args) => CliRunner.Run(args);

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
