namespace RnnTorch.Training;

/// <summary>
/// Shows a training run's progress to a person: created by <see cref="ProgressReporter.Create"/> (a live Spectre.Console
/// display on a terminal, plain lines otherwise). Epochs and batches are zero-based indices, as the training loop counts
/// them; reporters show them one-based ("epoch 1/10"). Implementations must not throw from these methods because of
/// the display (a training run outlives a broken terminal).
/// </summary>
public interface IProgressReporter
{
    /// <summary>Begins a run of <paramref name="epochs"/> epochs of <paramref name="batchesPerEpoch"/> batches each (0: unknown).</summary>
    void Start(int epochs, int batchesPerEpoch);

    /// <summary>
    /// Reports the batch with zero-based index <paramref name="batch"/> of zero-based epoch <paramref name="epoch"/> as
    /// done, with its loss, the throughput in sequences per second and the current learning rate.
    /// </summary>
    void Step(int epoch, int batch, double loss, double sequencesPerSecond, double learningRate);

    /// <summary>Reports zero-based epoch <paramref name="epoch"/> as finished, with its metrics (train and validation).</summary>
    void Epoch(int epoch, IReadOnlyDictionary<string, double> metrics);

    /// <summary>Shows one line of text (a warning, the reason the run stopped).</summary>
    void Message(string line);

    /// <summary>Ends the display (idempotent); later messages are written as plain lines.</summary>
    void Stop();
}
