using System.Diagnostics;
using System.Globalization;

namespace RnnTorch.Tests.Shared;

/// <summary>
/// Screenshots an HTML file with headless Chromium (Debian package <c>chromium</c>, installed by scripts/setup.sh).
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>How long one screenshot may take before the browser's process tree is killed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The executable names looked for on PATH, in order.</summary>
    public static readonly string[] Candidates = ["chromium", "chromium-browser"];

    /// <summary>The full path of the first candidate found on PATH, or null.</summary>
    public static string? Find()
    {
        string[] dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string name in Candidates)
        {
            foreach (string dir in dirs.Append("/usr/bin"))
            {
                string path = Path.Combine(dir, name);
                if (File.Exists(path)) return path;
            }
        }
        return null;
    }

    /// <summary>
    /// Renders <paramref name="htmlPath"/> in a <paramref name="width"/> x <paramref name="height"/> window and returns the PNG's path
    /// (<paramref name="pngPath"/>, or a new temporary file).
    /// </summary>
    /// <exception cref="InvalidOperationException">Chromium is missing, timed out, failed or wrote no PNG (the message carries its stderr).</exception>
    public static string Screenshot(string htmlPath, int width, int height, string? pngPath = null)
    {
        string exe = Find() ?? throw new InvalidOperationException(
            "Chromium is not installed (looked for 'chromium', then 'chromium-browser' on PATH): run scripts/setup.sh, " +
            "which installs the Debian package 'chromium'.");
        string html = Path.GetFullPath(htmlPath);
        if (!File.Exists(html)) throw new FileNotFoundException($"HTML file '{html}' does not exist.", html);
        string png = Path.GetFullPath(pngPath ?? Path.Combine(Path.GetTempPath(), "rnn-torch-shot-" + Guid.NewGuid().ToString("N") + ".png"));
        if (File.Exists(png)) File.Delete(png);
        string profile = Path.Combine(Path.GetTempPath(), "rnn-torch-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(exe)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--mute-audio",
                     "--user-data-dir=" + profile,
                     string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"),
                     "--screenshot=" + png,
                     new Uri(html).AbsoluteUri,
                 })
        {
            info.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start '{exe}'.");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the timeout and the kill.
                }
                process.WaitForExit();
                throw new InvalidOperationException(
                    $"'{exe}' did not finish within {Timeout.TotalSeconds} s and was killed. stderr:\n{Tail(stderr)}");
            }
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(png) || new FileInfo(png).Length == 0)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"'{exe}' exited with {process.ExitCode} and {(File.Exists(png) ? "an empty" : "no")} screenshot at '{png}'. stderr:\n{Tail(stderr)}\nstdout:\n{Tail(stdout)}"));
            }
            return png;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A crashed browser may hold files; the temp folder is cleaned by the system later.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static string Tail(Task<string> output)
    {
        string text = output.Wait(TimeSpan.FromSeconds(5)) ? output.Result : "(output not available)";
        return text.Length <= 4000 ? text : "…" + text[^4000..];
    }
}
