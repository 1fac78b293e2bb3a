using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using static RnnTorch.torch;
using static RnnTorch.torch.optim.lr_scheduler;

namespace RnnTorch.Training;

/// <summary>
/// Saves and restores everything a run needs to resume exactly: the model's parameters and buffers, the optimizer's
/// state, the scheduler's state, libtorch's CPU random generator, the <see cref="TrainingState"/> and the
/// <see cref="TrainingConfig"/>. A checkpoint is one safetensors file (readable by PyTorch's <c>safetensors</c>) plus
/// a human-readable JSON sidecar <c>path + ".json"</c> with the same metadata.
/// </summary>
/// <remarks>
/// <para>File layout: tensors <c>model.{name}</c> (the model's <c>state_dict()</c>), <c>optimizer.{key}</c> (the
/// optimizer's flat <c>state_dict()</c>) and <c>rng</c> (<c>torch.get_rng_state()</c>, uint8); metadata
/// <c>format</c> = <see cref="Format"/>, <c>config</c> (the configuration's JSON), <c>state</c> (the training state's
/// JSON) and <c>scheduler</c> (the scheduler's <c>state_dict()</c> as a JSON object of numbers, or <c>null</c>).</para>
/// <para>Both files are written atomically (a temporary file in the same directory, flushed, then moved over the
/// target): a crash while saving leaves the previous checkpoint intact. <see cref="Load"/> reads only the safetensors
/// file; the sidecar is for people and tools.</para>
/// <para>The CUDA generators are not saved: a resumed run on CUDA draws the same CPU random numbers (data order,
/// initialisation done on the CPU) but not the same CUDA ones (dropout on the GPU).</para>
/// </remarks>
public static class TrainingCheckpoint
{
    /// <summary>The value of the <c>format</c> metadata entry of the checkpoints this version writes and reads.</summary>
    public const string Format = "rnn-torch-checkpoint-1";

    private const string ModelPrefix = "model.";
    private const string OptimizerPrefix = "optimizer.";
    private const string RngKey = "rng";

    private static readonly JsonSerializerOptions StateJsonOptions = new(TrainingConfig.CompactJsonOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// Writes the checkpoint <paramref name="path"/> (replacing it atomically) and its sidecar <c>path + ".json"</c>.
    /// The model's tensors are written from wherever they live (CUDA tensors as CPU copies); the random generator's
    /// state is the one at the time of the call.
    /// </summary>
    /// <param name="path">The safetensors file to write; its directory must exist.</param>
    /// <param name="model">The model whose <c>state_dict()</c> to save.</param>
    /// <param name="optimizer">The optimizer whose state to save.</param>
    /// <param name="scheduler">The learning-rate scheduler, if the run has one.</param>
    /// <param name="state">Where the run stands.</param>
    /// <param name="config">The run's configuration.</param>
    public static void Save(string path, nn.Module model, optim.Optimizer optimizer, LRScheduler? scheduler, TrainingState state, TrainingConfig config)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(config);

        var metadata = new Dictionary<string, string>
        {
            ["format"] = Format,
            ["config"] = config.ToCompactJson(),
            ["state"] = JsonSerializer.Serialize(state, TrainingConfig.CompactJsonOptions),
            ["scheduler"] = scheduler is null ? "null" : JsonSerializer.Serialize(scheduler.state_dict(), TrainingConfig.CompactJsonOptions),
        };

        var owned = new List<Tensor>();
        try
        {
            var tensors = new Dictionary<string, Tensor>();
            foreach (var (name, tensor) in model.state_dict()) tensors[ModelPrefix + name] = tensor; // live tensors: not ours to dispose
            foreach (var (key, tensor) in optimizer.state_dict())
            {
                owned.Add(tensor);
                tensors[OptimizerPrefix + key] = tensor;
            }
            var rng = get_rng_state();
            owned.Add(rng);
            tensors[RngKey] = rng;
            torch.save(tensors, path, metadata);
        }
        finally
        {
            foreach (var t in owned) t.Dispose();
        }

        var sidecar = new JsonObject
        {
            ["format"] = Format,
            ["checkpoint"] = Path.GetFileName(path),
            ["config"] = JsonNode.Parse(metadata["config"]),
            ["state"] = JsonNode.Parse(metadata["state"]),
            ["scheduler"] = JsonNode.Parse(metadata["scheduler"]),
        };
        AtomicFile.WriteAllText(path + ".json", sidecar.ToJsonString(TrainingConfig.JsonOptions) + "\n");
    }

