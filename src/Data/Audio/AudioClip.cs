namespace RnnTorch.Data;

/// <summary>One labelled utterance: mono samples, their rate, a class index and where it came from.</summary>
/// <param name="Samples">Mono samples in [-1, 1].</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Label">The class index (for spoken digits, the digit itself).</param>
/// <param name="Source">The file it was read from (or a description).</param>
public sealed record AudioClip(float[] Samples, int SampleRate, int Label, string Source);
