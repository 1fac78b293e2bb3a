namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>The non-linearity of an Elman RNN layer or cell (TorchSharp's enum).</summary>
        public enum NonLinearities
        {
            /// <summary>max(x, 0).</summary>
            ReLU = 0,
            /// <summary>Hyperbolic tangent (the default).</summary>
            Tanh = 1,
        }
    }
}