    /// <summary>
    /// Restores a checkpoint written by <see cref="Save"/> into <paramref name="model"/>, <paramref name="optimizer"/>
    /// and <paramref name="scheduler"/> (made as for the original run: same architecture, optimizer kind and schedule),
    /// and restores the CPU random generator, so that the run continues as if it had never stopped. Returns the saved
    /// training state and configuration.
    /// </summary>
    /// <remarks>
    /// Everything is read and checked before anything is changed: the file, its format and metadata, every model key
    /// and shape. The optimizer's, the scheduler's and the generator's states are then loaded, each checked by its own
    /// loader, and put back as they were if any of them is refused; the model's parameters are copied last. So when
    /// this throws, the model, optimizer, scheduler and generator are as they were.
    /// </remarks>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is not a valid safetensors file (truncated, corrupt), not an rnn-torch checkpoint, has invalid metadata,
    /// or does not fit the model, optimizer or scheduler given; the message names the file and the problem.
    /// </exception>
    public static (TrainingState State, TrainingConfig Config) Load(string path, nn.Module model, optim.Optimizer optimizer, LRScheduler? scheduler)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint {path} does not exist.", path);

        Dictionary<string, Tensor> tensors;
        Dictionary<string, string> metadata;
        try
        {
            tensors = torch.load(path, out metadata);
        }
        catch (InvalidDataException e)
        {
            throw Fail(path, $"is not a readable checkpoint: {e.Message}", e);
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw Fail(path, $"cannot be read: {e.Message}", e);
        }

