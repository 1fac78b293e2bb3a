using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// Layer normalisation over the trailing <see cref="normalized_shape"/> dimensions (PyTorch's <c>nn.LayerNorm</c>):
/// (x − mean) / √(var + eps) · weight + bias, with <c>weight</c> starting at ones and <c>bias</c> at zeros; both are
/// registered as absent (null) without an elementwise affine map.
/// </summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    private readonly long[] shape;
    private Parameter? weightParameter;
    private Parameter? biasParameter;

    /// <summary>Creates the layer; see <see cref="torch.nn.LayerNorm(long[], double, bool, bool, Device?, ScalarType?)"/>.</summary>
    public LayerNorm(long[] normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true,
        Device? device = null, ScalarType? dtype = null) : base(nameof(LayerNorm))
    {
        ThrowHelper.ThrowIfNull(normalized_shape);
        foreach (long d in normalized_shape) ThrowHelper.ThrowIfNegative(d, nameof(normalized_shape));
        if (!(eps >= 0)) ThrowHelper.ThrowOutOfRange(nameof(eps), eps, "must not be negative.");
        shape = (long[])normalized_shape.Clone();
        this.eps = eps;
        this.elementwise_affine = elementwise_affine;
        if (elementwise_affine)
        {
            using (var w = ones(shape, dtype, device)) weightParameter = new Parameter(w);
            if (bias)
            {
                using var b = zeros(shape, dtype, device);
                biasParameter = new Parameter(b);
            }
        }
        register_parameter("weight", weightParameter);
        register_parameter("bias", biasParameter);
    }

    /// <summary>The trailing dimensions normalised over (a copy).</summary>
    public long[] normalized_shape => (long[])shape.Clone();

    /// <summary>Added to the variance for numerical stability.</summary>
    public double eps { get; }

    /// <summary>Whether the layer has a learnable per-element scale (and bias).</summary>
    public bool elementwise_affine { get; }

    /// <summary>The per-element scale, or null.</summary>
    public Parameter? weight => weightParameter;

    /// <summary>The per-element shift, or null.</summary>
    public Parameter? bias => biasParameter;

    /// <summary>Normalises <paramref name="input"/> over its trailing <see cref="normalized_shape"/> dimensions.</summary>
    public override Tensor forward(Tensor input) => functional.layer_norm(input, shape, weightParameter, biasParameter, eps);
}
