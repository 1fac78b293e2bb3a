using System.Globalization;

namespace RnnTorch;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Base class of the learning-rate schedulers (PyTorch's <c>_LRScheduler</c>). A scheduler counts epochs in
            /// <see cref="last_epoch"/> and, at each <see cref="step()"/>, sets every parameter group's <c>lr</c> from its
            /// schedule. The schedules here are PyTorch's closed forms, computed from each group's <c>initial_lr</c>
            /// (<see cref="base_lrs"/>) and the epoch; they equal PyTorch's step-by-step (chainable) forms as long as
            /// nothing else changes the learning rates. Unlike PyTorch's, a learning rate changed outside the scheduler
            /// is overwritten at the next step rather than compounded, so two schedulers cannot be chained on one
            /// optimizer.
            /// </summary>
            public abstract class LRScheduler
            {
                private double[] lastLrs;

                /// <summary>
                /// Attaches to <paramref name="optimizer"/>. A fresh schedule (<paramref name="last_epoch"/> = -1) sets
                /// each group's <c>initial_lr</c> to <paramref name="initial_lrs"/> if given, else to its current
                /// <c>lr</c> where <c>initial_lr</c> is not yet set; a resumed one needs <c>initial_lr</c> in every group.
                /// </summary>
                private protected LRScheduler(Optimizer optimizer, int last_epoch, IReadOnlyList<double>? initial_lrs = null)
                {
                    ThrowHelper.ThrowIfNull(optimizer);
                    if (last_epoch < -1) ThrowHelper.ThrowArgument(nameof(last_epoch), $"must be -1 (a fresh schedule) or an epoch >= 0, but was {last_epoch}.");
                    this.optimizer = optimizer;
                    var groups = optimizer.param_groups;
                    for (int i = 0; i < groups.Count; i++)
                    {
                        if (last_epoch == -1)
                        {
                            if (initial_lrs is not null) groups[i].InitialLearningRate = initial_lrs[i];
                            else if (!groups[i].ContainsOption("initial_lr")) groups[i].InitialLearningRate = groups[i].LearningRate;
                        }
                        else if (!groups[i].ContainsOption("initial_lr"))
                        {
                            ThrowHelper.ThrowArgument(nameof(last_epoch), $"is {last_epoch} (resuming), but param_groups[{i}] has no initial_lr.");
                        }
                    }
                    base_lrs = groups.Select(g => g.InitialLearningRate).ToArray();
                    lastLrs = groups.Select(g => g.LearningRate).ToArray();
                    this.last_epoch = last_epoch;
                }

                /// <summary>
                /// Attaches to <paramref name="optimizer"/> at epoch 0 without touching <c>initial_lr</c>: the base
                /// learning rates are the current ones (for schedulers that react to metrics rather than follow a schedule).
                /// </summary>
                private protected LRScheduler(Optimizer optimizer)
                {
                    ThrowHelper.ThrowIfNull(optimizer);
                    this.optimizer = optimizer;
                    lastLrs = optimizer.param_groups.Select(g => g.LearningRate).ToArray();
                    base_lrs = lastLrs.ToArray();
                    last_epoch = 0;
                }

                /// <summary>The optimizer whose learning rates this scheduler sets.</summary>
                public Optimizer optimizer { get; }

                /// <summary>The epoch of the last <see cref="step()"/> (0 right after construction of a fresh schedule).</summary>
                public int last_epoch { get; private protected set; }

                /// <summary>Each group's learning rate at epoch 0 (its <c>initial_lr</c>).</summary>
                public IReadOnlyList<double> base_lrs { get; private set; }

                /// <summary>Advances one epoch and sets each group's learning rate for it.</summary>
                public virtual void step()
                {
                    var next = get_lr(last_epoch + 1);
                    last_epoch++;
                    Apply(next);
                }

                /// <summary>
                /// Advances one epoch; <paramref name="metric"/> is ignored except by <see cref="impl.ReduceLROnPlateau"/>,
                /// so a training loop can call <c>step(validation_loss)</c> on any scheduler.
                /// </summary>
                public virtual void step(double metric) => step();

                /// <summary>The learning rates the last step set, one per group.</summary>
                public IReadOnlyList<double> get_last_lr() => lastLrs.ToArray();

                /// <summary>Each group's learning rate at <paramref name="epoch"/> (and any side effect of reaching it, such as momentum).</summary>
                private protected abstract double[] get_lr(int epoch);

                /// <summary>Sets the learning rates of epoch 0 (the end of a derived constructor).</summary>
                private protected void InitialStep() => step();

                /// <summary>Sets each group's learning rate and remembers them.</summary>
                private protected void Apply(IReadOnlyList<double> lrs)
                {
                    var groups = optimizer.param_groups;
                    int n = Math.Min(groups.Count, lrs.Count);
                    for (int i = 0; i < n; i++) groups[i].LearningRate = lrs[i];
                    lastLrs = groups.Select(g => g.LearningRate).ToArray();
                }

                /// <summary>
                /// The scheduler's state as numbers: <c>last_epoch</c>, <c>base_lrs.{g}</c>, <c>last_lr.{g}</c> and any
                /// counters of the schedule. Its settings (step size, gamma…) are not saved: make the scheduler with the
                /// same arguments before loading.
                /// </summary>
                public virtual Dictionary<string, double> state_dict()
                {
                    var result = new Dictionary<string, double> { ["last_epoch"] = last_epoch };
                    for (int i = 0; i < base_lrs.Count; i++) result[$"base_lrs.{i}"] = base_lrs[i];
                    for (int i = 0; i < lastLrs.Length; i++) result[$"last_lr.{i}"] = lastLrs[i];
                    return result;
                }

                /// <summary>
                /// Restores state saved by <see cref="state_dict"/> and sets each group's learning rate to the saved last
                /// one, so that it does not matter whether the optimizer's state is loaded before or after. Every key is
                /// checked first; nothing is loaded if one is missing, unexpected or out of range.
                /// </summary>
                public void load_state_dict(IReadOnlyDictionary<string, double> state_dict)
                {
                    ThrowHelper.ThrowIfNull(state_dict);
                    int groups = optimizer.param_groups.Count;
                    var expected = new HashSet<string>(ExtraStateKeys) { "last_epoch" };
                    for (int i = 0; i < base_lrs.Count; i++) expected.Add($"base_lrs.{i}");
                    for (int i = 0; i < groups; i++) expected.Add($"last_lr.{i}");
                    var missing = expected.Where(k => !state_dict.ContainsKey(k)).ToList();
                    var unexpected = state_dict.Keys.Where(k => !expected.Contains(k)).ToList();
                    var problems = new List<string>();
                    if (missing.Count > 0) problems.Add($"missing keys: {string.Join(", ", missing)}");
                    if (unexpected.Count > 0) problems.Add($"unexpected keys: {string.Join(", ", unexpected)}");
                    if (problems.Count == 0)
                    {
                        double epoch = state_dict["last_epoch"];
                        if (epoch != Math.Floor(epoch) || epoch < -1 || epoch > int.MaxValue) problems.Add($"last_epoch must be an integer >= -1, but is {epoch}");
                        foreach (var (k, v) in state_dict)
                        {
                            if (k != "last_epoch" && k.Contains("lr") && !(v >= 0)) problems.Add($"{k} must be >= 0, but is {v}");
                        }
                        if (CheckExtraState(state_dict) is string extra) problems.Add(extra);
                    }
                    if (problems.Count > 0)
                        throw new ArgumentException($"cannot load the state dict into {GetType().Name}: {string.Join("; ", problems)}; nothing was loaded.", nameof(state_dict));
                    last_epoch = (int)state_dict["last_epoch"];
                    base_lrs = Enumerable.Range(0, base_lrs.Count).Select(i => state_dict[$"base_lrs.{i}"]).ToArray();
                    LoadExtraState(state_dict);
                    Apply(Enumerable.Range(0, groups).Select(i => state_dict[$"last_lr.{i}"]).ToArray());
                }

                /// <summary>The keys a derived scheduler adds to the state dict.</summary>
                private protected virtual IEnumerable<string> ExtraStateKeys => Array.Empty<string>();

                /// <summary>What is wrong with the derived scheduler's saved values (or null).</summary>
                private protected virtual string? CheckExtraState(IReadOnlyDictionary<string, double> state_dict) => null;

                /// <summary>Restores the derived scheduler's values (already checked).</summary>
                private protected virtual void LoadExtraState(IReadOnlyDictionary<string, double> state_dict)
                {
                }

                /// <summary>A short description: the scheduler's type, epoch and learning rates.</summary>
                public override string ToString() =>
                    $"{GetType().Name}(last_epoch={last_epoch}, lr=[{string.Join(", ", lastLrs.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}])";
            }
        }
    }
}
