using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// What the sequence heads share: the input layer (<c>embedding</c> or <c>projection</c> unless named otherwise), the
/// recurrent layer (<c>recurrent</c> unless named otherwise) and a parameterless <c>dropout</c>, registered on the head in
/// that order, and the checked run through them.
/// </summary>
internal sealed class SequenceEncoder
{
    private readonly string owner;
    private readonly InputLayer input;
    private readonly Dropout dropout;

    public SequenceEncoder(Module head, CoreKind kind, SequenceInput spec, long hiddenSize, long numLayers, bool bidirectional, double dropoutP,
        Device? device, ScalarType? dtype, string? inputName = null, string recurrentName = "recurrent")
    {
        ArgumentNullException.ThrowIfNull(spec);
        Checks.Probability(dropoutP, "dropout");
        owner = head.GetName();
        input = new InputLayer(head, spec, device, dtype, inputName);
        Recurrent = new RecurrentLayer(kind, spec.RecurrentInputSize, hiddenSize, numLayers, bidirectional, dropoutP, device, dtype);
        head.register_module(recurrentName, Recurrent);
        dropout = Dropout(dropoutP);
        head.register_module("dropout", dropout);
    }

    public RecurrentLayer Recurrent { get; }

    public SequenceInput Spec => input.Spec;

    /// <summary>The dropout layer (registered as <c>dropout</c>), for heads that share it.</summary>
    public Dropout DropoutLayer => dropout;

    /// <summary>Dropout (training only) on <paramref name="x"/>.</summary>
    public Tensor Drop(Tensor x) => dropout.forward(x);

    /// <summary>Checks the input (and lengths), runs the input layer, dropout and the recurrent layer: output (N, L, D·H) and final state.</summary>
    public (Tensor output, RecurrentState state) Encode(Tensor x, RecurrentState? state, Tensor? lengths)
    {
        input.Check(x);
        if (x.size(1) == 0)
            throw new ArgumentException($"{owner}: input must have at least one step, but has shape {Checks.Shape(x)}.", nameof(x));
        Checks.Lengths(owner, lengths, x.size(0), x.size(1));
        using var scope = NewDisposeScope();
        var embedded = dropout.forward(input.Forward(x));
        var (output, final) = Recurrent.forward(embedded, state, lengths);
        output.MoveToOuterDisposeScope();
        final.H.MoveToOuterDisposeScope();
        final.C?.MoveToOuterDisposeScope();
        return (output, final);
    }
}
