namespace RnnTorch.Data;

/// <summary>
/// The named datasets (<c>rnn-torch data list | info NAME | get NAME</c>): each a <see cref="DatasetInfo"/> plus a
/// loader that fetches it (into the cache, when it needs fetching) and returns it.
/// </summary>
/// <remarks>
/// The areas of this library register their datasets in partial files of this class by implementing
/// <c>RegisterText</c>, <c>RegisterAudio</c> and <c>RegisterTimeSeries</c> (each calling <see cref="Register"/>);
/// they run once, before the first use of the registry. Users may register their own datasets too.
/// </remarks>
public static partial class DatasetRegistry
{
    private static readonly object Gate = new();
    private static readonly SortedDictionary<string, (DatasetInfo Info, Func<object> Loader)> Entries = new(StringComparer.Ordinal);

    static DatasetRegistry()
    {
        RegisterText();
        RegisterAudio();
        RegisterTimeSeries();
    }

    /// <summary>Registers the text datasets (implemented in the text area's partial file).</summary>
    static partial void RegisterText();

    /// <summary>Registers the audio datasets (implemented in the audio area's partial file).</summary>
    static partial void RegisterAudio();

    /// <summary>Registers the time-series datasets (implemented in the time-series area's partial file).</summary>
    static partial void RegisterTimeSeries();

    /// <summary>The registered names, in ordinal order.</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            lock (Gate) return Entries.Keys.ToArray();
        }
    }

    /// <summary>Registers a dataset.</summary>
    /// <param name="info">What it is; <see cref="DatasetInfo.Name"/> is its registry name.</param>
    /// <param name="loader">Fetches it when needed and returns it (e.g. a <see cref="Dataset{T}"/> or a bundle of splits).</param>
    /// <exception cref="ArgumentException">The name is already registered.</exception>
    public static void Register(DatasetInfo info, Func<object> loader)
    {
        DataGuard.NotNull(info);
        DataGuard.NotNull(loader);
        DataGuard.NotNullOrWhiteSpace(info.Name, nameof(info) + ".Name");
        lock (Gate)
        {
            if (Entries.ContainsKey(info.Name))
            {
                DataGuard.Throw(nameof(info), $"names the dataset '{info.Name}', which is already registered.");
            }
            Entries.Add(info.Name, (info, loader));
        }
    }

    /// <summary>Whether a dataset of that name is registered.</summary>
    /// <param name="name">The registry name.</param>
    public static bool Contains(string name)
    {
        DataGuard.NotNull(name);
        lock (Gate) return Entries.ContainsKey(name);
    }

    /// <summary>What the named dataset is.</summary>
    /// <param name="name">The registry name.</param>
    /// <exception cref="DataException">No dataset of that name is registered (the message lists the names).</exception>
    public static DatasetInfo Info(string name) => Lookup(name).Info;

    /// <summary>Fetches the named dataset when needed and returns it.</summary>
    /// <param name="name">The registry name.</param>
    /// <exception cref="DataException">No dataset of that name is registered, or it cannot be fetched (the message says why and what to install).</exception>
    public static object Get(string name) => Lookup(name).Loader();

    private static (DatasetInfo Info, Func<object> Loader) Lookup(string name)
    {
        DataGuard.NotNull(name);
        lock (Gate)
        {
            if (Entries.TryGetValue(name, out var entry)) return entry;
            string known = Entries.Count == 0 ? "none are registered" : "known: " + string.Join(", ", Entries.Keys);
            throw new DataException($"There is no dataset named '{name}' ({known}).");
        }
    }
}
