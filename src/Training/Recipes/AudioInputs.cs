using RnnTorch.Data;

namespace RnnTorch.Training.Recipes;

/// <summary>Shared pieces of the audio recipes: the spoken-digits settings (tiny in quick mode) and the features.</summary>
internal static class AudioInputs
{
    /// <summary>The features: MFCC (13 coefficients, 25 ms windows, 10 ms hop), normalised per utterance.</summary>
    public static AudioFeatureOptions Features { get; } = new();

    /// <summary>Features per frame.</summary>
    public static int Width => Features.Coefficients * (1 + Features.DeltaOrder);

    /// <summary>The default spoken digits, or in quick mode one training and one test voice, two variants, one take.</summary>
    public static SpokenDigitsSpec Spec(bool quick) => quick
        ? new SpokenDigitsSpec { TrainVoices = ["en-us"], TestVoices = ["en-029"], Variants = ["m1", "f2"], TakesPerVoice = 1 }
        : new SpokenDigitsSpec();

    /// <summary>The [frame][feature] features of samples.</summary>
    public static float[][] Of(float[] samples, int sampleRate) => AudioFeatures.Compute(samples, sampleRate, Features);

    /// <summary>Reads a WAV file for predict, with an error that names it.</summary>
    public static WavAudio Read(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ConfigException("predict on audio needs --input with a WAV file.", new[] { "input" });
        if (!File.Exists(path)) throw new ConfigException($"input file '{path}' does not exist.", new[] { "input" });
        return WavReader.Read(path);
    }
}
