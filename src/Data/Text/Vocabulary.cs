using System.Text;
using System.Text.RegularExpressions;

namespace RnnTorch.Data;

/// <summary>
/// A character- or word-level vocabulary: maps tokens to the ids that an embedding layer reads and back.
/// </summary>
/// <remarks>
/// <para>The ids 0–3 are always the specials <see cref="Pad"/>, <see cref="Unknown"/>, <see cref="Begin"/> and
/// <see cref="End"/>; the other tokens follow from id 4 in order of decreasing frequency in the text the
/// vocabulary was built from, ties broken by ordinal string order, so a build is deterministic.</para>
/// <para>A token not in the vocabulary encodes as <see cref="UnknownId"/>. Save the vocabulary next to the model
/// (<see cref="Save"/>, JSON) so that the same ids are used when the model is loaded again.</para>
/// </remarks>
public sealed partial class Vocabulary
{
    /// <summary>The padding token; its id is <see cref="PadId"/> (0).</summary>
    public const string Pad = "<pad>";

    /// <summary>The token that stands for anything not in the vocabulary; its id is <see cref="UnknownId"/> (1).</summary>
    public const string Unknown = "<unk>";

    /// <summary>The beginning-of-sequence token; its id is <see cref="BeginId"/> (2).</summary>
    public const string Begin = "<bos>";

    /// <summary>The end-of-sequence token; its id is <see cref="EndId"/> (3).</summary>
    public const string End = "<eos>";

    /// <summary>The id of <see cref="Pad"/>.</summary>
    public const long PadId = 0;

    /// <summary>The id of <see cref="Unknown"/>.</summary>
    public const long UnknownId = 1;

    /// <summary>The id of <see cref="Begin"/>.</summary>
    public const long BeginId = 2;

    /// <summary>The id of <see cref="End"/>.</summary>
    public const long EndId = 3;

    /// <summary>The special tokens in id order (ids 0–3).</summary>
    public static IReadOnlyList<string> Specials { get; } = [Pad, Unknown, Begin, End];

    private readonly string[] _tokens;
    private readonly Dictionary<string, long> _ids;

