namespace RnnTorch.Data;

/// <summary>One language's word list for <see cref="WordLanguageDataset"/>: a file of one word per line.</summary>
/// <param name="Language">The class name, e.g. <c>german</c>.</param>
/// <param name="FileName">The file's name in the dictionary directory, e.g. <c>ngerman</c>.</param>
/// <param name="AptPackage">The Debian package that installs it, e.g. <c>wngerman</c> (quoted when it is missing).</param>
public sealed record WordList(string Language, string FileName, string AptPackage);
