using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnTorch.Data;

public sealed partial class Vocabulary
{
    /// <summary>The value of the <c>format</c> field of a saved vocabulary.</summary>
    public const string JsonFormat = "rnn-torch-vocabulary";

    /// <summary>The version of the saved form that this code writes and reads.</summary>
    public const int JsonVersion = 1;

    /// <summary>
    /// The vocabulary as JSON: <c>{"format":"rnn-torch-vocabulary","version":1,"level":"character"|"word",
    /// "lowercase":bool,"tokens":[...]}</c>, where <c>tokens</c> lists every token in id order, specials first.
    /// </summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson()
    {
        var tokens = new JsonArray();
        foreach (string token in _tokens) tokens.Add(token);
        var root = new JsonObject
        {
            ["format"] = JsonFormat,
            ["version"] = JsonVersion,
            ["level"] = Level == TokenLevel.Character ? "character" : "word",
            ["lowercase"] = Lowercase,
            ["tokens"] = tokens,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Reads a vocabulary written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The vocabulary, with the same ids.</returns>
    /// <exception cref="DataException">The text is not a saved vocabulary (the message says what is wrong).</exception>
    public static Vocabulary FromJson(string json)
    {
        DataGuard.NotNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DataException($"A saved vocabulary is not valid JSON: {e.Message}", e);
        }
        if (node is not JsonObject root) throw new DataException("A saved vocabulary must be a JSON object.");

        string? format = ReadString(root, "format");
        if (format != JsonFormat) throw new DataException($"A saved vocabulary has \"format\": \"{JsonFormat}\", but this has '{format}'.");
        int version = root["version"] is JsonValue v && v.TryGetValue(out int number) ? number : -1;
        if (version != JsonVersion) throw new DataException($"A saved vocabulary of version {version} cannot be read; this code reads version {JsonVersion}.");

        TokenLevel level = ReadString(root, "level") switch
        {
            "character" => TokenLevel.Character,
            "word" => TokenLevel.Word,
            var other => throw new DataException($"A saved vocabulary's \"level\" must be \"character\" or \"word\", but was '{other}'."),
        };
        bool lowercase = root["lowercase"] is JsonValue l && l.TryGetValue(out bool flag)
            ? flag
            : throw new DataException("A saved vocabulary needs a boolean \"lowercase\".");

        if (root["tokens"] is not JsonArray array) throw new DataException("A saved vocabulary needs a \"tokens\" array.");
        var tokens = new string[array.Count];
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i] = array[i] is JsonValue t && t.TryGetValue(out string? s) && !string.IsNullOrEmpty(s)
                ? s
                : throw new DataException($"A saved vocabulary's token {i} is not a non-empty string.");
        }
        for (int i = 0; i < Specials.Count; i++)
        {
            if (i >= tokens.Length || tokens[i] != Specials[i])
            {
                throw new DataException($"A saved vocabulary must start with the specials {string.Join(", ", Specials)}; token {i} is '{(i < tokens.Length ? tokens[i] : "(missing)")}'.");
            }
        }
        try
        {
            return new Vocabulary(level, lowercase, tokens);
        }
        catch (ArgumentException e)
        {
            throw new DataException($"A saved vocabulary is inconsistent: {e.Message}", e);
        }
    }

    /// <summary>Writes the vocabulary to a file as JSON (UTF-8, see <see cref="ToJson"/>).</summary>
    /// <param name="path">The file to write (replaced when it exists).</param>
    public void Save(string path)
    {
        DataGuard.NotNullOrWhiteSpace(path);
        File.WriteAllText(path, ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>Reads a vocabulary written by <see cref="Save"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The vocabulary.</returns>
    /// <exception cref="DataException">The file is missing or is not a saved vocabulary.</exception>
    public static Vocabulary Load(string path)
    {
        DataGuard.NotNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new DataException($"The vocabulary file '{path}' does not exist.");
        try
        {
            return FromJson(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (DataException e)
        {
            throw new DataException($"{e.Message} (file '{path}')", e);
        }
    }

    private static string? ReadString(JsonObject root, string name) =>
        root[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
