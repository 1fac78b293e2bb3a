using RnnTorch.Modules;

namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A multi-layer Elman RNN on libtorch's fused kernel (see <see cref="Modules.RNN"/>).</summary>
        public static RNN RNN(long inputSize, long hiddenSize, long numLayers = 1, NonLinearities nonLinearity = NonLinearities.Tanh, bool bias = true,
            bool batchFirst = false, double dropout = 0.0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, hiddenSize, numLayers, nonLinearity, bias, batchFirst, dropout, bidirectional, device, dtype);

        /// <summary>A multi-layer LSTM on libtorch's fused kernel.</summary>
        public static LSTM LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0.0,
            bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);

        /// <summary>A multi-layer GRU on libtorch's fused kernel.</summary>
        public static GRU GRU(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0.0,
            bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);

        /// <summary>One Elman RNN step.</summary>
        public static RNNCell RNNCell(long inputSize, long hiddenSize, NonLinearities nonLinearity = NonLinearities.Tanh, bool bias = true,
            Device? device = null, ScalarType? dtype = null) => new(inputSize, hiddenSize, nonLinearity, bias, device, dtype);

        /// <summary>One LSTM step.</summary>
        public static LSTMCell LSTMCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, hiddenSize, bias, device, dtype);

        /// <summary>One GRU step.</summary>
        public static GRUCell GRUCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, hiddenSize, bias, device, dtype);
    }
}
