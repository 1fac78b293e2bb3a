using static RnnTorch.torch;

namespace RnnTorch.Models;

/// <summary>
/// Backpropagation through time for an <see cref="ElmanRnn"/>'s network, written out from the equations with no autograd:
/// for the top layer's output gradient dL/dy_t (for a readout y_t = W_hy h_t that is W_hyᵀ dL/dy_t),
/// dh_t = dL/dh_t(from the output) + W_hhᵀ dpre_{t+1}, dpre_t = dh_t ⊙ φ'(pre_t) (tanh: 1 − h_t²), then
/// dW_hh = Σ_t dpre_tᵀ h_{t−1}, dW_ih = Σ_t dpre_tᵀ x_t, db_ih = db_hh = Σ_t dpre_t, dx_t = dpre_t W_ih, layer by layer down
/// the stack and through both directions. For teaching, and as an oracle independent of libtorch's autograd.
/// </summary>
public sealed class ElmanBptt
{
    private readonly ElmanRnn network;

    /// <summary>Uses <paramref name="network"/>'s weights (not copied: later changes to them are seen).</summary>
    public ElmanBptt(ElmanRnn network)
    {
        ArgumentNullException.ThrowIfNull(network);
        this.network = network;
    }

    /// <summary>
    /// Runs the network forward on <paramref name="input"/> (shapes as <see cref="ElmanRnn.forward(Tensor, Tensor?, Tensor?)"/>,
    /// batched) and back from the gradients of the loss with respect to the output and (optionally) h_n. Dropout is not
    /// modelled, so a network with dropout must be in eval mode.
    /// </summary>
    public ElmanGradients Backward(Tensor input, Tensor? h0, Tensor gradOutput, Tensor? gradHn = null, Tensor? lengths = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(gradOutput);
        if (network.dropout > 0 && network.training)
            throw new InvalidOperationException("ElmanBptt does not model dropout: call eval() on the network or use dropout = 0.");
        if (input.dim() != 3)
            throw new ArgumentException($"ElmanBptt: expected a batched input of 3 dimensions, but got shape [{string.Join(", ", input.shape)}].", nameof(input));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int dirs = network.bidirectional ? 2 : 1;
        long layers = network.num_layers, hidden = network.hidden_size;
        if (input.size(-1) != network.input_size)
            throw new ArgumentException($"ElmanBptt: input.size(-1) must equal input_size = {network.input_size}, but input has shape [{string.Join(", ", input.shape)}].", nameof(input));
        var x = network.batch_first ? input.detach().transpose(0, 1) : input.detach();
        long steps = x.size(0), batch = x.size(1);
        var states = (h0?.detach() ?? zeros(new[] { dirs * layers, batch, hidden }, x.dtype, x.device)).unbind(0);
        var (mask, reverse) = lengths is null ? ((Tensor?)null, (Tensor?)null) : ElmanRnn.Masks(lengths, steps, batch, x);

        // ---- forward, keeping every layer's input and each direction's states ---------------------------------
        var inputs = new Tensor[layers];
        var outs = new Tensor[layers * dirs];
        var finals = new Tensor[layers * dirs];
        var layerInput = x;
        for (int l = 0; l < layers; l++)
        {
            inputs[l] = layerInput;
            var parts = new Tensor[dirs];
            for (int d = 0; d < dirs; d++)
            {
                int idx = l * dirs + d;
                var (wIh, wHh, bIh, bHh) = network.Layers[idx];
                var xin = d == 0 ? layerInput : ElmanRnn.Reverse(layerInput, reverse);
                var xp = xin.matmul(wIh.t());
                if (bIh is not null) xp = xp + bIh + bHh!;
                var act = network.NonLinearity;
                (outs[idx], finals[idx]) = ElmanRecurrence.Forward(xp, states[idx], mask, (p, h) => ElmanCell.Recur(p, h, wHh, act));
                parts[d] = d == 0 ? outs[idx] : ElmanRnn.Reverse(outs[idx], reverse);
            }
            layerInput = dirs == 2 ? cat(parts, 2) : parts[0];
        }
        var output = network.batch_first ? layerInput.transpose(0, 1) : layerInput;
        var hN = stack(finals, 0);

        // ---- backward, top layer first ------------------------------------------------------------------------
        var grads = new Dictionary<string, Tensor>();
        var dY = network.batch_first ? gradOutput.transpose(0, 1) : gradOutput;
        var dFinal = (gradHn ?? zeros(new[] { dirs * layers, batch, hidden }, x.dtype, x.device)).unbind(0);
        var dH0 = new Tensor[dirs * layers];
        for (long l = layers - 1; l >= 0; l--)
        {
            Tensor? dX = null;
            for (int d = 0; d < dirs; d++)
            {
                int idx = (int)l * dirs + d;
                var (wIh, wHh, bIh, _) = network.Layers[idx];
                var dOut = dY.narrow(2, d * hidden, hidden);
                if (d == 1) dOut = ElmanRnn.Reverse(dOut, reverse);
                var (dXp, dh0, dWhh) = ElmanRecurrence.Backward(dOut, dFinal[idx], outs[idx], states[idx], wHh, mask, network.NonLinearity);
                var xin = d == 0 ? inputs[l] : ElmanRnn.Reverse(inputs[l], reverse);
                long features = xin.size(2);
                var flatDXp = dXp.reshape(steps * batch, hidden);
                string s = $"l{l}{(d == 1 ? "_reverse" : "")}";
                grads[$"weight_ih_{s}"] = flatDXp.t().mm(xin.reshape(steps * batch, features));
                grads[$"weight_hh_{s}"] = dWhh;
                if (bIh is not null)
                {
                    grads[$"bias_ih_{s}"] = flatDXp.sum(0);
                    grads[$"bias_hh_{s}"] = flatDXp.sum(0);
                }
                var dXin = dXp.matmul(wIh);
                if (d == 1) dXin = ElmanRnn.Reverse(dXin, reverse);
                dX = dX is null ? dXin : dX + dXin;
                dH0[idx] = dh0;
            }
            dY = dX!;
        }
        var inputGrad = network.batch_first ? dY.transpose(0, 1) : dY;
        var result = new ElmanGradients(output, hN, inputGrad, stack(dH0, 0),
            network.named_parameters().ToDictionary(p => p.name, p => grads[p.name]));
        result.DetachFromScope();
        return result;
    }
}
