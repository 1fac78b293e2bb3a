namespace RnnTorch.Tests.Modules;

/// <summary>
/// The published recurrences as plain float64 loops over arrays (no tensors): the independent oracle for the built-in
/// layers. Weights come in PyTorch's layout: W_ih (G·H, in), W_hh (G·H, H), biases (G·H), gates in PyTorch's order.
/// </summary>
public static class RecurrentReference
{
    public enum Kind { Tanh, Relu, Lstm, Gru }

    public sealed record LayerWeights(double[] Wih, double[] Whh, double[]? Bih, double[]? Bhh, int InputSize);

    /// <summary>
    /// Runs one sequence x[t][i] (length L) through a stack of layers; weights[layer][direction]. Returns the top layer's
    /// outputs out[t][D·H] and the final states h[layer·D + dir][H] (and c for the LSTM).
    /// </summary>
    public static (double[][] output, double[][] h, double[][] c) Run(Kind kind, double[][] x, LayerWeights[][] weights, int hidden,
        double[][]? h0 = null, double[][]? c0 = null)
    {
        int layers = weights.Length, dirs = weights[0].Length, steps = x.Length;
        var hN = new double[layers * dirs][];
        var cN = new double[layers * dirs][];
        double[][] input = x;
        for (int l = 0; l < layers; l++)
        {
            var next = new double[steps][];
            for (int t = 0; t < steps; t++) next[t] = new double[dirs * hidden];
            for (int d = 0; d < dirs; d++)
            {
                int idx = l * dirs + d;
                var h = (double[])(h0?[idx] ?? new double[hidden]).Clone();
                var c = (double[])(c0?[idx] ?? new double[hidden]).Clone();
                for (int s = 0; s < steps; s++)
                {
                    int t = d == 0 ? s : steps - 1 - s;
                    (h, c) = Step(kind, input[t], h, c, weights[l][d], hidden);
                    Array.Copy(h, 0, next[t], d * hidden, hidden);
                }
                hN[idx] = h;
                cN[idx] = c;
            }
            input = next;
        }
        return (input, hN, cN);
    }

    private static double[] Affine(double[] w, double[]? b, double[] v, int rows, int row0)
    {
        var r = new double[rows];
        int cols = v.Length;
        for (int i = 0; i < rows; i++)
        {
            double s = b is null ? 0 : b[row0 + i];
            for (int j = 0; j < cols; j++) s += w[(row0 + i) * cols + j] * v[j];
            r[i] = s;
        }
        return r;
    }

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    public static (double[] h, double[] c) Step(Kind kind, double[] x, double[] h, double[] c, LayerWeights w, int hidden)
    {
        switch (kind)
        {
            case Kind.Tanh:
            case Kind.Relu:
            {
                var a = Affine(w.Wih, w.Bih, x, hidden, 0);
                var b = Affine(w.Whh, w.Bhh, h, hidden, 0);
                var r = new double[hidden];
                for (int i = 0; i < hidden; i++) r[i] = kind == Kind.Tanh ? Math.Tanh(a[i] + b[i]) : Math.Max(0, a[i] + b[i]);
                return (r, c);
            }
            case Kind.Lstm:
            {
                var hNew = new double[hidden];
                var cNew = new double[hidden];
                var gi = Add(Affine(w.Wih, w.Bih, x, hidden, 0), Affine(w.Whh, w.Bhh, h, hidden, 0));
                var gf = Add(Affine(w.Wih, w.Bih, x, hidden, hidden), Affine(w.Whh, w.Bhh, h, hidden, hidden));
                var gg = Add(Affine(w.Wih, w.Bih, x, hidden, 2 * hidden), Affine(w.Whh, w.Bhh, h, hidden, 2 * hidden));
                var go = Add(Affine(w.Wih, w.Bih, x, hidden, 3 * hidden), Affine(w.Whh, w.Bhh, h, hidden, 3 * hidden));
                for (int k = 0; k < hidden; k++)
                {
                    cNew[k] = Sigmoid(gf[k]) * c[k] + Sigmoid(gi[k]) * Math.Tanh(gg[k]);
                    hNew[k] = Sigmoid(go[k]) * Math.Tanh(cNew[k]);
                }
                return (hNew, cNew);
            }
            default:
            {
                var hNew = new double[hidden];
                var ir = Affine(w.Wih, w.Bih, x, hidden, 0);
                var iz = Affine(w.Wih, w.Bih, x, hidden, hidden);
                var inn = Affine(w.Wih, w.Bih, x, hidden, 2 * hidden);
                var hr = Affine(w.Whh, w.Bhh, h, hidden, 0);
                var hz = Affine(w.Whh, w.Bhh, h, hidden, hidden);
                var hn = Affine(w.Whh, w.Bhh, h, hidden, 2 * hidden);
                for (int k = 0; k < hidden; k++)
                {
                    double r = Sigmoid(ir[k] + hr[k]), z = Sigmoid(iz[k] + hz[k]);
                    double n = Math.Tanh(inn[k] + r * hn[k]);
                    hNew[k] = (1 - z) * n + z * h[k];
                }
                return (hNew, c);
            }
        }
    }

    private static double[] Add(double[] a, double[] b)
    {
        var r = new double[a.Length];
        for (int i = 0; i < a.Length; i++) r[i] = a[i] + b[i];
        return r;
    }
}
