namespace RnnTorch.Data;

public static partial class DatasetRegistry
{
    static partial void RegisterAudio()
    {
        Register(SpokenDigitsDataset.Info, () => new SpokenDigitsDataset(train: true));
        Register(SpeechFramesDataset.Info, () => SpeechFramesDataset.FromSpokenDigits(train: true));
    }
}
