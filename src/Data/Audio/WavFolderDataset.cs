namespace RnnTorch.Data;

/// <summary>
/// A directory of WAV files labelled by sub-folder: every immediate sub-directory of the root is a class (classes in
/// ordinal order of their names, indices 0, 1, …), and every <c>*.wav</c> file below it (at any depth, any case of
/// the extension) is one of its utterances. Items are listed in ordinal order of their relative paths and read from
/// disk on each access, so a bad file is reported (with its path) when it is read.
/// </summary>
public sealed class WavFolderDataset : Dataset<AudioClip>
{
    private readonly (string Path, int Label)[] items;

    /// <summary>Lists the WAV files under <paramref name="root"/>.</summary>
    /// <param name="root">The directory whose sub-folders are the classes.</param>
    /// <exception cref="DataException">The directory does not exist, has no sub-folders, or holds no WAV file.</exception>
    public WavFolderDataset(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root)) throw new DataException($"The WAV folder '{root}' does not exist.");
        Root = Path.GetFullPath(root);
        Classes = Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        if (Classes.Count == 0) throw new DataException($"The WAV folder '{Root}' has no sub-folders; put each class's files in a sub-folder named after the class.");
        var list = new List<(string, int)>();
        for (int label = 0; label < Classes.Count; label++)
        {
            string dir = Path.Combine(Root, Classes[label]);
            var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
            foreach (string f in files) list.Add((f, label));
        }
        if (list.Count == 0) throw new DataException($"The WAV folder '{Root}' holds no .wav files in its sub-folders ({string.Join(", ", Classes)}).");
        items = list.ToArray();
    }

    /// <summary>The root directory (absolute).</summary>
    public string Root { get; }

    /// <summary>The class names (the sub-folder names); a label is an index into this list.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The file of each item, in item order.</summary>
    public IReadOnlyList<string> Files => items.Select(i => i.Path).ToArray();

    /// <inheritdoc />
    public override int Count => items.Length;

    /// <inheritdoc />
    public override AudioClip this[int index]
    {
        get
        {
            CheckIndex(index);
            var (path, label) = items[index];
            var wav = WavReader.Read(path);
            return new AudioClip(wav.Samples, wav.SampleRate, label, path);
        }
    }
}
