namespace RnnTorch.Models;

/// <summary>Which recurrent network a <see cref="RecurrentLayer"/> (and so every head) runs.</summary>
public enum CoreKind
{
    /// <summary>The hand-rolled Elman RNN (<see cref="ElmanRnn"/>, tanh), written from tensor ops with manual BPTT.</summary>
    Elman = 0,

    /// <summary>The built-in Elman RNN on libtorch's fused kernel (<c>nn.RNN</c>, tanh); same parameter names as <see cref="Elman"/>.</summary>
    Rnn = 1,

    /// <summary>The built-in long short-term memory (<c>nn.LSTM</c>): its state has a cell part.</summary>
    Lstm = 2,

    /// <summary>The built-in gated recurrent unit (<c>nn.GRU</c>).</summary>
    Gru = 3,
}
