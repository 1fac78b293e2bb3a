using System.Reflection;

namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Base class of every layer and model (PyTorch's <c>torch.nn.Module</c>, TorchSharp's names). A module owns named
        /// parameters, buffers and submodules; <see cref="RegisterComponents"/> registers them from the derived class's
        /// fields, so that <see cref="named_parameters"/> gives the names PyTorch would (<c>encoder.weight_ih_l0</c>).
        /// </summary>
        public abstract partial class Module : IDisposable
        {
            private readonly OrderedDictionary<string, Module> submodules = new();
            private readonly OrderedDictionary<string, Parameter?> ownParameters = new();
            private readonly OrderedDictionary<string, Tensor?> ownBuffers = new();
            private readonly HashSet<string> nonPersistent = new();
            private bool disposed;

            /// <summary>Creates a module called <paramref name="name"/> (its type name, conventionally).</summary>
            protected Module(string name)
            {
                ThrowHelper.ThrowIfNull(name);
                this.name = name;
            }

            /// <summary>The module's name (not its attribute name in a parent).</summary>
            public string name { get; }

            /// <summary>The module's name (TorchSharp's accessor).</summary>
            public string GetName() => name;

            /// <summary>True in training mode (dropout active), false after <see cref="eval"/>.</summary>
            public bool training { get; private set; } = true;

            /// <summary>Sets training mode on this module and every submodule; returns this.</summary>
            public virtual Module train(bool on = true)
            {
                training = on;
                foreach (var child in submodules.Values) child.train(on);
                return this;
            }

            /// <summary>Sets evaluation mode (same as <c>train(false)</c>); returns this.</summary>
            public Module eval() => train(false);

            private static void CheckName(string name, string kind)
            {
                ThrowHelper.ThrowIfNull(name);
                if (name.Length == 0 || name.Contains('.'))
                    throw new ArgumentException($"{kind} name '{name}' is invalid: it must be non-empty and contain no '.'.", nameof(name));
            }

            private void CheckFree(string name, string kind)
            {
                if (submodules.ContainsKey(name) || ownParameters.ContainsKey(name) || ownBuffers.ContainsKey(name))
                    throw new ArgumentException($"{kind} name '{name}' is already used in module '{this.name}'.", nameof(name));
            }

            /// <summary>Adds a submodule under <paramref name="name"/>.</summary>
            public virtual void register_module(string name, Module submodule)
            {
                CheckName(name, "module");
                ThrowHelper.ThrowIfNull(submodule);
                if (ReferenceEquals(submodule, this)) throw new ArgumentException($"module '{this.name}' cannot contain itself.", nameof(submodule));
                CheckFree(name, "module");
                submodules.Add(name, submodule);
            }

            /// <summary>Adds a parameter under <paramref name="name"/> (null: a declared but absent parameter, such as a disabled bias).</summary>
            public void register_parameter(string name, Parameter? param)
            {
                CheckName(name, "parameter");
                CheckFree(name, "parameter");
                ownParameters.Add(name, param);
            }

            /// <summary>Adds a buffer (state that is not learned, such as running statistics) under <paramref name="name"/>.</summary>
            public void register_buffer(string name, Tensor? tensor, bool persistent = true)
            {
                CheckName(name, "buffer");
                CheckFree(name, "buffer");
                ownBuffers.Add(name, tensor);
                if (tensor is not null) tensor.DetachFromDisposeScope();
                if (!persistent) nonPersistent.Add(name);
            }

            /// <summary>
            /// Registers the fields of the derived classes (base classes first, in declaration order): modules as submodules,
            /// <see cref="Parameter"/>s as parameters and other tensors as buffers, each under its field name (an
            /// auto-property under its property name). Fields that are null or already registered are skipped.
            /// </summary>
            public virtual void RegisterComponents()
            {
                var types = new List<Type>();
                for (var t = GetType(); t is not null && t != typeof(Module); t = t.BaseType) types.Insert(0, t);
                var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
                foreach (var c in submodules.Values) seen.Add(c);
                foreach (var p in ownParameters.Values) if (p is not null) seen.Add(p);
                foreach (var b in ownBuffers.Values) if (b is not null) seen.Add(b);
                foreach (var type in types)
                {
                    foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (field.GetValue(this) is not { } value || !seen.Add(value)) continue;
                        string fieldName = FieldName(field);
                        if (submodules.ContainsKey(fieldName) || ownParameters.ContainsKey(fieldName) || ownBuffers.ContainsKey(fieldName)) continue;
                        switch (value)
                        {
                            case Module m: register_module(fieldName, m); break;
                            case Parameter p: register_parameter(fieldName, p); break;
                            case Tensor t: register_buffer(fieldName, t); break;
                        }
                    }
                }
            }

            private static string FieldName(FieldInfo field)
            {
                // Auto-properties store their value in "<Name>k__BackingField".
                string n = field.Name;
                return n.StartsWith('<') && n.IndexOf('>') is > 1 and var end ? n[1..end] : n;
            }

            /// <summary>The direct submodules with their names.</summary>
            public IEnumerable<(string name, Module module)> named_children() => submodules.Select(kv => (kv.Key, kv.Value));

            /// <summary>The direct submodules.</summary>
            public IEnumerable<Module> children() => submodules.Values;

            /// <summary>
            /// This module (named <c>""</c>) and every module below it, pre-order, with dotted names as in PyTorch
            /// (<c>""</c>, <c>"encoder"</c>, <c>"encoder.0"</c>…); a module reachable twice is listed once.
            /// </summary>
            public IEnumerable<(string name, Module module)> named_modules()
            {
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                return Walk("", seen);
            }

            private IEnumerable<(string, Module)> Walk(string prefix, HashSet<Module> seen)
            {
                if (!seen.Add(this)) yield break;
                yield return (prefix, this);
                foreach (var (n, child) in submodules)
                {
                    foreach (var item in child.Walk(prefix.Length == 0 ? n : $"{prefix}.{n}", seen)) yield return item;
                }
            }

            /// <summary>Every module below this one and this one itself, pre-order.</summary>
            public IEnumerable<Module> modules() => named_modules().Select(m => m.module);

            /// <summary>
            /// The parameters with dotted names, this module's own first and then each submodule's, as PyTorch orders them;
            /// a parameter shared by two modules is listed once. Absent (null) parameters are skipped.
            /// </summary>
            public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                foreach (var (prefix, module) in recurse ? named_modules() : new[] { ("", this) })
                {
                    foreach (var (n, p) in module.ownParameters)
                    {
                        if (p is null || !seen.Add(p)) continue;
                        yield return (prefix.Length == 0 ? n : $"{prefix}.{n}", p);
                    }
                }
            }

            /// <summary>The parameters, in <see cref="named_parameters"/> order.</summary>
            public IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

            /// <summary>The buffers with dotted names, in the same order as parameters.</summary>
            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true)
            {
                foreach (var (prefix, module) in recurse ? named_modules() : new[] { ("", this) })
                {
                    foreach (var (n, b) in module.ownBuffers)
                    {
                        if (b is null) continue;
                        yield return (prefix.Length == 0 ? n : $"{prefix}.{n}", b);
                    }
                }
            }

            /// <summary>The buffers.</summary>
            public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(b => b.buffer);

            /// <summary>Clears the gradient of every parameter (sets it to null, or to zeros when <paramref name="set_to_none"/> is false).</summary>
            public void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                {
                    if (set_to_none)
                    {
                        p.grad = null;
                        continue;
                    }
                    using var g = p.grad;
                    g?.zero_();
                }
            }

            internal OrderedDictionary<string, Parameter?> OwnParameters => ownParameters;

            internal OrderedDictionary<string, Tensor?> OwnBuffers => ownBuffers;

            internal bool IsPersistent(string bufferName) => !nonPersistent.Contains(bufferName);

            /// <summary>Frees the native memory of every parameter and buffer of this module and its submodules.</summary>
            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            /// <summary>Disposes parameters, buffers and submodules (once).</summary>
            protected virtual void Dispose(bool disposing)
            {
                if (disposed || !disposing) return;
                disposed = true;
                foreach (var p in ownParameters.Values) p?.Dispose();
                foreach (var b in ownBuffers.Values) b?.Dispose();
                foreach (var c in submodules.Values) c.Dispose();
            }

            /// <summary>A one-line summary: the module's name and its parameter count.</summary>
            public override string ToString() => $"{name}({parameters().Sum(p => p.numel())} parameters)";
        }
    }
}
