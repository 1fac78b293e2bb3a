using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// The hand-rolled multi-layer Elman RNN: the Elman cell unrolled over time, layer on layer, optionally bidirectional,
/// with the same constructor arguments, forward shapes and parameter names as <c>nn.RNN</c>
/// (<c>weight_ih_l{k}[_reverse]</c>, <c>weight_hh_l{k}</c>, <c>bias_ih_l{k}</c>, <c>bias_hh_l{k}</c>), so a state dict
/// loads into either and the same weights give the same numbers.
/// </summary>
/// <remarks>
/// Shapes (N batch, L length, D = 2 if bidirectional else 1): input (L, N, H_in), or (N, L, H_in) with batchFirst, or
/// (L, H_in) unbatched; h0 (D·num_layers, N, H) (zeros when null); lengths (N) int64, each in 1..L, for a padded batch of
/// variable-length sequences (outputs past a sequence's end are zero and h_n is the state at its own last step, as
/// <c>nn.RNN</c> gives on the packed batch). Returns output (L, N, D·H) (batch-first likewise) and h_n (D·num_layers, N, H).
/// For speed each layer projects all its input steps in one matrix product (x W_ihᵀ + b_ih + b_hh), and, by default, its
/// backward pass is written out by hand with the weight gradient as one matrix product over all steps
/// (<see cref="ElmanBackward.Manual"/>).
/// </remarks>
public sealed class ElmanRnn : Module<Tensor, Tensor?, (Tensor output, Tensor h_n)>
{
    private readonly List<(Parameter wIh, Parameter wHh, Parameter? bIh, Parameter? bHh)> layers = new();

