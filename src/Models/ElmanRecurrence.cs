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
        long steps = output.size(0), n = h0.size(0), hidden = h0.size(1);
        // φ'(pre_t) comes from the new state: tanh' = 1 − h², relu' = [h > 0], each applied by libtorch's fused kernel.
        // Under a mask out_t = m_t ĥ_t; where m_t = 0 the step's gradient is masked out, so out_t serves for ĥ_t.
        Func<Tensor, Tensor, Tensor> derivative = act == NonLinearities.Tanh ? tanh_backward : relu_backward;
        var outs = output.unbind(0);
        var gOut = gradOutput.unbind(0);
        var masks = mask?.unbind(0);
        var dpre = new Tensor[steps];
        Tensor dH0 = null!;
        if (masks is null)
        {
            // total_t = dL/dh_t: from step t's output and from step t+1.
            var total = gOut[steps - 1] + gradLast;
            for (long t = steps - 1; t > 0; t--)
            {
                dpre[t] = derivative(total, outs[t]);
                // dL/dh_{t−1} = out-gradient of step t−1 + dpre_t W_hh, in one addmm.
                total = gOut[t - 1].addmm(dpre[t], wHh);
            }
            dpre[0] = derivative(total, outs[0]);
            dH0 = dpre[0].mm(wHh);
        }
        else
        {
            // h_t = m_t ĥ_t + (1 − m_t) h_{t−1}, out_t = m_t ĥ_t: the output's gradient reaches ĥ_t only, while the
            // gradient from the future (dL/dh_t) also passes straight through to h_{t−1} where the sequence has ended.
            var future = gradLast;
            for (long t = steps - 1; t >= 0; t--)
            {
                var m = masks[t];
                dpre[t] = derivative(gOut[t] + future, outs[t]) * m;
                future = dpre[t].mm(wHh) + future * (1 - m);
            }
            dH0 = future;
        }
        var dXp = stack(dpre, 0);
        // dW_hh = Σ_t dpre_tᵀ h_{t−1}, with h_{−1} = h0 and h_{t−1} = out_{t−1} after (under a mask a running step's
        // previous state is an output too, and a finished step has dpre = 0): one matrix product over all steps.
        var dWhh = dpre[0].t().mm(h0);
        if (steps > 1)
        {
            var later = dXp.narrow(0, 1, steps - 1).reshape((steps - 1) * n, hidden);
            var previous = output.narrow(0, 0, steps - 1).reshape((steps - 1) * n, hidden);
            dWhh = dWhh.addmm(later.t(), previous);
        }
        return (dXp.MoveToOuterDisposeScope(), dH0.alias().MoveToOuterDisposeScope(), dWhh.MoveToOuterDisposeScope());
    }
}
