namespace RnnTorch.Data;

/// <summary>
/// The dataset cache directory and its completion-marker protocol.
/// </summary>
/// <remarks>
/// <para>The root is <c>$RNN_TORCH_DATA</c> when that is set, else the user's cache directory
/// (<c>$XDG_CACHE_HOME</c>, else <c>~/.cache</c>) followed by <c>rnn-torch</c>.</para>
/// <para>A dataset lives in <c>Root/name</c> and counts as complete only when that directory holds a
/// <see cref="MarkerFileName"/> file. <see cref="Materialize"/> fills a fresh <c>name.partial-&lt;guid&gt;</c>
/// directory, writes the marker into it as the very last file, and then renames it to <c>name</c>, so a dataset
/// that was fetched only in part (a crash, a failed download, a full disk) is never mistaken for a complete one:
/// a directory without the marker is deleted and fetched again.</para>
/// <para>Every method takes an optional <c>root</c> that replaces <see cref="Root"/> (tests pass a temporary
/// directory instead of changing the process environment).</para>
/// </remarks>
public static class DataCache
{
    /// <summary>The environment variable that names the cache root.</summary>
    public const string EnvironmentVariable = "RNN_TORCH_DATA";

    /// <summary>The name of the file that marks a dataset directory as complete.</summary>
    public const string MarkerFileName = ".complete";

    /// <summary>How long <see cref="Materialize"/> waits for another thread or process that is fetching the same dataset.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The cache root, read from the environment at each call (see the class remarks).</summary>
    public static string Root => ResolveRoot(
        Environment.GetEnvironmentVariable(EnvironmentVariable),
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME"),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>
    /// The cache root for the given environment values (pure: reads nothing itself).
    /// </summary>
    /// <param name="rnnTorchData">The value of <c>RNN_TORCH_DATA</c>, or null when unset.</param>
    /// <param name="xdgCacheHome">The value of <c>XDG_CACHE_HOME</c>, or null when unset.</param>
    /// <param name="home">The user's home directory.</param>
    /// <returns>An absolute path.</returns>
    public static string ResolveRoot(string? rnnTorchData, string? xdgCacheHome, string home)
    {
        if (!string.IsNullOrWhiteSpace(rnnTorchData)) return Path.GetFullPath(rnnTorchData);
        if (!string.IsNullOrWhiteSpace(xdgCacheHome) && Path.IsPathRooted(xdgCacheHome)) return Path.GetFullPath(Path.Combine(xdgCacheHome, "rnn-torch"));
        if (string.IsNullOrWhiteSpace(home))
        {
            throw new DataException($"Cannot find a cache directory for datasets: set {EnvironmentVariable} to a writable directory.");
        }
        return Path.GetFullPath(Path.Combine(home, ".cache", "rnn-torch"));
    }

    /// <summary>
    /// The directory of a dataset in the cache (whether or not it exists).
    /// </summary>
    /// <param name="name">A relative name: one or more segments separated by '/', e.g. <c>spoken-digits</c> or
    /// <c>npm/sentiment@5.0.2</c>; no empty, '.' or '..' segment, no '\\'.</param>
    /// <param name="root">The cache root; null for <see cref="Root"/>.</param>
    public static string DirectoryFor(string name, string? root = null)
    {
        CheckName(name);
        string baseDirectory = root is null ? Root : Path.GetFullPath(root);
        return Path.Combine(baseDirectory, name.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>Whether the dataset's directory exists and holds the completion marker.</summary>
    /// <param name="name">The dataset's name (see <see cref="DirectoryFor"/>).</param>
    /// <param name="root">The cache root; null for <see cref="Root"/>.</param>
    public static bool IsComplete(string name, string? root = null) =>
        File.Exists(Path.Combine(DirectoryFor(name, root), MarkerFileName));

    /// <summary>
    /// Returns the dataset's directory, filling it first when it is not complete.
    /// </summary>
    /// <param name="name">The dataset's name (see <see cref="DirectoryFor"/>).</param>
    /// <param name="fill">Writes the dataset into the directory it is given (an empty temporary directory). If it
    /// throws, the temporary directory is deleted, nothing is published and the exception propagates.</param>
    /// <param name="root">The cache root; null for <see cref="Root"/>.</param>
    /// <returns>The complete directory <c>Root/name</c>.</returns>
    /// <remarks>Concurrent calls for the same name (threads or processes) are serialised by a lock file
    /// <c>name.lock</c> next to the directory, so the fill runs once.</remarks>
    public static string Materialize(string name, Action<string> fill, string? root = null)
    {
        DataGuard.NotNull(fill);
        string final = DirectoryFor(name, root);
        if (IsComplete(name, root)) return final;

        string parent = Path.GetDirectoryName(final)!;
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"Cannot create the dataset cache directory '{parent}': {e.Message} Set {EnvironmentVariable} to a writable directory.", e);
        }

        using (AcquireLock(final + ".lock"))
        {
            if (File.Exists(Path.Combine(final, MarkerFileName))) return final;

            string partial = $"{final}.partial-{Guid.NewGuid():N}";
            Directory.CreateDirectory(partial);
            try
            {
                fill(partial);
                File.WriteAllText(Path.Combine(partial, MarkerFileName), DateTime.UtcNow.ToString("O") + Environment.NewLine);
                if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
                Directory.Move(partial, final);
            }
            catch
            {
                TryDelete(partial);
                throw;
            }
        }
        return final;
    }

    /// <summary>Deletes a dataset's directory (complete or not); does nothing when it does not exist.</summary>
    /// <param name="name">The dataset's name (see <see cref="DirectoryFor"/>).</param>
    /// <param name="root">The cache root; null for <see cref="Root"/>.</param>
    public static void Remove(string name, string? root = null)
    {
        string final = DirectoryFor(name, root);
        if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
    }

    private static void CheckName(string name)
    {
        DataGuard.NotNullOrWhiteSpace(name);
        if (name.Contains('\\') || Path.IsPathRooted(name))
        {
            DataGuard.Throw(nameof(name), $"must be a relative name with '/' between segments, but was '{name}'.");
        }
        foreach (string segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                DataGuard.Throw(nameof(name), $"has an empty, '.', '..' or invalid segment '{segment}': '{name}'.");
            }
        }
    }

    private static FileStream AcquireLock(string lockPath)
    {
        DateTime deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException e)
            {
                throw new DataException($"Timed out after {LockTimeout.TotalMinutes} minutes waiting for the lock '{lockPath}' held by another fetch of the same dataset; if no other fetch is running, delete that file.", e);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover *.partial-* directory is never mistaken for a dataset.
        }
    }
}
