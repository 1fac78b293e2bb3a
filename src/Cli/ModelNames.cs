using RnnTorch.Models;

namespace RnnTorch.Cli;

/// <summary>How the compared cores are named in tables and directories.</summary>
internal static class ModelNames
{
    public static string Display(CoreKind core) => core switch
    {
        CoreKind.Elman => "ElmanRnn (hand-rolled)",
        CoreKind.Rnn => "nn.RNN (built-in)",
        CoreKind.Lstm => "nn.LSTM (built-in)",
        CoreKind.Gru => "nn.GRU (built-in)",
        _ => core.ToString(),
    };

    public static string Directory(CoreKind core) => core.ToString().ToLowerInvariant();
}
