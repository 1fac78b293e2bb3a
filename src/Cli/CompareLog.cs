using System.Globalization;

namespace RnnTorch.Cli;

/// <summary>Reads a model's loss curves back from its metrics.csv (the per-epoch rows).</summary>
internal static class CompareLog
{
    public static LossCurves Curves(string logDir)
    {
        string path = Path.Combine(logDir, "metrics.csv");
        var train = new List<(double, double)>();
        var validation = new List<(double, double)>();
        if (!File.Exists(path)) return new LossCurves(train, validation);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        int epoch = Array.IndexOf(header, "epoch"), phase = Array.IndexOf(header, "phase");
        int trainLoss = Array.IndexOf(header, "train_loss"), valLoss = Array.IndexOf(header, "val_loss");
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length != header.Length || cells[phase] != "epoch") continue;
            double e = double.Parse(cells[epoch], CultureInfo.InvariantCulture);
            if (trainLoss >= 0 && double.TryParse(cells[trainLoss], NumberStyles.Float, CultureInfo.InvariantCulture, out var t)) train.Add((e, t));
            if (valLoss >= 0 && double.TryParse(cells[valLoss], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) validation.Add((e, v));
        }
        return new LossCurves(train, validation);
    }
}
