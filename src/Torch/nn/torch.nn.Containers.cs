using RnnTorch.Modules;

namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A sequence of modules applied in order, named "0", "1", ….</summary>
        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);

        /// <summary>A sequence of named modules applied in order.</summary>
        public static Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);

        /// <summary>A list of modules, named "0", "1", ….</summary>
        public static ModuleList ModuleList(params Module[] modules) => new(modules);

        /// <summary>Modules by name.</summary>
        public static ModuleDict ModuleDict(params (string name, Module module)[] modules) => new(modules);
    }
}
