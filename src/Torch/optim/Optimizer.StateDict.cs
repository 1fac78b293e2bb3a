using System.Globalization;

namespace RnnTorch;

public static partial class torch
{
    public static partial class optim
    {
        public abstract partial class Optimizer
        {
            /// <summary>
            /// The optimizer's state as a flat dictionary of tensors, ready to be written to a safetensors checkpoint
            /// next to the model's <c>state_dict()</c>. Parameters are numbered 0, 1, … across the groups in order (as in
            /// PyTorch's state dict). Keys:
            /// <list type="bullet">
            /// <item><c>param_groups.{g}.params</c>: int64 1-D, the numbers of group <c>g</c>'s parameters;</item>
            /// <item><c>param_groups.{g}.{option}</c>: float64 0-dim, every option of the group (<c>lr</c>,
            /// <c>initial_lr</c> once a scheduler set it, <c>momentum</c>, <c>beta1</c>…; booleans as 0 or 1);</item>
            /// <item><c>state.{i}.step</c>: float64 0-dim, parameter <c>i</c>'s step count, for optimizers that keep one;</item>
            /// <item><c>state.{i}.{name}</c>: parameter <c>i</c>'s state tensors by PyTorch name (<c>momentum_buffer</c>,
            /// <c>exp_avg</c>, <c>exp_avg_sq</c>, <c>max_exp_avg_sq</c>, <c>square_avg</c>, <c>grad_avg</c>, <c>sum</c>),
            /// with the parameter's shape, dtype and device.</item>
            /// </list>
            /// Parameters that have no state yet (never stepped) have no <c>state.{i}</c> keys. Every tensor is a fresh
            /// copy owned by the caller (or by the current dispose scope).
            /// </summary>
            public Dictionary<string, Tensor> state_dict()
            {
                ThrowIfDisposed();
                var result = new Dictionary<string, Tensor>();
                using var noGrad = no_grad();
                int index = 0;
                for (int g = 0; g < groups.Count; g++)
                {
                    var group = groups[g];
                    var ids = new long[group.Parameters.Count];
                    for (int i = 0; i < ids.Length; i++) ids[i] = index + i;
                    result[$"param_groups.{g}.params"] = tensor(ids, ScalarType.Int64);
                    foreach (var (name, value) in group.Options) result[$"param_groups.{g}.{name}"] = tensor(value, ScalarType.Float64);
                    foreach (var p in group.Parameters)
                    {
                        if (state.TryGetValue(p, out var s))
                        {
                            if (s.step is double count) result[$"state.{index}.step"] = tensor(count, ScalarType.Float64);
                            foreach (var (name, t) in s.buffers) result[$"state.{index}.{name}"] = t.clone();
                        }
                        index++;
                    }
                }
                return result;
            }