        try
        {
            // ---- metadata ----------------------------------------------------------------------------------------
            if (!metadata.TryGetValue("format", out var format) || format != Format)
                throw Fail(path, $"is not an rnn-torch checkpoint: its format is {(format is null ? "missing" : $"\"{format}\"")}, expected \"{Format}\".");
            var config = ReadConfig(path, metadata);
            var state = ReadState(path, metadata);
            var schedulerState = ReadScheduler(path, metadata);
            if (scheduler is not null && schedulerState is null)
                throw Fail(path, $"holds no scheduler state, but a {scheduler.GetType().Name} was given to restore.");
            if (scheduler is null && schedulerState is not null)
                throw Fail(path, "holds a scheduler state, but no scheduler was given to restore it into.");

            // ---- tensors: split and check ------------------------------------------------------------------------
            var modelTensors = new Dictionary<string, Tensor>();
            var optimizerTensors = new Dictionary<string, Tensor>();
            Tensor? rng = null;
            var stray = new List<string>();
            foreach (var (key, tensor) in tensors)
            {
                if (key.StartsWith(ModelPrefix, StringComparison.Ordinal)) modelTensors[key[ModelPrefix.Length..]] = tensor;
                else if (key.StartsWith(OptimizerPrefix, StringComparison.Ordinal)) optimizerTensors[key[OptimizerPrefix.Length..]] = tensor;
                else if (key == RngKey) rng = tensor;
                else stray.Add(key);
            }
            if (stray.Count > 0) throw Fail(path, $"has tensors that belong to no part of a checkpoint: {string.Join(", ", stray)}.");
            if (rng is null) throw Fail(path, "has no random generator state (tensor \"rng\").");
            if (rng.dtype != ScalarType.Byte || rng.dim() != 1 || rng.numel() == 0)
                throw Fail(path, $"has an invalid random generator state: expected a 1-D uint8 tensor, found {rng.dtype} of shape [{string.Join(", ", rng.shape)}].");
            CheckModel(path, model, modelTensors);

            // ---- apply, with a way back ----------------------------------------------------------------------------
            var optimizerBefore = optimizer.state_dict();
            var schedulerBefore = scheduler?.state_dict();
            using var rngBefore = get_rng_state();
            try
            {
                optimizer.load_state_dict(optimizerTensors);
                if (scheduler is not null) scheduler.load_state_dict(schedulerState!);
                set_rng_state(rng);
                model.load_state_dict(modelTensors, strict: true);
            }
            catch (Exception e)
            {
                Restore(optimizer, optimizerBefore, scheduler, schedulerBefore, rngBefore);
                if (e is ArgumentException or TorchException or InvalidOperationException)
                    throw Fail(path, $"does not fit the model, optimizer or scheduler given: {e.Message} The model, optimizer, scheduler and generator are unchanged.", e);
                throw;
            }
            finally
            {
                foreach (var t in optimizerBefore.Values) t.Dispose();
            }
            return (state, config);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    private static TrainingConfig ReadConfig(string path, Dictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue("config", out var json)) throw Fail(path, "has no \"config\" metadata.");
        try
        {
            return TrainingConfig.FromJson(json, "its config");
        }
        catch (ConfigException e)
        {
            throw Fail(path, $"has an invalid config: {e.Message}", e);
        }
    }

    private static TrainingState ReadState(string path, Dictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue("state", out var json)) throw Fail(path, "has no \"state\" metadata.");
        TrainingState? state;
        try
        {
            state = JsonSerializer.Deserialize<TrainingState>(json, StateJsonOptions);
        }
        catch (JsonException e)
        {
            throw Fail(path, $"has an invalid training state: {e.Message}", e);
        }
        if (state is null) throw Fail(path, "has an invalid training state: null.");
        if (state.Epoch < 0 || state.Step < 0 || state.EpochsWithoutImprovement < 0)
            throw Fail(path, $"has an invalid training state: epoch, step and epochsWithoutImprovement must be >= 0, but are {state.Epoch}, {state.Step} and {state.EpochsWithoutImprovement}.");
        return state;
    }

    private static Dictionary<string, double>? ReadScheduler(string path, Dictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue("scheduler", out var json)) throw Fail(path, "has no \"scheduler\" metadata.");
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, double>>(json, StateJsonOptions);
        }
        catch (JsonException e)
        {
            throw Fail(path, $"has an invalid scheduler state: {e.Message}", e);
        }
    }

    /// <summary>Checks that the saved model tensors have exactly the model's keys and shapes (as a strict <c>load_state_dict</c> would).</summary>
    private static void CheckModel(string path, nn.Module model, Dictionary<string, Tensor> saved)
    {
        var target = model.state_dict();
        var missing = target.Keys.Where(k => !saved.ContainsKey(k)).ToList();
        var unexpected = saved.Keys.Where(k => !target.ContainsKey(k)).ToList();
        var misShaped = new List<string>();
        foreach (var (key, t) in target)
        {
            if (saved.TryGetValue(key, out var s) && !t.shape.SequenceEqual(s.shape))
                misShaped.Add($"{key}: the model has [{string.Join(", ", t.shape)}], the checkpoint [{string.Join(", ", s.shape)}]");
        }
        if (missing.Count == 0 && unexpected.Count == 0 && misShaped.Count == 0) return;
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"missing keys: {string.Join(", ", missing)}");
        if (unexpected.Count > 0) parts.Add($"unexpected keys: {string.Join(", ", unexpected)}");
        if (misShaped.Count > 0) parts.Add($"mis-shaped keys: {string.Join("; ", misShaped)}");
        throw Fail(path, $"does not fit the model ({string.Join("; ", parts)}); nothing was loaded.");
    }

    /// <summary>Puts the optimizer, scheduler and generator back as they were before a refused load (best effort: the original error matters more).</summary>
    private static void Restore(optim.Optimizer optimizer, Dictionary<string, Tensor> optimizerBefore, LRScheduler? scheduler,
        Dictionary<string, double>? schedulerBefore, Tensor rngBefore)
    {
        try
        {
            optimizer.load_state_dict(optimizerBefore);
            if (scheduler is not null && schedulerBefore is not null) scheduler.load_state_dict(schedulerBefore);
            set_rng_state(rngBefore);
        }
        catch (Exception e) when (e is ArgumentException or TorchException)
        {
            // The states came from these very objects a moment ago; a failure here would be a bug elsewhere.
        }
    }

    private static InvalidDataException Fail(string path, string message, Exception? inner = null) =>
        new($"checkpoint {path} {message}", inner);
}
