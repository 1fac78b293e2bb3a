namespace RnnTorch.Tests;

/// <summary>
/// Adam and AdamW as float64 loops, following PyTorch 1.13's code: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
/// m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ), p ← p − lr·m̂ / (√v̂ + eps). Adam's weight decay adds wd·p to g; AdamW's
/// multiplies p by 1 − lr·wd first. With AMSGrad the running maximum is taken over the raw v (then bias-corrected with
/// the current t), as PyTorch's implementation does (its 1.13 docs' pseudo-code takes it over v̂ instead).
/// </summary>
internal sealed class AdamReference
{
    private readonly double lr, beta1, beta2, eps, wd;
    private readonly bool amsgrad, maximize, decoupled;
    private double[]? m, v, vmax;
    private int t;

    public AdamReference(double lr, double beta1, double beta2, double eps, double wd, bool amsgrad, bool maximize, bool decoupled)
    {
        (this.lr, this.beta1, this.beta2, this.eps, this.wd) = (lr, beta1, beta2, eps, wd);
        (this.amsgrad, this.maximize, this.decoupled) = (amsgrad, maximize, decoupled);
    }

    public double[] ExpAvg => m!;

    public double[] ExpAvgSq => v!;

    public double[] MaxExpAvgSq => vmax!;

    public double[] Step(double[] p, double[] grad)
    {
        int n = p.Length;
        m ??= new double[n];
        v ??= new double[n];
        vmax ??= new double[n];
        t++;
        var next = new double[n];
        for (int i = 0; i < n; i++)
        {
            double pi = p[i];
            double g = maximize ? -grad[i] : grad[i];
            if (decoupled) pi *= 1 - lr * wd;
            else g += wd * pi;
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            vmax[i] = Math.Max(vmax[i], v[i]);
            double mHat = m[i] / (1 - Math.Pow(beta1, t));
            double vHat = (amsgrad ? vmax[i] : v[i]) / (1 - Math.Pow(beta2, t));
            next[i] = pi - lr * mHat / (Math.Sqrt(vHat) + eps);
        }
        return next;
    }
}
