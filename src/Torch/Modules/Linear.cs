using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// The affine layer y = x·Wᵀ + b (PyTorch's <c>nn.Linear</c>): parameters <c>weight</c> (out, in) and <c>bias</c> (out),
/// both initialised from U(−1/√in, 1/√in) as PyTorch does (kaiming_uniform_ with a = √5 for the weight).
/// </summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    private Parameter weightParameter;
    private Parameter? biasParameter;

    /// <summary>Creates the layer; see <see cref="torch.nn.Linear"/>.</summary>
    public Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) : base(nameof(Linear))
    {
        ThrowHelper.ThrowIfNegative(inputSize);
        ThrowHelper.ThrowIfNegative(outputSize);
        in_features = inputSize;
        out_features = outputSize;
        double bound = inputSize > 0 ? 1.0 / Math.Sqrt(inputSize) : 0.0;
        using (var w = empty(new[] { outputSize, inputSize }, dtype, device))
        {
            weightParameter = new Parameter(w);
        }
        if (weightParameter.numel() > 0) init.kaiming_uniform_(weightParameter, a: Math.Sqrt(5));
        register_parameter("weight", weightParameter);
        if (hasBias)
        {
            using (var b = empty(new[] { outputSize }, dtype, device))
            {
                biasParameter = new Parameter(b);
            }
            init.uniform_(biasParameter, -bound, bound);
        }
        register_parameter("bias", biasParameter);
    }

    /// <summary>The size of each input sample.</summary>
    public long in_features { get; }

    /// <summary>The size of each output sample.</summary>
    public long out_features { get; }

    /// <summary>The (out, in) weight; setting it replaces the registered parameter (the old one is not disposed).</summary>
    public Parameter weight
    {
        get => weightParameter;
        set
        {
            ThrowHelper.ThrowIfNull(value);
            weightParameter = value;
            OwnParameters["weight"] = value;
        }
    }

    /// <summary>The (out) bias, or null when the layer has none; setting it replaces the registered parameter.</summary>
    public Parameter? bias
    {
        get => biasParameter;
        set
        {
            biasParameter = value;
            OwnParameters["bias"] = value;
        }
    }

    /// <summary>Applies x·Wᵀ + b over the last dimension of <paramref name="input"/>.</summary>
    public override Tensor forward(Tensor input) => functional.linear(input, weightParameter, biasParameter);
}
