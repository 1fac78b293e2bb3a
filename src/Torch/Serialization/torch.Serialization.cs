using RnnTorch.Serialization;

namespace RnnTorch;

public static partial class torch
{
    /// <summary>
    /// Saves named tensors to <paramref name="path"/> in the safetensors format (Hugging Face's <c>safetensors</c>:
    /// an 8-byte little-endian header length, a JSON header padded with spaces to a multiple of 8 bytes, then the raw
    /// little-endian row-major bytes of every tensor), which PyTorch reads with <c>safetensors.torch.load_file</c>.
    /// </summary>
    /// <remarks>
    /// <para>Supported dtypes: float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8 and bool; complex
    /// tensors are refused. CUDA and non-contiguous tensors are written as their dense CPU copies; autograd state
    /// (<c>requires_grad</c>, gradients) is not saved.</para>
    /// <para>Tensors are laid out as the reference implementation lays them out, whatever the dictionary's order: by
    /// descending dtype (int64, float64, float32, int32, bfloat16, float16, int16, int8, uint8, bool), then by name
    /// (UTF-8 bytes, ordinal), so that every tensor's data is aligned to its element size. <paramref name="metadata"/>
    /// is written under <c>__metadata__</c> when it has entries.</para>
    /// <para>The write is atomic: the data goes to a temporary file in the same directory, is flushed to disk, and the
    /// temporary file then replaces <paramref name="path"/>. If anything fails (a disposed tensor, an I/O error), the
    /// temporary file is deleted and an existing file at <paramref name="path"/> is left untouched. Everything is
    /// streamed, one tensor at a time.</para>
    /// </remarks>
    /// <param name="tensors">The tensors by name; a name must not be <c>__metadata__</c>, no tensor may be null.</param>
    /// <param name="path">The file to write (replaced if it exists); its directory must exist.</param>
    /// <param name="metadata">Optional free-form string pairs stored in the header (null or empty: none).</param>
    /// <exception cref="ArgumentException">A null or reserved name, a null tensor, a complex dtype, a null metadata value.</exception>
    /// <exception cref="ObjectDisposedException">A tensor is disposed.</exception>
    public static void save(IDictionary<string, Tensor> tensors, string path, IDictionary<string, string>? metadata = null)
    {
        ThrowHelper.ThrowIfNull(tensors);
        SafeTensorsWriter.Write(path, tensors, metadata);
    }

    /// <summary>
    /// Loads every tensor of the safetensors file <paramref name="path"/> as new CPU tensors with the file's dtypes and
    /// shapes (use <see cref="load(string, out Dictionary{string, string})"/> or <see cref="load_metadata"/> for the
    /// metadata).
    /// </summary>
    /// <remarks>
    /// <para>The dictionary lists the tensors in the file's data order. The caller owns the tensors: dispose them (like
    /// any new tensor, they join the current dispose scope if one is open).</para>
    /// <para>Reading is strict: a truncated file, a header length beyond the file or over the format's 100 MB limit, a
    /// header that is not UTF-8 JSON object, a missing or ill-typed field, an unknown dtype, offsets that disagree
    /// with the dtype and shape, lie outside the data, overlap, leave gaps or leave trailing bytes, a duplicate key,
    /// or a boolean byte other than 0 or 1 is refused with an <see cref="InvalidDataException"/> whose message names
    /// the file and the problem; then no tensor is returned (any already created is disposed). Unknown extra fields
    /// in a tensor's entry are ignored, as the reference reader ignores them.</para>
    /// </remarks>
    /// <exception cref="InvalidDataException">The file is not a valid safetensors file.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static Dictionary<string, Tensor> load(string path) => SafeTensorsReader.Read(path, out _);

    /// <summary>
    /// Loads every tensor of the safetensors file <paramref name="path"/> (as <see cref="load(string)"/>) and its
    /// <c>__metadata__</c> strings (empty when the file has none).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a valid safetensors file.</exception>
    public static Dictionary<string, Tensor> load(string path, out Dictionary<string, string> metadata) =>
        SafeTensorsReader.Read(path, out metadata);

    /// <summary>
    /// Reads only the header of the safetensors file <paramref name="path"/> and returns its <c>__metadata__</c>
    /// strings (empty when it has none). The header is checked as strictly as by <see cref="load(string)"/> (the data
    /// section's size included), but no tensor data is read.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a valid safetensors file.</exception>
    public static Dictionary<string, string> load_metadata(string path) => SafeTensorsReader.ReadMetadata(path);
}
