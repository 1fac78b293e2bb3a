namespace RnnTorch.Data;

/// <summary>How a <see cref="Vocabulary"/> splits text into tokens.</summary>
public enum TokenLevel
{
    /// <summary>One token per Unicode code point (a <see cref="System.Text.Rune"/>); decoding concatenates the tokens.</summary>
    Character,

    /// <summary>Words (letters with inner apostrophes, e.g. <c>don't</c>), runs of digits and single punctuation
    /// characters; white space separates tokens and is dropped; decoding joins the tokens with single spaces.</summary>
    Word,
}
