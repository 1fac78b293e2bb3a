using static RnnTorch.Native.NativeMethods;

namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Weight initialisation (<c>torch.nn.init</c>): each function fills its tensor in place without recording
        /// gradients (a leaf that requires grad stays a leaf) and returns that same tensor.
        /// </summary>
        public static class init
        {
            /// <summary>The non-linearity a gain is computed for (TorchSharp's enum).</summary>
            public enum NonlinearityType
            {
                /// <summary>Identity (gain 1).</summary>
                Linear = 0,
                /// <summary>1-d convolution (gain 1).</summary>
                Conv1D = 1,
                /// <summary>2-d convolution (gain 1).</summary>
                Conv2D = 2,
                /// <summary>3-d convolution (gain 1).</summary>
                Conv3D = 3,
                /// <summary>1-d transposed convolution (gain 1).</summary>
                ConvTranspose1D = 4,
                /// <summary>2-d transposed convolution (gain 1).</summary>
                ConvTranspose2D = 5,
                /// <summary>3-d transposed convolution (gain 1).</summary>
                ConvTranspose3D = 6,
                /// <summary>Logistic sigmoid (gain 1).</summary>
                Sigmoid = 7,
                /// <summary>Hyperbolic tangent (gain 5/3).</summary>
                Tanh = 8,
                /// <summary>max(x, 0) (gain √2).</summary>
                ReLU = 9,
                /// <summary>Leaky ReLU with negative slope a (gain √(2 / (1 + a²))).</summary>
                LeakyReLU = 10,
            }

            /// <summary>Which fan the Kaiming initialisers preserve the variance of.</summary>
            public enum FanInOut
            {
                /// <summary>The number of inputs (forward pass).</summary>
                FanIn = 0,
                /// <summary>The number of outputs (backward pass).</summary>
                FanOut = 1,
            }

            // The shim's codes: 0 leaky_relu, 1 relu, 2 tanh, 3 sigmoid, 4 linear (convolutions have the linear gain).
            private static int NonlinearityCode(NonlinearityType nonlinearity) => nonlinearity switch
            {
                NonlinearityType.LeakyReLU => 0,
                NonlinearityType.ReLU => 1,
                NonlinearityType.Tanh => 2,
                NonlinearityType.Sigmoid => 3,
                NonlinearityType.Linear or NonlinearityType.Conv1D or NonlinearityType.Conv2D or NonlinearityType.Conv3D
                    or NonlinearityType.ConvTranspose1D or NonlinearityType.ConvTranspose2D or NonlinearityType.ConvTranspose3D => 4,
                _ => throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity, $"nonlinearity {nonlinearity} is not a NonlinearityType."),
            };

            private static int FanCode(FanInOut mode) => mode switch
            {
                FanInOut.FanIn => 0,
                FanInOut.FanOut => 1,
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode {mode} is not a FanInOut."),
            };

            /// <summary>
            /// The recommended gain for <paramref name="nonlinearity"/>: 1 for linear, convolutions and sigmoid, 5/3 for tanh,
            /// √2 for ReLU, √(2 / (1 + a²)) for leaky ReLU with negative slope a = <paramref name="param"/> (0.01 when null,
            /// as in PyTorch). <paramref name="param"/> is ignored for the others.
            /// </summary>
            public static unsafe double calculate_gain(NonlinearityType nonlinearity, double? param = null)
            {
                int code = NonlinearityCode(nonlinearity);
                double value;
                Native.NativeMethods.Check(rt_init_calculate_gain(code, param ?? 0.01, &value));
                return value;
            }

            private static Tensor Fill(Tensor tensor, Action<Tensor> fill)
            {
                ThrowHelper.ThrowIfNull(tensor);
                using (no_grad()) fill(tensor);
                return tensor;
            }

            /// <summary>Fills <paramref name="tensor"/> with samples of U(<paramref name="low"/>, <paramref name="high"/>).</summary>
            public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1) => Fill(tensor, t => t.uniform_(low, high));

            /// <summary>Fills <paramref name="tensor"/> with samples of N(<paramref name="mean"/>, <paramref name="std"/>²).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1) => Fill(tensor, t => t.normal_(mean, std));

            /// <summary>Fills <paramref name="tensor"/> with <paramref name="val"/>.</summary>
            public static Tensor constant_(Tensor tensor, Scalar val) => Fill(tensor, t => t.fill_(val));

            /// <summary>Fills <paramref name="tensor"/> with ones.</summary>
            public static Tensor ones_(Tensor tensor) => Fill(tensor, t => t.fill_(1));

            /// <summary>Fills <paramref name="tensor"/> with zeros.</summary>
            public static Tensor zeros_(Tensor tensor) => Fill(tensor, t => t.zero_());

            /// <summary>
            /// Glorot/Xavier uniform: U(−b, b) with b = gain·√(6 / (fan_in + fan_out)); fan_in is size(1) and fan_out size(0),
            /// each times the receptive field (the product of the dimensions after the second). Needs at least 2 dimensions.
            /// </summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0) =>
                Fill(tensor, t => Tensor.Check(rt_init_xavier_uniform_(t.Handle, gain), t));

            /// <summary>Glorot/Xavier normal: N(0, std²) with std = gain·√(2 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0) =>
                Fill(tensor, t => Tensor.Check(rt_init_xavier_normal_(t.Handle, gain), t));

            /// <summary>Same as <see cref="xavier_uniform_"/> (TorchSharp's alias).</summary>
            public static Tensor glorot_uniform_(Tensor tensor, double gain = 1.0) => xavier_uniform_(tensor, gain);

            /// <summary>Same as <see cref="xavier_normal_"/> (TorchSharp's alias).</summary>
            public static Tensor glorot_normal_(Tensor tensor, double gain = 1.0) => xavier_normal_(tensor, gain);

            /// <summary>
            /// He/Kaiming uniform: U(−b, b) with b = gain·√(3 / fan), where fan is fan_in or fan_out per <paramref name="mode"/>
            /// and gain = <see cref="calculate_gain"/>(<paramref name="nonlinearity"/>, <paramref name="a"/>).
            /// </summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
            {
                int m = FanCode(mode), n = NonlinearityCode(nonlinearity);
                return Fill(tensor, t => Tensor.Check(rt_init_kaiming_uniform_(t.Handle, a, m, n), t));
            }

            /// <summary>He/Kaiming normal: N(0, std²) with std = gain / √fan (see <see cref="kaiming_uniform_"/>).</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
            {
                int m = FanCode(mode), n = NonlinearityCode(nonlinearity);
                return Fill(tensor, t => Tensor.Check(rt_init_kaiming_normal_(t.Handle, a, m, n), t));
            }

            /// <summary>
            /// Fills <paramref name="tensor"/> (at least 2 dimensions, flattened to size(0) × rest) with a (semi-)orthogonal
            /// matrix times <paramref name="gain"/>: orthonormal rows or columns, whichever are fewer.
            /// </summary>
            public static Tensor orthogonal_(Tensor tensor, double gain = 1.0) =>
                Fill(tensor, t => Tensor.Check(rt_init_orthogonal_(t.Handle, gain), t));
        }
    }
}
