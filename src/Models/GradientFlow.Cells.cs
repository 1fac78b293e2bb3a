using RnnTorch.Modules;
using static RnnTorch.torch;
using static RnnTorch.torch.nn;

namespace RnnTorch.Models;

public static partial class GradientFlow
{
    /// <summary>Which cell to step and the core's (detached) layer-0 weights.</summary>
    private static CellStepper StepperOf(Module core)
    {
        ArgumentNullException.ThrowIfNull(core);
        var (kind, layers, bidirectional, relu) = core switch
        {
            ElmanRnn e => (CoreKind.Elman, e.num_layers, e.bidirectional, e.NonLinearity == NonLinearities.ReLU),
            RNN r => (CoreKind.Rnn, r.num_layers, r.bidirectional, r.NonLinearity == NonLinearities.ReLU),
            LSTM l => (CoreKind.Lstm, l.num_layers, l.bidirectional, false),
            GRU g => (CoreKind.Gru, g.num_layers, g.bidirectional, false),
            _ => throw new ArgumentException($"GradientFlow: expected an ElmanRnn, RNN, LSTM or GRU core, but got {core.GetType().Name}.", nameof(core)),
        };
        if (layers != 1 || bidirectional)
            throw new ArgumentException($"GradientFlow: measures one unidirectional layer, but the {kind} core has {layers} layer(s){(bidirectional ? ", bidirectional" : "")}.", nameof(core));
        var p = core.named_parameters(recurse: false).ToDictionary(x => x.name, x => x.parameter);
        Tensor? Get(string name) => p.TryGetValue(name, out var t) ? t.detach() : null;
        var wIh = Get("weight_ih_l0") ?? throw new ArgumentException("GradientFlow: the core has no weight_ih_l0.", nameof(core));
        var wHh = Get("weight_hh_l0") ?? throw new ArgumentException("GradientFlow: the core has no weight_hh_l0.", nameof(core));
        return new CellStepper(kind, relu, wIh, wHh, Get("bias_ih_l0"), Get("bias_hh_l0"));
    }

    /// <summary>One step of the Elman, LSTM or GRU cell with given weights (PyTorch's gate order: LSTM i, f, g, o; GRU r, z, n).</summary>
    private sealed record CellStepper(CoreKind Kind, bool Relu, Tensor WIh, Tensor WHh, Tensor? BIh, Tensor? BHh)
    {
        public long InputSize => WIh.size(1);
        public long HiddenSize => WHh.size(1);
        public ScalarType DType => WIh.dtype;

        /// <summary>x (N, H_in), h and c (N, H) → the next (h, c); c is carried unchanged but by the LSTM.</summary>
        public (Tensor h, Tensor c) Step(Tensor x, Tensor h, Tensor c)
        {
            var gi = Affine(x, WIh, BIh);
            var gh = Affine(h, WHh, BHh);
            switch (Kind)
            {
                case CoreKind.Lstm:
                {
                    var g = (gi + gh).chunk(4, 1);
                    var cNext = g[1].sigmoid() * c + g[0].sigmoid() * g[2].tanh();
                    return (g[3].sigmoid() * cNext.tanh(), cNext);
                }
                case CoreKind.Gru:
                {
                    var i = gi.chunk(3, 1);
                    var hh = gh.chunk(3, 1);
                    var reset = (i[0] + hh[0]).sigmoid();
                    var update = (i[1] + hh[1]).sigmoid();
                    var candidate = (i[2] + reset * hh[2]).tanh();
                    return (candidate + update * (h - candidate), c);
                }
                default:
                    var pre = gi + gh;
                    return (Relu ? pre.relu() : pre.tanh(), c);
            }
        }

        private static Tensor Affine(Tensor x, Tensor w, Tensor? b) => b is null ? x.matmul(w.t()) : b.addmm(x, w.t());
    }
}