    /// <summary>Creates the layer stack; arguments as <c>nn.RNN</c>'s, plus how gradients are computed.</summary>
    public ElmanRnn(long inputSize, long hiddenSize, long numLayers = 1, NonLinearities nonLinearity = NonLinearities.Tanh, bool bias = true,
        bool batchFirst = false, double dropout = 0.0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null,
        ElmanBackward backward = ElmanBackward.Manual) : base(nameof(ElmanRnn))
    {
        if (inputSize <= 0) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "inputSize must be positive.");
        if (hiddenSize <= 0) throw new ArgumentOutOfRangeException(nameof(hiddenSize), hiddenSize, "hiddenSize must be positive.");
        if (numLayers <= 0) throw new ArgumentOutOfRangeException(nameof(numLayers), numLayers, "numLayers must be positive.");
        if (!(dropout >= 0 && dropout <= 1)) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout must be a probability in [0, 1].");
        if (!Enum.IsDefined(nonLinearity)) throw new ArgumentOutOfRangeException(nameof(nonLinearity), nonLinearity, "not a non-linearity.");
        if (!Enum.IsDefined(backward)) throw new ArgumentOutOfRangeException(nameof(backward), backward, "not a backward mode.");
        input_size = inputSize;
        hidden_size = hiddenSize;
        num_layers = numLayers;
        NonLinearity = nonLinearity;
        this.bias = bias;
        batch_first = batchFirst;
        this.dropout = dropout;
        this.bidirectional = bidirectional;
        Backward = backward;
        double k = 1 / Math.Sqrt(hiddenSize);
        int dirs = bidirectional ? 2 : 1;
        using var scope = NewDisposeScope();
        Parameter Make(string name, params long[] shape)
        {
            var p = new Parameter(empty(shape, dtype, device).uniform_(-k, k));
            register_parameter(name, p);
            return p;
        }
        for (long layer = 0; layer < numLayers; layer++)
        {
            for (int dir = 0; dir < dirs; dir++)
            {
                string s = $"l{layer}{(dir == 1 ? "_reverse" : "")}";
                long layerInput = layer == 0 ? inputSize : hiddenSize * dirs;
                var wIh = Make($"weight_ih_{s}", hiddenSize, layerInput);
                var wHh = Make($"weight_hh_{s}", hiddenSize, hiddenSize);
                Parameter? bIh = bias ? Make($"bias_ih_{s}", hiddenSize) : null;
                Parameter? bHh = bias ? Make($"bias_hh_{s}", hiddenSize) : null;
                layers.Add((wIh, wHh, bIh, bHh));
            }
        }
    }

    /// <summary>H_in.</summary>
    public long input_size { get; }
    /// <summary>H.</summary>
    public long hidden_size { get; }
    /// <summary>The number of stacked layers.</summary>
    public long num_layers { get; }
    /// <summary>tanh or relu.</summary>
    public NonLinearities NonLinearity { get; }
    /// <summary>Whether the layers have biases.</summary>
    public bool bias { get; }
    /// <summary>Whether inputs and outputs are (N, L, …).</summary>
    public bool batch_first { get; }
    /// <summary>Dropout probability on each layer's output but the last (training only).</summary>
    public double dropout { get; }
    /// <summary>Whether each layer also runs backwards in time.</summary>
    public bool bidirectional { get; }
    /// <summary>How gradients are computed.</summary>
    public ElmanBackward Backward { get; }

    /// <summary>Runs from a zero state on sequences that all have the full length.</summary>
    public (Tensor output, Tensor h_n) forward(Tensor input) => forward(input, null, null);

    /// <summary>Runs from <paramref name="h0"/> (zeros when null) on sequences that all have the full length.</summary>
    public override (Tensor output, Tensor h_n) forward(Tensor input, Tensor? h0) => forward(input, h0, null);

    /// <summary>Runs from a zero state.</summary>
    public (Tensor output, Tensor h_n) call(Tensor input) => forward(input, null, null);

    /// <summary>Runs on a padded batch whose sequences have the given <paramref name="lengths"/> (null: all full length).</summary>
    public (Tensor output, Tensor h_n) forward(Tensor input, Tensor? h0, Tensor? lengths)
    {
        ArgumentNullException.ThrowIfNull(input);
        long dim = input.dim();
        if (dim is not (2 or 3))
            throw new ArgumentException($"ElmanRnn: expected input of 2 dimensions (L, H_in) or 3 dimensions ({(batch_first ? "N, L" : "L, N")}, H_in), but got {dim} dimensions, shape [{string.Join(", ", input.shape)}].", nameof(input));
        if (input.size(-1) != input_size)
            throw new ArgumentException($"ElmanRnn: input.size(-1) must equal input_size = {input_size}, but input has shape [{string.Join(", ", input.shape)}].", nameof(input));
        bool unbatched = dim == 2;
        int dirs = bidirectional ? 2 : 1;
        using var scope = NewDisposeScope();
        // Time-major inside: (L, N, H_in).
        var x = unbatched ? input.unsqueeze(1) : batch_first ? input.transpose(0, 1) : input;
        long steps = x.size(0), batch = x.size(1);
        var stateShape = unbatched ? new[] { dirs * num_layers, hidden_size } : new[] { dirs * num_layers, batch, hidden_size };
        if (h0 is not null && !h0.shape.SequenceEqual(stateShape))
            throw new ArgumentException($"ElmanRnn: expected h0 of shape ({string.Join(", ", stateShape)}), but got ({string.Join(", ", h0.shape)}).", nameof(h0));
        var states = (h0 is null ? zeros(new[] { dirs * num_layers, batch, hidden_size }, x.dtype, x.device) : unbatched ? h0.unsqueeze(1) : h0).unbind(0);
        var (mask, reverse) = lengths is null ? (null, null) : Masks(lengths, steps, batch, x);

        var layerInput = x;
        var finals = new Tensor[dirs * num_layers];
        for (int layer = 0; layer < num_layers; layer++)
        {
            var outs = new Tensor[dirs];
            for (int dir = 0; dir < dirs; dir++)
            {
                int idx = layer * dirs + dir;
                var (wIh, wHh, bIh, bHh) = layers[idx];
                var xin = dir == 0 ? layerInput : Reverse(layerInput, reverse);
                // The input projection of every step in one matrix product.
                var flat = xin.reshape(steps * batch, xin.size(2));
                var projected = bIh is null ? flat.matmul(wIh.t()) : (bIh + bHh!).addmm(flat, wIh.t());
                var xp = projected.reshape(steps, batch, hidden_size);
                var (output, last) = Recur(xp, states[idx], wHh, mask);
                outs[dir] = dir == 0 ? output : Reverse(output, reverse);
                finals[idx] = last;
            }
            var layerOutput = dirs == 2 ? cat(outs, 2) : outs[0];
            if (layer < num_layers - 1 && dropout > 0 && training) layerOutput = functional.dropout(layerOutput, dropout, true);
            layerInput = layerOutput;
        }
        var result = unbatched ? layerInput.squeeze(1) : batch_first ? layerInput.transpose(0, 1) : layerInput;
        var hN = stack(finals, 0);
        if (unbatched) hN = hN.squeeze(1);
        return (result.MoveToOuterDisposeScope(), hN.MoveToOuterDisposeScope());
    }

    /// <summary>The weights per layer and direction (index layer·D + direction).</summary>
    internal IReadOnlyList<(Parameter wIh, Parameter wHh, Parameter? bIh, Parameter? bHh)> Layers => layers;

    /// <summary>The mask (L, N, 1) of running steps and the gather index (L, N, 1) that reverses each sequence in its length.</summary>
    internal static (Tensor mask, Tensor reverse) Masks(Tensor lengths, long steps, long batch, Tensor like)
    {
        var lens = lengths.to(ScalarType.Int64, CPU);
        var values = lens.data<long>().ToArray();
        if (lens.dim() != 1 || values.Length != batch)
            throw new ArgumentException($"ElmanRnn: lengths must be 1-D with one length per sequence ({batch}), but has shape [{string.Join(", ", lens.shape)}].", nameof(lengths));
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] <= 0 || values[i] > steps)
                throw new ArgumentException($"ElmanRnn: lengths[{i}] is {values[i]}, but lengths must be in 1..{steps} (the padded sequence length).", nameof(lengths));
        }
        var t = arange(steps, device: like.device).unsqueeze(1);                // (L, 1)
        var len = lens.to(like.device).unsqueeze(0);                           // (1, N)
        var running = t.lt(len);                                               // (L, N)
        var reverse = where(running, len - 1 - t, t.expand(steps, batch));     // t ↦ len − 1 − t inside, t outside
        return (running.unsqueeze(2).to(like.dtype), reverse.unsqueeze(2));
    }

    /// <summary>Reverses each sequence within its own length (a permutation that is its own inverse).</summary>
    internal static Tensor Reverse(Tensor x, Tensor? reverse) =>
        reverse is null ? x.flip(0) : x.gather(0, reverse.expand(x.size(0), x.size(1), x.size(2)));

    private (Tensor output, Tensor last) Recur(Tensor xp, Tensor h0, Parameter wHh, Tensor? mask)
    {
        var act = NonLinearity;
        if (Backward == ElmanBackward.Autograd)
            return ElmanRecurrence.Forward(xp, h0, mask, (p, h) => ElmanCell.Recur(p, h, wHh, act));

        // Manual: the whole recurrence is one autograd node whose backward is ElmanRecurrence.Backward.
        Tensor? savedOut = null, savedH0 = null, savedW = null, savedMask = null;
        var results = autograd.Function.apply(new Tensor[] { xp, h0, wHh },
            () =>
            {
                var (output, last) = ElmanRecurrence.Forward(xp, h0, mask, (p, h) => ElmanCell.Recur(p, h, wHh, act));
                savedOut = output.alias().DetachFromDisposeScope();
                savedH0 = h0.detach().DetachFromDisposeScope();
                savedW = wHh.detach().DetachFromDisposeScope();
                savedMask = mask?.alias().DetachFromDisposeScope();
                return new[] { output, last };
            },
            grads =>
            {
                var (dXp, dH0, dW) = ElmanRecurrence.Backward(grads[0], grads[1], savedOut!, savedH0!, savedW!, savedMask, act);
                return new Tensor?[] { dXp, dH0, dW };
            },
            () =>
            {
                savedOut?.Dispose();
                savedH0?.Dispose();
                savedW?.Dispose();
                savedMask?.Dispose();
            });
        return (results[0], results[1]);
    }
}