    private Vocabulary(TokenLevel level, bool lowercase, string[] tokens)
    {
        Level = level;
        Lowercase = lowercase;
        _tokens = tokens;
        _ids = new Dictionary<string, long>(tokens.Length, StringComparer.Ordinal);
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!_ids.TryAdd(tokens[i], i))
            {
                throw new ArgumentException($"tokens has the token '{tokens[i]}' twice (ids {_ids[tokens[i]]} and {i}).", nameof(tokens));
            }
        }
    }

    /// <summary>Whether the vocabulary holds characters or words.</summary>
    public TokenLevel Level { get; }

    /// <summary>Whether text is lower-cased (invariant culture) before it is split into tokens.</summary>
    public bool Lowercase { get; }

    /// <summary>The number of tokens, the four specials included (the size of an embedding table).</summary>
    public int Count => _tokens.Length;

    /// <summary>The tokens in id order; the first four are <see cref="Specials"/>.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>
    /// Builds a vocabulary from texts: every token that occurs at least <paramref name="minFrequency"/> times.
    /// </summary>
    /// <param name="texts">The texts (e.g. the training part of a dataset).</param>
    /// <param name="level">Characters or words.</param>
    /// <param name="minFrequency">The least number of occurrences a token needs to get its own id (1 or more).</param>
    /// <param name="lowercase">Lower-case text before splitting it (here and in every later <see cref="Encode"/>).</param>
    /// <param name="maxSize">The most tokens to keep, the specials included (the most frequent win); null for no limit.</param>
    /// <returns>The vocabulary.</returns>
    public static Vocabulary Build(IEnumerable<string> texts, TokenLevel level, int minFrequency = 1, bool lowercase = false, int? maxSize = null)
    {
        DataGuard.NotNull(texts);
        CheckLevel(level);
        DataGuard.Positive(minFrequency);
        if (maxSize is { } max && max < Specials.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSize), max, $"maxSize must be at least {Specials.Count} (the specials), but was {max}.");
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string? text in texts)
        {
            if (text is null) throw new ArgumentException("texts holds a null text.", nameof(texts));
            foreach (string token in Split(text, level, lowercase))
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }

        var kept = counts
            .Where(pair => pair.Value >= minFrequency && !IsSpecial(pair.Key))
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key);
        if (maxSize is { } limit) kept = kept.Take(limit - Specials.Count);
        return new Vocabulary(level, lowercase, [.. Specials, .. kept]);
    }

    /// <summary>
    /// Creates a vocabulary from a fixed list of tokens, which get the ids 4, 5, … in the order given.
    /// </summary>
    /// <param name="tokens">The tokens, without the specials, no duplicates.</param>
    /// <param name="level">Characters or words.</param>
    /// <param name="lowercase">Lower-case text before splitting it.</param>
    /// <returns>The vocabulary.</returns>
    public static Vocabulary FromTokens(IEnumerable<string> tokens, TokenLevel level, bool lowercase = false)
    {
        DataGuard.NotNull(tokens);
        CheckLevel(level);
        string[] list = [.. tokens];
        for (int i = 0; i < list.Length; i++)
        {
            if (string.IsNullOrEmpty(list[i])) throw new ArgumentException($"tokens element {i} is null or empty.", nameof(tokens));
            if (IsSpecial(list[i])) throw new ArgumentException($"tokens element {i} is the special '{list[i]}', which always has its fixed id; leave it out.", nameof(tokens));
        }
        return new Vocabulary(level, lowercase, [.. Specials, .. list]);
    }

    /// <summary>Splits text into tokens the way this vocabulary does (lower-casing first when <see cref="Lowercase"/>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The tokens, in order.</returns>
    public IReadOnlyList<string> Tokenize(string text)
    {
        DataGuard.NotNull(text);
        return [.. Split(text, Level, Lowercase)];
    }

    /// <summary>Whether the token has its own id.</summary>
    /// <param name="token">The token.</param>
    public bool Contains(string token)
    {
        DataGuard.NotNull(token);
        return _ids.ContainsKey(token);
    }

    /// <summary>The id of a token, or <see cref="UnknownId"/> when it is not in the vocabulary.</summary>
    /// <param name="token">The token (not lower-cased here: pass it as <see cref="Tokenize"/> returns it).</param>
    public long IdOf(string token)
    {
        DataGuard.NotNull(token);
        return _ids.TryGetValue(token, out long id) ? id : UnknownId;
    }

    /// <summary>The token with the given id.</summary>
    /// <param name="id">An id from 0 to <see cref="Count"/> − 1.</param>
    public string TokenOf(long id)
    {
        if (id < 0 || id >= _tokens.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"id must be in [0, {_tokens.Length}), but was {id}.");
        }
        return _tokens[id];
    }

    /// <summary>Encodes text as token ids; unknown tokens become <see cref="UnknownId"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="addBegin">Put <see cref="BeginId"/> first.</param>
    /// <param name="addEnd">Put <see cref="EndId"/> last.</param>
    /// <returns>The ids.</returns>
    public long[] Encode(string text, bool addBegin = false, bool addEnd = false)
    {
        DataGuard.NotNull(text);
        var ids = new List<long>(text.Length + 2);
        if (addBegin) ids.Add(BeginId);
        foreach (string token in Split(text, Level, Lowercase)) ids.Add(IdOf(token));
        if (addEnd) ids.Add(EndId);
        return [.. ids];
    }

    /// <summary>Decodes ids back to text: characters are concatenated, words joined with single spaces.</summary>
    /// <param name="ids">The ids.</param>
    /// <param name="skipSpecials">Leave out <see cref="Pad"/>, <see cref="Begin"/> and <see cref="End"/> (an unknown
    /// token is always written as <see cref="Unknown"/>, so that a loss stays visible).</param>
    /// <returns>The text.</returns>
    public string Decode(IEnumerable<long> ids, bool skipSpecials = true)
    {
        DataGuard.NotNull(ids);
        var builder = new StringBuilder();
        bool first = true;
        foreach (long id in ids)
        {
            if (skipSpecials && (id == PadId || id == BeginId || id == EndId)) continue;
            string token = TokenOf(id);
            if (Level == TokenLevel.Word && !first) builder.Append(' ');
            builder.Append(token);
            first = false;
        }
        return builder.ToString();
    }

    private static bool IsSpecial(string token) => token is Pad or Unknown or Begin or End;

    private static void CheckLevel(TokenLevel level)
    {
        if (level is not (TokenLevel.Character or TokenLevel.Word))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"level must be Character or Word, but was {level}.");
        }
    }

    private static IEnumerable<string> Split(string text, TokenLevel level, bool lowercase)
    {
        if (lowercase) text = text.ToLowerInvariant();
        if (level == TokenLevel.Character)
        {
            foreach (Rune rune in text.EnumerateRunes()) yield return rune.ToString();
        }
        else
        {
            foreach (Match match in WordPattern().Matches(text)) yield return match.Value;
        }
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}\p{N}]*(?:'\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+|[^\s\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
