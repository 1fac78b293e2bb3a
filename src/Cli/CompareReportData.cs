namespace RnnTorch.Cli;

/// <summary>
/// Everything <c>report.html</c> of <c>rnn-torch compare</c> shows, as plain numbers: filled by the comparison,
/// drawn by <c>CompareReport</c>. Models appear in <see cref="Models"/> order everywhere.
/// </summary>
/// <param name="Title">The page title, e.g. "rnn-torch compare: seattle-weather".</param>
/// <param name="Notes">One paragraph: dataset, task, split, hyper-parameters, machine, timing method.</param>
/// <param name="Models">Display names of the compared models, e.g. "ElmanRnn (hand-rolled)", "nn.RNN (built-in)".</param>
/// <param name="Rows">The side-by-side table: one row per metric, one value per model (same order as <see cref="Models"/>).</param>
/// <param name="Curves">Loss curves, one per model (same order as <see cref="Models"/>).</param>
/// <param name="Predictions">What the models predict on validation data, or null when the task has no such view.</param>
/// <param name="GradientNorms">‖∂L/∂h_t‖ per time step t for each model (same order as <see cref="Models"/>), or null.</param>
internal sealed record CompareReportData(
    string Title,
    string Notes,
    IReadOnlyList<string> Models,
    IReadOnlyList<CompareReportRow> Rows,
    IReadOnlyList<LossCurves> Curves,
    ComparePredictions? Predictions,
    IReadOnlyList<IReadOnlyList<double>>? GradientNorms);

/// <summary>One row of the side-by-side table.</summary>
/// <param name="Metric">What is measured, e.g. "ms/training step".</param>
/// <param name="Values">One formatted value per model.</param>
internal sealed record CompareReportRow(string Metric, IReadOnlyList<string> Values);

/// <summary>A model's loss curves: x is the epoch (fractional for per-step points), y the loss.</summary>
/// <param name="Train">Training loss points (epoch, loss).</param>
/// <param name="Validation">Validation loss points (epoch, loss).</param>
internal sealed record LossCurves(IReadOnlyList<(double Epoch, double Loss)> Train, IReadOnlyList<(double Epoch, double Loss)> Validation);

/// <summary>What the compared models predict on validation data; one of the derived records.</summary>
internal abstract record ComparePredictions;

/// <summary>Regression: actual values and each model's predictions, in the data's own unit.</summary>
/// <param name="Quantity">What is predicted, e.g. "next-day temp_max".</param>
/// <param name="Unit">Its unit, e.g. "°C".</param>
/// <param name="Actual">The actual values, in time order.</param>
/// <param name="Predicted">One series per model (same order as the models), same length as <paramref name="Actual"/>.</param>
internal sealed record RegressionPredictions(string Quantity, string Unit, IReadOnlyList<double> Actual, IReadOnlyList<IReadOnlyList<double>> Predicted) : ComparePredictions;

/// <summary>Classification: each model's confusion matrix (rows actual, columns predicted).</summary>
/// <param name="Labels">The class names.</param>
/// <param name="Confusion">One matrix per model (same order as the models), Labels.Count × Labels.Count.</param>
internal sealed record ClassificationPredictions(IReadOnlyList<string> Labels, IReadOnlyList<long[,]> Confusion) : ComparePredictions;

/// <summary>Generation: a text sample from each model.</summary>
/// <param name="Prompt">The prompt every sample starts from.</param>
/// <param name="Samples">One sample per model (same order as the models).</param>
internal sealed record TextPredictions(string Prompt, IReadOnlyList<string> Samples) : ComparePredictions;
