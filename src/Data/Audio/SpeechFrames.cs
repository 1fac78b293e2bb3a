namespace RnnTorch.Data;

/// <summary>
/// One utterance embedded in silence and noise, with a speech (1) / non-speech (0) label per feature frame.
/// </summary>
/// <param name="Samples">Mono samples in [-1, 1].</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Labels">One label per frame, 1 for speech and 0 for non-speech; as many as
/// <see cref="AudioFeatures.FrameCount(long, long, long)"/> gives for <paramref name="Samples"/> at the dataset's window and hop.</param>
/// <param name="SpeechStart">The first speech sample.</param>
/// <param name="SpeechEnd">One past the last speech sample.</param>
/// <param name="Source">Where the utterance came from.</param>
public sealed record SpeechFrames(float[] Samples, int SampleRate, long[] Labels, int SpeechStart, int SpeechEnd, string Source);
