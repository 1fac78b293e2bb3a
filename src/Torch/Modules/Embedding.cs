using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// A lookup table of <c>weight</c> (num_embeddings, embedding_dim) rows indexed by int64 ids (PyTorch's
/// <c>nn.Embedding</c>): the weight starts as N(0, 1) samples, with the <see cref="padding_idx"/> row zeroed; that row
/// receives no gradient.
/// </summary>
public sealed class Embedding : Module<Tensor, Tensor>
{
    private Parameter weightParameter;

    /// <summary>Creates the table; see <see cref="torch.nn.Embedding"/>.</summary>
    public Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, Device? device = null, ScalarType? dtype = null)
        : base(nameof(Embedding))
    {
        ThrowHelper.ThrowIfNegative(num_embeddings);
        ThrowHelper.ThrowIfNegative(embedding_dims);
        long pad = functional.NormalizePaddingIndex(padding_idx, num_embeddings);
        this.num_embeddings = num_embeddings;
        embedding_dim = embedding_dims;
        this.padding_idx = pad >= 0 ? pad : null;
        using (var w = empty(new[] { num_embeddings, embedding_dims }, dtype, device))
        {
            weightParameter = new Parameter(w);
        }
        init.normal_(weightParameter);
        if (pad >= 0)
        {
            using (no_grad())
            using (var row = weightParameter[pad])
            {
                row.zero_();
            }
        }
        register_parameter("weight", weightParameter);
    }

    /// <summary>The number of rows.</summary>
    public long num_embeddings { get; }

    /// <summary>The size of each row.</summary>
    public long embedding_dim { get; }

    /// <summary>The row that gets no gradient, counted from the start (a negative index given is converted), or null.</summary>
    public long? padding_idx { get; }

    /// <summary>The (num_embeddings, embedding_dim) table; setting it replaces the registered parameter (the old one is not disposed).</summary>
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

    /// <summary>Looks up the rows at the indices in <paramref name="input"/>; the result has shape input.shape + (embedding_dim).</summary>
    public override Tensor forward(Tensor input) => functional.embedding(input, weightParameter, padding_idx);
}
