namespace RnnTorch;

/// <summary>What <see cref="torch.blas_info"/> reports about the BLAS under libtorch.</summary>
/// <param name="Library">Path of the loaded BLAS library (libblas.so.3 resolves to OpenBLAS or the reference BLAS).</param>
/// <param name="CoreName">OpenBLAS's kernel family (e.g. <c>Haswell</c>, <c>SkylakeX</c>, <c>Prescott</c>); empty when the BLAS is not OpenBLAS.</param>
/// <param name="Config">OpenBLAS's build configuration string; empty when not OpenBLAS.</param>
/// <param name="Threads">OpenBLAS's thread count, or -1 when unknown.</param>
/// <param name="ChosenCoreType">The OPENBLAS_CORETYPE this binding set for this CPU, or null.</param>
/// <param name="UserCoreType">The OPENBLAS_CORETYPE the user had set (left alone), or null.</param>
public sealed record BlasInfo(string Library, string CoreName, string Config, int Threads, string? ChosenCoreType, string? UserCoreType)
{
    /// <summary>True when libtorch's BLAS is OpenBLAS.</summary>
    public bool IsOpenBlas => CoreName.Length > 0;

    /// <summary>True when OpenBLAS runs kernels tuned for a modern x86 core rather than the generic ones.</summary>
    public bool UsesFastKernels => IsOpenBlas && !GenericCores.Contains(CoreName.ToLowerInvariant());

    private static readonly HashSet<string> GenericCores = new() { "prescott", "core2", "katmai", "coppermine", "northwood", "generic", "banias", "atom", "nano", "barcelona", "opteron", "athlon", "unknown" };

    /// <summary>One line for logs and <c>rnn-torch info</c>.</summary>
    public override string ToString()
    {
        if (!IsOpenBlas) return $"BLAS: {(Library.Length > 0 ? Library : "unknown")} (not OpenBLAS: install libopenblas0-openmp for fast kernels)";
        string how = UserCoreType is not null ? $"OPENBLAS_CORETYPE={UserCoreType} set by the user"
            : ChosenCoreType is not null ? $"OPENBLAS_CORETYPE={ChosenCoreType} chosen for this CPU" : "detected by OpenBLAS";
        return $"BLAS: OpenBLAS, {CoreName} kernels ({how}), {Threads} threads, {Library}";
    }
}
