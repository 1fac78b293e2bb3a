using static RnnTorch.torch;

namespace RnnTorch.Cli;

/// <summary>`rnn-torch info`: versions, BLAS kernels, threads and devices.</summary>
internal static class Info
{
    public static int Run()
    {
        Console.WriteLine($"rnn-torch      {typeof(Info).Assembly.GetName().Version}");
        Console.WriteLine($".NET           {Environment.Version}");
        Console.WriteLine($"libtorch       {__version__}");
        Console.WriteLine($"threads        {get_num_threads()} intra-op (of {Environment.ProcessorCount} cores)");
        Console.WriteLine($"cuda           {(cuda.is_available() ? $"{cuda.device_count()} device(s)" : "not available")}");
        Console.WriteLine(blas_info());
        return 0;
    }
}
