namespace RnnTorch.Cli.Tests;

/// <summary>Every verb's --help, and the four kinds of bad argument: one line on stderr naming the value, exit code 2.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HelpAndErrorTests
{
    [Theory]
    [InlineData(new[] { "--help" }, "compare")]
    [InlineData(new[] { "compare", "--help" }, "--models")]
    [InlineData(new[] { "train", "--help" }, "--config")]
    [InlineData(new[] { "eval", "--help" }, "--split")]
    [InlineData(new[] { "generate", "--help" }, "--temperature")]
    [InlineData(new[] { "predict", "--help" }, "--input")]
    [InlineData(new[] { "bench", "--help" }, "--repeats")]
    [InlineData(new[] { "data", "--help" }, "list")]
    [InlineData(new[] { "data", "info", "--help" }, "NAME")]
    [InlineData(new[] { "info", "--help" }, "BLAS")]
    public void EveryVerbHasHelp(string[] args, string mentions)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains(mentions, output, StringComparison.Ordinal);
        Assert.Contains("Exit codes", output, StringComparison.Ordinal);
    }

    [Theory]
    // bad flag
    [InlineData("--bogus", "compare", "--bogus")]
    [InlineData("--bogus", "train", "--quick", "--bogus")]
    [InlineData("--frobnicate", "eval", "--frobnicate")]
    [InlineData("nonsense", "nonsense")]
    // unknown dataset
    [InlineData("no-such-data", "compare", "--dataset", "no-such-data")]
    [InlineData("no-such-data", "train", "--dataset", "no-such-data")]
    [InlineData("no-such-data", "data", "info", "no-such-data")]
    // missing file
    [InlineData("/no/such.safetensors", "eval", "--checkpoint", "/no/such.safetensors")]
    [InlineData("/no/such.safetensors", "generate", "--checkpoint", "/no/such.safetensors")]
    [InlineData("/no/such.safetensors", "predict", "--checkpoint", "/no/such.safetensors")]
    [InlineData("/no/such.json", "train", "--config", "/no/such.json")]
    [InlineData("/no/such.json", "compare", "--config", "/no/such.json")]
    // invalid number
    [InlineData("zero", "train", "--epochs", "zero")]
    [InlineData("abc", "compare", "--lr", "abc")]
    [InlineData("-3", "bench", "--hidden", "-3")]
    [InlineData("x", "--seed", "x")]
    [InlineData("0", "compare", "--epochs", "0")]
    // bad --models item
    [InlineData("foo", "compare", "--models", "elman,foo")]
    [InlineData("xyz", "bench", "--models", "lstm,xyz")]
    [InlineData("transformer", "train", "--model", "transformer")]
    public void BadArgumentsAreOneLineNamingTheValueWithExitCode2(string named, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.DoesNotContain("training", output, StringComparison.Ordinal); // nothing ran
    }

    [Fact]
    public void AnExperimentFileWithAnUnknownKeyIsExitCode2NamingTheKey()
    {
        string file = CliRunner.TempDir("bad") + ".json";
        File.WriteAllText(file, """{ "hiddn": 8 }""");
        try
        {
            var (code, _, error) = CliRunner.Run("train", "--config", file);
            Assert.Equal(2, code);
            Assert.Single(error.Trim().Split('\n'));
            Assert.Contains("hiddn", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
