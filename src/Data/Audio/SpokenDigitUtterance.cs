namespace RnnTorch.Data;

/// <summary>How one spoken-digit recording was synthesised, as listed in the dataset's manifest.</summary>
/// <param name="File">The WAV file's name, relative to the dataset directory.</param>
/// <param name="Digit">The digit 0 … 9 (the label).</param>
/// <param name="Voice">The espeak-ng voice, e.g. <c>en-gb-x-rp</c>.</param>
/// <param name="Variant">The espeak-ng voice variant, e.g. <c>f1</c> (appended as <c>voice+variant</c>).</param>
/// <param name="Speed">Speaking rate in words per minute (<c>-s</c>).</param>
/// <param name="Pitch">Pitch 0 … 99 (<c>-p</c>).</param>
/// <param name="IsTest">True for the held-out voices of the test split.</param>
public sealed record SpokenDigitUtterance(string File, int Digit, string Voice, string Variant, int Speed, int Pitch, bool IsTest);
