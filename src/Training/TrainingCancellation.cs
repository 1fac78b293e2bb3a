namespace RnnTorch.Training;

/// <summary>Turns Ctrl-C into a cancellation the trainer honours at the next batch: it writes a checkpoint and returns.</summary>
public static class TrainingCancellation
{
    /// <summary>
    /// A token cancelled by the first Ctrl-C (which then does not kill the process); a second Ctrl-C kills as usual.
    /// Dispose the returned registration to stop listening.
    /// </summary>
    public static (CancellationToken Token, IDisposable Registration) OnCtrlC()
    {
        var source = new CancellationTokenSource();
        ConsoleCancelEventHandler handler = (_, e) =>
        {
            if (source.IsCancellationRequested) return;
            e.Cancel = true;
            source.Cancel();
        };
        Console.CancelKeyPress += handler;
        return (source.Token, new Registration(() =>
        {
            Console.CancelKeyPress -= handler;
            source.Dispose();
        }));
    }

    private sealed class Registration(Action dispose) : IDisposable
    {
        private Action? action = dispose;

        public void Dispose() => Interlocked.Exchange(ref action, null)?.Invoke();
    }
}
