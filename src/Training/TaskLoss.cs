namespace RnnTorch.Training;

/// <summary>One loss to back-propagate, with the number of sequences it covers (for throughput).</summary>
/// <param name="Loss">A scalar tensor.</param>
/// <param name="Sequences">How many sequences went into it.</param>
public sealed record TaskLoss(Tensor Loss, long Sequences);
