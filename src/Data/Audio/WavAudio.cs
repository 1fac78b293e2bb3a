namespace RnnTorch.Data;

/// <summary>
/// The decoded contents of a WAV file: mono samples in [-1, 1] (channels mixed down by averaging), the sample rate,
/// and what the file held before decoding.
/// </summary>
/// <param name="Samples">The mono samples, scaled to [-1, 1] (integer PCM divided by 2^(bits-1); 8-bit PCM is unsigned and centred on 128 first).</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Channels">How many channels the file held (all were averaged into <paramref name="Samples"/>).</param>
/// <param name="BitsPerSample">The stored sample width in bits: 8, 16, 24 or 32 (PCM), 32 or 64 (IEEE float).</param>
/// <param name="IsFloat">True when the file stored IEEE floats rather than integer PCM.</param>
public sealed record WavAudio(float[] Samples, int SampleRate, int Channels, int BitsPerSample, bool IsFloat)
{
    /// <summary>The length in seconds.</summary>
    public double Duration => (double)Samples.Length / SampleRate;
}
