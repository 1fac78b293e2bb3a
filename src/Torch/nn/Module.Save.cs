namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// Saves <see cref="state_dict"/> (parameters and persistent buffers by dotted name) to <paramref name="path"/>
            /// in the safetensors format with the metadata <c>{"format": "pt"}</c>, as Hugging Face's tools write model
            /// weights; see <see cref="torch.save"/> for the layout and the atomic write. Returns this module.
            /// </summary>
            /// <remarks>TorchSharp's <c>Module.save</c> writes its own binary format; this one writes safetensors, which PyTorch reads.</remarks>
            public Module save(string path)
            {
                torch.save(state_dict(), path, new Dictionary<string, string> { ["format"] = "pt" });
                return this;
            }

            /// <summary>
            /// Loads parameters and persistent buffers from the safetensors file <paramref name="path"/> (as written by
            /// <see cref="save"/> or by PyTorch's <c>safetensors.torch.save_model</c>) through
            /// <see cref="load_state_dict"/>, so that missing, unexpected and mis-shaped keys are reported as it reports
            /// them (and nothing is copied then). Values are converted to each parameter's dtype and device. The file's
            /// tensors are disposed before this returns. Returns this module.
            /// </summary>
            /// <param name="path">The safetensors file.</param>
            /// <param name="strict">When true, a key missing from the file or a key the module lacks is an error.</param>
            /// <exception cref="InvalidDataException">The file is not a valid safetensors file.</exception>
            /// <exception cref="ArgumentException">The file's keys or shapes do not fit this module.</exception>
            public Module load(string path, bool strict = true)
            {
                var tensors = torch.load(path);
                try
                {
                    load_state_dict(tensors, strict);
                }
                finally
                {
                    foreach (var t in tensors.Values) t.Dispose();
                }
                return this;
            }
        }
    }
}
