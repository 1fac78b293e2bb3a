namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Cross entropy of logits against class indices or probabilities, with optional per-class
        /// <paramref name="weight"/>, an <paramref name="ignore_index"/> and <paramref name="label_smoothing"/> in [0, 1].
        /// </summary>
        public static Modules.CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean,
            double label_smoothing = 0.0) => new(weight, ignore_index, reduction, label_smoothing);

        /// <summary>Negative log-likelihood of log-probabilities at class indices.</summary>
        public static Modules.NLLLoss NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100) =>
            new(weight, reduction, ignore_index);

        /// <summary>The mean (or sum) squared error.</summary>
        public static Modules.MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new(reduction);

        /// <summary>The mean (or sum) absolute error.</summary>
        public static Modules.L1Loss L1Loss(Reduction reduction = Reduction.Mean) => new(reduction);

        /// <summary>The Huber loss with threshold <paramref name="delta"/> (positive).</summary>
        public static Modules.HuberLoss HuberLoss(double delta = 1.0, Reduction reduction = Reduction.Mean) => new(delta, reduction);

        /// <summary>Binary cross entropy on logits, with optional element <paramref name="weight"/> and class <paramref name="pos_weights"/>.</summary>
        public static Modules.BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) =>
            new(weight, reduction, pos_weights);
    }
}
