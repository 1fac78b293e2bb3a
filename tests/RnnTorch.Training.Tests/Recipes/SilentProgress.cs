namespace RnnTorch.Training.Tests.Recipes;

/// <summary>A progress reporter that says nothing.</summary>
internal sealed class SilentProgress : IProgressReporter
{
    public void Start(int epochs, int batchesPerEpoch) { }
    public void Step(int epoch, int batch, double loss, double sequencesPerSecond, double learningRate) { }
    public void Epoch(int epoch, IReadOnlyDictionary<string, double> metrics) { }
    public void Message(string text) { }
    public void Stop() { }
}
