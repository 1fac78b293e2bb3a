namespace RnnTorch.Training.Recipes;

/// <summary>The files of a run directory that let a checkpoint be reloaded on its own.</summary>
public static class RunFiles
{
    /// <summary>The experiment (<see cref="ExperimentSpec"/> as JSON).</summary>
    public const string Experiment = "experiment.json";

    /// <summary>The token vocabulary (text recipes).</summary>
    public const string Vocabulary = "vocab.json";

    /// <summary>The normaliser fitted on the training part (time-series recipes).</summary>
    public const string Normalizer = "normalizer.json";

    /// <summary>The class names as a JSON array (classification and tagging recipes).</summary>
    public const string Labels = "labels.json";

    /// <summary>The checkpoint directory under a run directory.</summary>
    public const string Checkpoints = "checkpoints";

    /// <summary>
    /// The run directory of <paramref name="checkpoint"/>: the nearest of its directory and that directory's parent that
    /// holds <see cref="Experiment"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The checkpoint does not exist, or no experiment.json is next to it or one level up.</exception>
    public static string RunDirectoryOf(string checkpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(checkpoint);
        string full = Path.GetFullPath(checkpoint);
        if (!File.Exists(full)) throw new FileNotFoundException($"checkpoint '{checkpoint}' does not exist.", checkpoint);
        string? dir = Path.GetDirectoryName(full);
        for (int i = 0; i < 2 && dir is not null; i++, dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, Experiment))) return dir;
        throw new FileNotFoundException($"checkpoint '{checkpoint}' has no {Experiment} next to it or one directory up (train writes it in the run directory).", checkpoint);
    }
}
