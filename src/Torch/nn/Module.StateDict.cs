namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// The parameters and persistent buffers by dotted name, in PyTorch's order (each module's own parameters, then
            /// its buffers, then its submodules'). The values are the module's live tensors, not copies: do not dispose them.
            /// </summary>
            public Dictionary<string, Tensor> state_dict()
            {
                var result = new Dictionary<string, Tensor>();
                foreach (var (prefix, module) in named_modules())
                {
                    string Key(string n) => prefix.Length == 0 ? n : $"{prefix}.{n}";
                    foreach (var (n, p) in module.OwnParameters)
                    {
                        if (p is not null) result.TryAdd(Key(n), p);
                    }
                    foreach (var (n, b) in module.OwnBuffers)
                    {
                        if (b is not null && module.IsPersistent(n)) result.TryAdd(Key(n), b);
                    }
                }
                return result;
            }

            /// <summary>
            /// Copies values from <paramref name="source"/> into this module's parameters and buffers (converting dtype and
            /// device as needed). Every key is checked before anything is copied: a key whose shape differs always fails;
            /// with <paramref name="strict"/>, a missing or unexpected key fails too, and the error names all of them. With
            /// <paramref name="strict"/> false, missing and unexpected keys are skipped, the rest loaded, and both lists returned.
            /// </summary>
            public (IList<string> missing_keys, IList<string> unexpected_keys) load_state_dict(IDictionary<string, Tensor> source, bool strict = true)
            {
                ThrowHelper.ThrowIfNull(source);
                var target = state_dict();
                var missing = target.Keys.Where(k => !source.ContainsKey(k)).ToList();
                var unexpected = source.Keys.Where(k => !target.ContainsKey(k)).ToList();
                var misShaped = new List<string>();
                foreach (var (key, t) in target)
                {
                    if (!source.TryGetValue(key, out var s)) continue;
                    if (s is null) throw new ArgumentException($"state dict entry '{key}' is null.", nameof(source));
                    var want = t.shape;
                    var got = s.shape;
                    if (!want.SequenceEqual(got)) misShaped.Add($"{key}: expected [{string.Join(", ", want)}], got [{string.Join(", ", got)}]");
                }
                if (misShaped.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
                {
                    var parts = new List<string>();
                    if (missing.Count > 0) parts.Add($"missing keys: {string.Join(", ", missing)}");
                    if (unexpected.Count > 0) parts.Add($"unexpected keys: {string.Join(", ", unexpected)}");
                    if (misShaped.Count > 0) parts.Add($"mis-shaped keys: {string.Join("; ", misShaped)}");
                    throw new ArgumentException($"cannot load state dict into module '{name}' ({string.Join("; ", parts)}); nothing was loaded.", nameof(source));
                }
                using (no_grad())
                {
                    foreach (var (key, t) in target)
                    {
                        if (source.TryGetValue(key, out var s)) t.copy_(s);
                    }
                }
                return (missing, unexpected);
            }
        }
    }
}
