using System.Collections.ObjectModel;

namespace RnnTorch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// A group of parameters with its own hyperparameters (PyTorch's <c>param_groups</c> entry): options such as
        /// <c>lr</c>, <c>momentum</c> or <c>weight_decay</c> by their PyTorch names, as doubles (booleans such as
        /// <c>nesterov</c> are 0 or 1; Adam's <c>betas</c> are <c>beta1</c> and <c>beta2</c>). Options left out when the
        /// group is made take the optimizer's defaults when it is added to an optimizer; after that every option can be
        /// read and changed between steps (schedulers change <see cref="LearningRate"/>).
        /// </summary>
        public sealed class ParamGroup : ILearningRateController
        {
            private readonly OrderedDictionary<string, double> options = new();

            /// <summary>
            /// Makes a group of <paramref name="parameters"/> with the learning rate <paramref name="lr"/> and other
            /// <paramref name="options"/> (by PyTorch name); anything not given takes the optimizer's default.
            /// </summary>
            public ParamGroup(IEnumerable<nn.Parameter> parameters, double? lr = null, IReadOnlyDictionary<string, double>? options = null)
            {
                ThrowHelper.ThrowIfNull(parameters);
                var list = parameters.ToList();
                ThrowHelper.ThrowIfNullOrContainsNull(list, nameof(parameters));
                Parameters = list.AsReadOnly();
                if (options is not null)
                {
                    foreach (var (name, value) in options)
                    {
                        if (string.IsNullOrEmpty(name)) ThrowHelper.ThrowArgument(nameof(options), "holds an option with an empty name.");
                        this.options[name] = value;
                    }
                }
                if (lr is double rate)
                {
                    if (this.options.ContainsKey("lr")) ThrowHelper.ThrowArgument(nameof(lr), "is given twice: as an argument and in options.");
                    LearningRate = rate;
                }
                else if (this.options.TryGetValue("lr", out double given))
                {
                    LearningRate = given;
                }
            }

            /// <summary>The optimizer this group belongs to, once added to one.</summary>
            internal Optimizer? Owner { get; set; }

            /// <summary>The group's parameters, in order.</summary>
            public IReadOnlyList<nn.Parameter> Parameters { get; }

            /// <summary>The group's parameters (PyTorch's <c>group['params']</c>).</summary>
            public IReadOnlyList<nn.Parameter> @params => Parameters;

            /// <summary>The group's options by name, a live read-only view.</summary>
            public IReadOnlyDictionary<string, double> Options => new ReadOnlyDictionary<string, double>(options);

            /// <summary>The learning rate (option <c>lr</c>); must be a non-negative number.</summary>
            public double LearningRate
            {
                get => this["lr"];
                set
                {
                    if (!(value >= 0) || double.IsInfinity(value)) ThrowHelper.ThrowArgument("lr", $"must be a finite number >= 0, but was {value}.");
                    options["lr"] = value;
                }
            }

            /// <summary>The learning rate (PyTorch's <c>group['lr']</c>), same as <see cref="LearningRate"/>.</summary>
            public double lr
            {
                get => LearningRate;
                set => LearningRate = value;
            }

            /// <summary>
            /// The learning rate a schedule starts from (option <c>initial_lr</c>, which the first scheduler attached to
            /// the optimizer sets to the then-current <c>lr</c>); the current learning rate while no scheduler set it.
            /// </summary>
            public double InitialLearningRate
            {
                get => options.TryGetValue("initial_lr", out double v) ? v : LearningRate;
                set
                {
                    if (!(value >= 0) || double.IsInfinity(value)) ThrowHelper.ThrowArgument("initial_lr", $"must be a finite number >= 0, but was {value}.");
                    options["initial_lr"] = value;
                }
            }

            /// <summary>
            /// An option by PyTorch name (<c>"lr"</c>, <c>"momentum"</c>, <c>"beta1"</c>, <c>"nesterov"</c> as 0 or 1…).
            /// Setting one on a group that belongs to an optimizer checks the name and value as the optimizer's
            /// constructor does.
            /// </summary>
            public double this[string option]
            {
                get
                {
                    ThrowHelper.ThrowIfNull(option);
                    if (!options.TryGetValue(option, out double v))
                        ThrowHelper.ThrowArgument(nameof(option), $"'{option}' is not set in this parameter group (it has {string.Join(", ", options.Keys)}).");
                    return v;
                }
                set
                {
                    ThrowHelper.ThrowIfNull(option);
                    if (option == "lr")
                    {
                        LearningRate = value;
                        return;
                    }
                    if (option == "initial_lr")
                    {
                        InitialLearningRate = value;
                        return;
                    }
                    Owner?.CheckGroupOption(option, value);
                    options[option] = value;
                }
            }

            /// <summary>Whether the option is set in this group (PyTorch's <c>name in group</c>).</summary>
            public bool ContainsOption(string option) => options.ContainsKey(option);

            /// <summary>Sets an option without checks (the optimizer has checked it).</summary>
            internal void SetUnchecked(string option, double value) => options[option] = value;

            /// <summary>Replaces every option (loading a state dict).</summary>
            internal void ReplaceOptions(IEnumerable<KeyValuePair<string, double>> values)
            {
                options.Clear();
                foreach (var (k, v) in values) options[k] = v;
            }
        }
    }
}