            /// <summary>
            /// Loads state written by <see cref="state_dict"/> of an optimizer of the same kind with the same group sizes:
            /// replaces every group's options (learning rates included) and all per-parameter state, which is copied
            /// (and cast to each parameter's dtype and device). Saved parameter numbers map, in order, onto this
            /// optimizer's parameters, as in PyTorch. Everything is checked first: any missing, unexpected, malformed or
            /// mis-shaped entry fails with an error naming all of them, and nothing is loaded.
            /// </summary>
            public void load_state_dict(IDictionary<string, Tensor> state_dict)
            {
                ThrowIfDisposed();
                ThrowHelper.ThrowIfNull(state_dict);
                var problems = new List<string>();
                var groupOptions = new Dictionary<int, OrderedDictionary<string, double>>();
                var groupIds = new Dictionary<int, long[]>();
                var savedState = new Dictionary<long, (double? step, List<(string name, Tensor value)> buffers)>();
                var stateNames = state_names;

                foreach (var (key, value) in state_dict)
                {
                    if (value is null)
                    {
                        problems.Add($"'{key}' is null");
                        continue;
                    }
                    var parts = key.Split('.');
                    if (parts.Length == 3 && parts[0] == "param_groups" && TryIndex(parts[1], out long gl) && gl < groups.Count)
                    {
                        int g = (int)gl;
                        string name = parts[2];
                        if (name == "params")
                        {
                            if (value.dim() != 1 || value.is_floating_point() || value.is_complex() || value.dtype == ScalarType.Bool)
                            {
                                problems.Add($"'{key}' must be a 1-D integer tensor");
                                continue;
                            }
                            using var ids = value.to(ScalarType.Int64, CPU);
                            groupIds[g] = ids.data<long>().ToArray();
                        }
                        else if (name == "initial_lr" || defaultOptions.ContainsKey(name))
                        {
                            if (ScalarOf(value) is not double v) problems.Add($"'{key}' must hold one number");
                            else (groupOptions.TryGetValue(g, out var o) ? o : groupOptions[g] = new())[name] = v;
                        }
                        else problems.Add($"unexpected key '{key}' ({GetType().Name} has no option '{name}')");
                    }
                    else if (parts.Length == 3 && parts[0] == "state" && TryIndex(parts[1], out long id))
                    {
                        string name = parts[2];
                        if (!savedState.TryGetValue(id, out var entry)) savedState[id] = entry = (null, new());
                        if (name == "step")
                        {
                            if (ScalarOf(value) is not double v) problems.Add($"'{key}' must hold one number");
                            else savedState[id] = (v, entry.buffers);
                        }
                        else if (stateNames.Contains(name)) entry.buffers.Add((name, value));
                        else problems.Add($"unexpected key '{key}' ({GetType().Name} keeps no state '{name}')");
                    }
                    else problems.Add($"unexpected key '{key}'");
                }

                var idMap = new Dictionary<long, nn.Parameter>();
                for (int g = 0; g < groups.Count; g++)
                {
                    var group = groups[g];
                    if (!groupIds.TryGetValue(g, out var ids))
                    {
                        problems.Add($"missing key 'param_groups.{g}.params'");
                        continue;
                    }
                    if (ids.Length != group.Parameters.Count)
                    {
                        problems.Add($"param_groups.{g} has {ids.Length} parameters in the state dict but {group.Parameters.Count} in this optimizer");
                        continue;
                    }
                    for (int i = 0; i < ids.Length; i++)
                    {
                        if (!idMap.TryAdd(ids[i], group.Parameters[i])) problems.Add($"parameter number {ids[i]} appears twice in the param_groups");
                    }
                    groupOptions.TryGetValue(g, out var options);
                    foreach (var name in defaultOptions.Keys)
                    {
                        if (options is null || !options.ContainsKey(name)) problems.Add($"missing key 'param_groups.{g}.{name}'");
                        else if (CheckOption(name, options[name]) is string problem) problems.Add($"param_groups.{g}.{name} {problem}, but is {options[name]}");
                    }
                }
                foreach (var (id, entry) in savedState)
                {
                    if (!idMap.TryGetValue(id, out var p))
                    {
                        problems.Add($"state.{id} belongs to no parameter of the param_groups");
                        continue;
                    }
                    var want = p.shape;
                    foreach (var (name, t) in entry.buffers)
                    {
                        var got = t.shape;
                        if (!want.SequenceEqual(got))
                            problems.Add($"state.{id}.{name} has shape [{string.Join(", ", got)}] but its parameter has [{string.Join(", ", want)}]");
                    }
                }
                if (problems.Count > 0)
                    throw new ArgumentException($"cannot load the state dict into {GetType().Name}: {string.Join("; ", problems)}; nothing was loaded.", nameof(state_dict));

                var loaded = new List<(nn.Parameter param, OptimizerParamState state)>();
                try
                {
                    using var noGrad = no_grad();
                    foreach (var (id, entry) in savedState)
                    {
                        var p = idMap[id];
                        var s = new OptimizerParamState { step = entry.step };
                        loaded.Add((p, s));
                        foreach (var (name, t) in entry.buffers)
                        {
                            var copy = p.is_floating_point() && (t.is_floating_point() || t.is_complex())
                                ? t.to(p.dtype, p.device, copy: true)
                                : t.to(p.device, copy: true);
                            s.Set(name, copy);
                        }
                    }
                }
                catch
                {
                    foreach (var (_, s) in loaded) s.Dispose();
                    throw;
                }
                ClearState();
                foreach (var (p, s) in loaded) state[p] = s;
                for (int g = 0; g < groups.Count; g++) groups[g].ReplaceOptions(groupOptions[g]);
            }

            private static bool TryIndex(string text, out long index) =>
                long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index);

            private static double? ScalarOf(Tensor t)
            {
                if (t.numel() != 1 || t.is_complex()) return null;
                using var d = t.to(ScalarType.Float64, CPU);
                return d.item<double>();
            }
        }
    }
}
