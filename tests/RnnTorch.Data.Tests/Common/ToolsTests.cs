namespace RnnTorch.Data.Tests;

public sealed class ToolsTests
{
    [Fact]
    public void RequireForAMissingCommandGivesTheInstallHint()
    {
        using var temp = new TestDirectory();
        var e = Assert.Throws<DataException>(() => Tools.Require("espeak-ng", "sudo apt-get install espeak-ng", temp.Path));
        Assert.Contains("needs `espeak-ng`", e.Message);
        Assert.Contains("install it with `sudo apt-get install espeak-ng`", e.Message);
    }

    [Fact]
    public void RequireFindsAnExecutableOnThePath()
    {
        using var temp = new TestDirectory();
        string tool = Path.Combine(temp.Path, "mytool");
        File.WriteAllText(tool, "#!/bin/sh\n");
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("executable bits are a Unix notion");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string other = Path.Combine(temp.Path, "notexec");
        File.WriteAllText(other, "");

        Assert.Equal(tool, Tools.Require("mytool", "install mytool", "/nonexistent" + Path.PathSeparator + temp.Path));
        Assert.Throws<DataException>(() => Tools.Require("notexec", "install notexec", temp.Path));
    }

    [Fact]
    public void RequireFindsShOnTheRealPath()
    {
        Assert.EndsWith("sh", Tools.Require("sh", "it is part of every system"));
    }

    [Fact]
    public void RunReturnsStandardOutputWithArgumentsPassedAsIs()
    {
        string output = Tools.Run("sh", ["-c", "printf '%s|' \"$@\"", "sh", "a b", "$HOME", "*"]);
        Assert.Equal("a b|$HOME|*|", output.TrimEnd());
    }

    [Fact]
    public void RunUsesTheWorkingDirectoryAndEnvironment()
    {
        using var temp = new TestDirectory();
        string output = Tools.Run("sh", ["-c", "pwd; echo \"$RNN_TORCH_TOOLS_TEST\""], temp.Path,
            environment: new Dictionary<string, string> { ["RNN_TORCH_TOOLS_TEST"] = "set-for-child" });
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Path.GetFullPath(temp.Path), Path.GetFullPath(lines[0]));
        Assert.Equal("set-for-child", lines[1]);
    }

    [Fact]
    public void RunNonZeroExitGivesStandardErrorInTheException()
    {
        var e = Assert.Throws<DataException>(() => Tools.Run("sh", ["-c", "echo out; echo 'disk is full' >&2; exit 3"]));
        Assert.Contains("exit status 3", e.Message);
        Assert.Contains("disk is full", e.Message);
        Assert.DoesNotContain("out\n", e.Message);
    }

    [Fact]
    public void RunClosesStandardInput()
    {
        // cat would wait forever on an open standard input.
        Assert.Equal("", Tools.Run("cat", [], timeout: TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void RunAMissingCommandIsADataException()
    {
        var e = Assert.Throws<DataException>(() => Tools.Run("rnn-torch-no-such-tool", ["x"]));
        Assert.Contains("rnn-torch-no-such-tool", e.Message);
    }

    [Fact]
    public void RunPastTheTimeoutIsStopped()
    {
        // The limit is far below the tool's run time, so the outcome does not depend on the machine's speed.
        var e = Assert.Throws<DataException>(() => Tools.Run("sleep", ["30"], timeout: TimeSpan.FromMilliseconds(200)));
        Assert.Contains("did not finish", e.Message);
    }
}
