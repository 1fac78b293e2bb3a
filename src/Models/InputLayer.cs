using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// A head's input layer as a <see cref="SequenceInput"/> describes it, registered directly on the head (so parameter
/// names are <c>embedding.weight</c> or <c>projection.weight</c>, unless another name is given): checks the input and maps it to (N, L, E).
/// </summary>
internal sealed class InputLayer
{
    private readonly string owner;
    private readonly Embedding? embedding;
    private readonly Linear? projection;

    public InputLayer(Module head, SequenceInput spec, Device? device, ScalarType? dtype, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        owner = head.GetName();
        Spec = spec;
        if (spec.Kind == InputKind.Tokens)
        {
            embedding = Embedding(spec.Size, spec.LayerSize!.Value, padding_idx: 0, device: device, dtype: dtype);
            head.register_module(name ?? "embedding", embedding);
        }
        else if (spec.LayerSize is { } size)
        {
            projection = Linear(spec.Size, size, device: device, dtype: dtype);
            head.register_module(name ?? "projection", projection);
        }
    }

    public SequenceInput Spec { get; }

    /// <summary>Checks <paramref name="input"/>: token ids (N, L) int64 in range, or features (N, L, F) floating.</summary>
    public void Check(Tensor input)
    {
        if (Spec.Kind == InputKind.Tokens) Checks.TokenIds(owner, input, Spec.Size, nameof(input));
        else Checks.Features(owner, input, Spec.Size, nameof(input));
    }

    /// <summary>(N, L, E): the embedded ids, the projected features, or the features themselves (an alias).</summary>
    public Tensor Forward(Tensor input) =>
        embedding is not null ? embedding.forward(input) : projection is not null ? projection.forward(input) : input.alias();
}
