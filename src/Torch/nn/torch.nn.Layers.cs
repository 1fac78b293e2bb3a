namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// The affine layer y = x·Wᵀ + b with <c>weight</c> (<paramref name="outputSize"/>, <paramref name="inputSize"/>) and,
        /// with <paramref name="hasBias"/>, <c>bias</c> (<paramref name="outputSize"/>), both drawn from U(−1/√in, 1/√in).
        /// </summary>
        public static Modules.Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, outputSize, hasBias, device, dtype);

        /// <summary>
        /// A lookup table of <paramref name="num_embeddings"/> rows of size <paramref name="embedding_dims"/>, drawn from
        /// N(0, 1); the row <paramref name="padding_idx"/> (negative counts from the end) is zero and gets no gradient.
        /// </summary>
        public static Modules.Embedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, Device? device = null, ScalarType? dtype = null) =>
            new(num_embeddings, embedding_dims, padding_idx, device, dtype);

        /// <summary>Dropout with probability <paramref name="p"/> in [0, 1], active only in training mode.</summary>
        public static Modules.Dropout Dropout(double p = 0.5) => new(p);

        /// <summary>
        /// Layer normalisation over the trailing <paramref name="normalized_shape"/> dimensions, with a learnable
        /// per-element <c>weight</c> (ones) and <c>bias</c> (zeros) when <paramref name="elementwise_affine"/>
        /// (<paramref name="bias"/> false leaves the shift out).
        /// </summary>
        public static Modules.LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true,
            Device? device = null, ScalarType? dtype = null) => new(normalized_shape, eps, elementwise_affine, bias, device, dtype);

        /// <summary>Layer normalisation over the last dimension, of size <paramref name="normalized_shape"/>.</summary>
        public static Modules.LayerNorm LayerNorm(long normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true,
            Device? device = null, ScalarType? dtype = null) => new(new[] { normalized_shape }, eps, elementwise_affine, bias, device, dtype);

        /// <summary>A module returning its input.</summary>
        public static Modules.Identity Identity() => new();

        /// <summary>The element-wise hyperbolic tangent.</summary>
        public static Modules.Tanh Tanh() => new();

        /// <summary>The element-wise max(x, 0); with <paramref name="inplace"/>, it overwrites its input.</summary>
        public static Modules.ReLU ReLU(bool inplace = false) => new(inplace);
    }
}
