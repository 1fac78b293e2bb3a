using System.Collections.ObjectModel;

namespace RnnTorch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Base class of the optimizers (PyTorch's <c>torch.optim.Optimizer</c>, TorchSharp's names). An optimizer holds
        /// parameter groups, each with its own hyperparameters, and per-parameter state (momentum buffers, running
        /// averages, step counts). <see cref="step()"/> updates every parameter that has a gradient, in place, under
        /// <c>no_grad</c>, following PyTorch 1.13's update equations; parameters whose <c>grad</c> is null are skipped.
        /// The optimizer owns its state tensors (dispose it to free them), not the parameters. The optimizers of this
        /// library (in <c>RnnTorch.Modules</c>) derive from it; it cannot be derived from outside the library.
        /// </summary>
        public abstract partial class Optimizer : IDisposable
        {
            private readonly List<ParamGroup> groups = new();
            private readonly OrderedDictionary<string, double> defaultOptions;
            private readonly Dictionary<nn.Parameter, OptimizerParamState> state = new(ReferenceEqualityComparer.Instance);
            private bool disposed;

            /// <summary>
            /// Checks <paramref name="defaults"/> (each option's value, named as the constructor argument it came from)
            /// and adds <paramref name="param_groups"/>, which must hold at least one parameter in all.
            /// </summary>
            private protected Optimizer(IEnumerable<ParamGroup> param_groups, OrderedDictionary<string, double> defaults)
            {
                ThrowHelper.ThrowIfNull(param_groups);
                foreach (var (name, value) in defaults)
                {
                    if (CheckOption(name, value) is string problem) ThrowHelper.ThrowArgument(name, $"{problem}, but was {value}.");
                }
                if (CheckOptions(defaults) is (string badName, string message)) ThrowHelper.ThrowArgument(badName, message);
                defaultOptions = defaults;
                var list = param_groups.ToList();
                ThrowHelper.ThrowIfNullOrContainsNull(list, "parameters");
                if (list.Sum(g => g.Parameters.Count) == 0)
                    ThrowHelper.ThrowArgument("parameters", "is empty: an optimizer needs at least one parameter to optimize.");
                foreach (var g in list) add_param_group(g);
            }

            /// <summary>The group made from a plain parameter list.</summary>
            private protected static ParamGroup[] SingleGroup(IEnumerable<nn.Parameter> parameters)
            {
                ThrowHelper.ThrowIfNull(parameters);
                return new[] { new ParamGroup(parameters) };
            }

            /// <summary>The optimizer's default options (the constructor's arguments), by PyTorch name.</summary>
            public IReadOnlyDictionary<string, double> defaults => new ReadOnlyDictionary<string, double>(defaultOptions);

            /// <summary>The parameter groups, in order.</summary>
            public IReadOnlyList<ParamGroup> param_groups => groups.AsReadOnly();

            /// <summary>The parameter groups as learning-rate controllers (TorchSharp's accessor, used by schedulers).</summary>
            public IEnumerable<ILearningRateController> ParamGroups => groups;

            /// <summary>Every parameter of every group, in order.</summary>
            public IEnumerable<nn.Parameter> parameters() => groups.SelectMany(g => g.Parameters);

            /// <summary>
            /// Adds a group; options it leaves out take the optimizer's defaults. A parameter may belong to one group only,
            /// and a group to one optimizer; unknown option names and invalid values are rejected.
            /// </summary>
            public void add_param_group(ParamGroup param_group)
            {
                ThrowIfDisposed();
                ThrowHelper.ThrowIfNull(param_group);
                if (param_group.Owner is not null) ThrowHelper.ThrowArgument(nameof(param_group), "already belongs to an optimizer.");
                foreach (var (name, value) in param_group.Options)
                {
                    if (name == "initial_lr") continue;
                    if (!defaultOptions.ContainsKey(name))
                        ThrowHelper.ThrowArgument(nameof(param_group), $"has option '{name}', which {GetType().Name} does not know (it has {string.Join(", ", defaultOptions.Keys)}).");
                    if (CheckOption(name, value) is string problem)
                        ThrowHelper.ThrowArgument(nameof(param_group), $"option {name} {problem}, but was {value}.");
                }
                var merged = new OrderedDictionary<string, double>();
                foreach (var (name, value) in defaultOptions) merged[name] = param_group.ContainsOption(name) ? param_group[name] : value;
                if (CheckOptions(merged) is (string badName, string message)) ThrowHelper.ThrowArgument(nameof(param_group), $"option {badName} {message}");

                var seen = new HashSet<nn.Parameter>(ReferenceEqualityComparer.Instance);
                foreach (var g in groups) foreach (var p in g.Parameters) seen.Add(p);
                var own = new HashSet<nn.Parameter>(ReferenceEqualityComparer.Instance);
                for (int i = 0; i < param_group.Parameters.Count; i++)
                {
                    var p = param_group.Parameters[i];
                    if (!own.Add(p)) ThrowHelper.ThrowArgument(nameof(param_group), $"holds parameter {i} twice.");
                    if (seen.Contains(p)) ThrowHelper.ThrowArgument(nameof(param_group), $"parameter {i} already belongs to another parameter group of this optimizer.");
                    if (p.IsInvalid) ThrowHelper.ThrowArgument(nameof(param_group), $"parameter {i} is disposed.");
                }

                foreach (var (name, value) in merged)
                {
                    if (!param_group.ContainsOption(name)) param_group.SetUnchecked(name, value);
                }
                param_group.Owner = this;
                groups.Add(param_group);
                foreach (var p in param_group.Parameters)
                {
                    if (initial_state(param_group, p) is { } s) state[p] = s;
                }
            }

            /// <summary>Clears the gradient of every parameter: sets it to null, or to zeros when <paramref name="set_to_none"/> is false.</summary>
            public void zero_grad(bool set_to_none = true)
            {
                ThrowIfDisposed();
                foreach (var p in parameters())
                {
                    if (set_to_none)
                    {
                        p.grad = null;
                        continue;
                    }
                    using var g = p.grad;
                    if (g is null) continue;
                    if (g.is_leaf) g.requires_grad = false;
                    else g.detach_();
                    g.zero_();
                }
            }

            /// <summary>
            /// One optimization step: updates every parameter that has a gradient, in place, without recording autograd
            /// history; the temporaries of each update are freed before the next.
            /// </summary>
            public void step()
            {
                ThrowIfDisposed();
                using var noGrad = no_grad();
                foreach (var group in groups)
                {
                    foreach (var p in group.Parameters)
                    {
                        using var scope = NewDisposeScope();
                        var grad = p.grad;
                        if (grad is null) continue;
                        if (!state.TryGetValue(p, out var s)) state[p] = s = new OptimizerParamState();
                        update(group, p, grad, s);
                    }
                }
            }

            /// <summary>
            /// Evaluates <paramref name="closure"/> (which should clear the gradients, compute the loss and call
            /// <c>backward</c>) with gradients enabled, then takes one step; returns the closure's loss.
            /// </summary>
            public Tensor step(Func<Tensor> closure)
            {
                ThrowHelper.ThrowIfNull(closure);
                ThrowIfDisposed();
                Tensor loss;
                using (enable_grad()) loss = closure();
                step();
                return loss;
            }

            /// <summary>Updates one parameter given its gradient (inside a dispose scope, under no_grad).</summary>
            private protected abstract void update(ParamGroup group, nn.Parameter param, Tensor grad, OptimizerParamState state);

            /// <summary>The state a parameter gets when its group is added (null: none until its first step).</summary>
            private protected virtual OptimizerParamState? initial_state(ParamGroup group, nn.Parameter param) => null;

            /// <summary>The names of the state tensors this optimizer keeps (for checking loaded state).</summary>
            private protected abstract IReadOnlyCollection<string> state_names { get; }

            /// <summary>Why <paramref name="value"/> is invalid for option <paramref name="name"/> (e.g. "must be >= 0"), or null.</summary>
            private protected abstract string? CheckOption(string name, double value);

            /// <summary>A rule between options that the whole set breaks: the option to name and the message; or null.</summary>
            private protected virtual (string name, string message)? CheckOptions(IReadOnlyDictionary<string, double> options) => null;

            /// <summary>Checks an option being set on one of this optimizer's groups.</summary>
            internal void CheckGroupOption(string name, double value)
            {
                if (!defaultOptions.ContainsKey(name))
                    ThrowHelper.ThrowArgument("option", $"'{name}' is not an option of {GetType().Name} (it has {string.Join(", ", defaultOptions.Keys)}).");
                if (CheckOption(name, value) is string problem) ThrowHelper.ThrowArgument(name, $"{problem}, but was {value}.");
            }

            /// <summary>Reads a 0/1 option as a boolean.</summary>
            private protected static bool Flag(ParamGroup group, string name) => group[name] != 0;

            /// <summary>The problem with a value that must be >= 0 (or null).</summary>
            private protected static string? NonNegative(double value) => value >= 0 && !double.IsInfinity(value) ? null : "must be a finite number >= 0";

            /// <summary>The problem with a 0/1 flag value (or null).</summary>
            private protected static string? Boolean(double value) => value is 0 or 1 ? null : "must be 0 (false) or 1 (true)";

            private void ThrowIfDisposed()
            {
                if (disposed) throw new ObjectDisposedException(GetType().Name, "Cannot use a disposed optimizer: its state has been freed.");
            }

            /// <summary>Frees the optimizer's state tensors (not the parameters).</summary>
            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            /// <summary>Frees the state tensors (once).</summary>
            protected virtual void Dispose(bool disposing)
            {
                if (disposed || !disposing) return;
                disposed = true;
                ClearState();
            }

            private void ClearState()
            {
                foreach (var s in state.Values) s.Dispose();
                state.Clear();
            }
        }
    }
}
