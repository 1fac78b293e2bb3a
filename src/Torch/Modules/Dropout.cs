using static RnnTorch.torch.nn;

namespace RnnTorch.Modules;

/// <summary>
/// Zeroes each element with probability <see cref="p"/> and scales the rest by 1/(1 − p) while the module is in
/// training mode; after <c>eval()</c> it passes its input through (PyTorch's <c>nn.Dropout</c>).
/// </summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer; see <see cref="torch.nn.Dropout"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1].</exception>
    public Dropout(double p = 0.5) : base(nameof(Dropout))
    {
        functional.CheckProbability(p);
        this.p = p;
    }

    /// <summary>The probability of zeroing an element.</summary>
    public double p { get; }

    /// <summary>Applies dropout when <see cref="Module.training"/> is true; otherwise returns a new handle to the input.</summary>
    public override Tensor forward(Tensor input) => functional.dropout(input, p, training);
}
