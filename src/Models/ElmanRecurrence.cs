using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

/// <summary>
/// One direction of one Elman layer over a whole (time-major) sequence, given the input projection for every step:
/// h_t = m_t ⊙ φ(xp_t + h_{t−1} W_hhᵀ) + (1 − m_t) ⊙ h_{t−1}, out_t = m_t ⊙ h_t, where xp_t = x_t W_ihᵀ + b_ih + b_hh was
/// computed for all steps in one matrix product and m_t (optional) is 1 while a sequence is running and 0 after its end.
/// The forward and the hand-written backward are shared by <see cref="ElmanRnn"/> (manual mode) and <see cref="ElmanBptt"/>.
/// </summary>
internal static class ElmanRecurrence
{
    /// <summary>
    /// Runs the recurrence. Returns out (L, N, H) and h_L (N, H). <paramref name="step"/> computes φ(xp_t + h W_hhᵀ)
    /// (the cell); autograd records whatever it does unless the caller turned gradients off.
    /// </summary>
    public static (Tensor output, Tensor last) Forward(Tensor xp, Tensor h0, Tensor? mask, Func<Tensor, Tensor, Tensor> step)
    {
        using var scope = NewDisposeScope();
        // unbind gives views whose backward accumulates into one gradient; indexing xp[t] would make backward fill a
        // full-size zero tensor per step.
        var steps = xp.unbind(0);
        var masks = mask?.unbind(0);
        var h = h0;
        var outs = new Tensor[steps.Length];
        for (int t = 0; t < steps.Length; t++)
        {
            var hNew = step(steps[t], h);
            if (masks is not null)
            {
                // Finished sequences keep their state; their outputs are zero, as pad_packed_sequence gives.
                var m = masks[t];
                h = hNew * m + h * (1 - m);
                outs[t] = hNew * m;
            }
            else
            {
                h = hNew;
                outs[t] = hNew;
            }
        }
        var output = stack(outs, 0);
        var last = h.alias();
        output.MoveToOuterDisposeScope();
        last.MoveToOuterDisposeScope();
        return (output, last);
    }

    /// <summary>
    /// Backpropagation through time written out from the equations. Given dL/d out (L, N, H) and dL/d h_L (N, H),
    /// returns dL/d xp (L, N, H), dL/d h0 (N, H) and dL/d W_hh (H, H); the weight gradient is one matrix product over
    /// all steps: dW_hh = Σ_t dpre_tᵀ h_{t−1}.
    /// </summary>
    public static (Tensor dXp, Tensor dH0, Tensor dWhh) Backward(Tensor gradOutput, Tensor gradLast, Tensor output, Tensor h0,
        Tensor wHh, Tensor? mask, NonLinearities act)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long steps = output.size(0);
        // φ'(pre_t) from the new state ĥ_t: tanh' = 1 − ĥ², relu' = [ĥ > 0]. With a mask, out_t = m_t ĥ_t, and where
        // m_t = 0 the derivative is not used (the step's gradient is masked out), so out_t serves for ĥ_t.
        var deriv = act == NonLinearities.Tanh ? 1 - output.square() : output.gt(0).to(output.dtype);
        var derivs = deriv.unbind(0);
        var gOut = gradOutput.unbind(0);
        var masks = mask?.unbind(0);
        var dh = gradLast;
        var dpre = new Tensor[steps];
        for (long t = steps - 1; t >= 0; t--)
        {
            // dL/dh_t: from this step's output and from the next step.
            var total = gOut[t] + dh;
            if (masks is null)
            {
                dpre[t] = total * derivs[t];
                dh = dpre[t].mm(wHh);
            }
            else
            {
                var m = masks[t];
                dpre[t] = total * derivs[t] * m;
                // A finished sequence passes its state through unchanged: dh_{t−1} += (1 − m_t) dh_t.
                dh = dpre[t].mm(wHh) + dh * (1 - m);
            }
        }
        var dXp = stack(dpre, 0);
        // h_{t−1} for every step: h0, then the outputs h_0 … h_{L−2}. Under a mask a running step's previous state is
        // an output too (sequences run from step 0), and a finished step has dpre = 0, so its row does not matter.
        var previous = steps > 1 ? cat(new[] { h0.unsqueeze(0), output.narrow(0, 0, steps - 1) }, 0) : h0.unsqueeze(0);
        long n = h0.size(0), hidden = h0.size(1);
        var dWhh = dXp.reshape(steps * n, hidden).t().mm(previous.reshape(steps * n, hidden));
        dXp.MoveToOuterDisposeScope();
        var dH0 = dh.alias().MoveToOuterDisposeScope();
        dWhh.MoveToOuterDisposeScope();
        return (dXp, dH0, dWhh);
    }
}
