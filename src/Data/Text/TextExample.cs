namespace RnnTorch.Data;

/// <summary>
/// One labelled text for many-to-one classification: the text, its token ids and its class.
/// </summary>
/// <param name="Text">The text as read (a sentence, a word).</param>
/// <param name="Tokens">The ids of its tokens in the dataset's <see cref="Vocabulary"/> (pad them into a batch
/// with <c>Collate.PadTokens</c>).</param>
/// <param name="Label">The class index, 0 ≤ Label &lt; the dataset's number of classes.</param>
public sealed record TextExample(string Text, long[] Tokens, int Label);
