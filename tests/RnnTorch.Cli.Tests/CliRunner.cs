using RnnTorch.Data;

namespace RnnTorch.Cli.Tests;

/// <summary>Runs rnn-torch in process through the program's entry point, capturing stdout and stderr.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var entry = typeof(Cli).Assembly.EntryPoint ?? throw new InvalidOperationException("rnn-torch has no entry point.");
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

    public static string TempDir(string what) => Path.Combine(Path.GetTempPath(), $"rnn-torch-cli-{what}-{Guid.NewGuid():N}");
}

/// <summary>
/// The console is process-wide: tests that capture it run alone. They share a temporary dataset cache
/// (<c>RNN_TORCH_DATA</c>), where npm fetches what they need as on a user's first run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection : ICollectionFixture<DataCacheFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Console (serial)";
}

/// <summary>Points <c>RNN_TORCH_DATA</c> at a temporary directory for the collection; removed afterwards.</summary>
public sealed class DataCacheFixture : IDisposable
{
    private readonly string? previous = Environment.GetEnvironmentVariable(DataCache.EnvironmentVariable);
    private readonly string root = CliRunner.TempDir("data");

    public DataCacheFixture()
    {
        Directory.CreateDirectory(root);
        Environment.SetEnvironmentVariable(DataCache.EnvironmentVariable, root);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(DataCache.EnvironmentVariable, previous);
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
