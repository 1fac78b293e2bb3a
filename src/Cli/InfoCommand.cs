using System.CommandLine;
using static RnnTorch.torch;

namespace RnnTorch.Cli;

/// <summary>`rnn-torch info`: versions, the libtorch build, CUDA, BLAS kernels and threads.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", $"Versions of rnn-torch, .NET and libtorch; libtorch's build; CUDA and the device; BLAS in use and OPENBLAS_CORETYPE; threads. {Cli.ExitCodes}");
        command.SetAction(_ => Run());
        return command;
    }

    private static int Run()
    {
        Console.WriteLine($"rnn-torch      {typeof(InfoCommand).Assembly.GetName().Version}");
        Console.WriteLine($".NET           {Environment.Version} ({System.Runtime.InteropServices.RuntimeInformation.OSDescription})");
        Console.WriteLine($"libtorch       {__version__}");
        Console.WriteLine($"threads        {get_num_threads()} intra-op (of {Environment.ProcessorCount} cores); OMP_NUM_THREADS={Environment.GetEnvironmentVariable("OMP_NUM_THREADS") ?? "(unset)"}");
        Console.WriteLine($"cuda           {(cuda.is_available() ? $"{cuda.device_count()} device(s); default device cuda:0" : "not available; device cpu")}");
        Console.WriteLine($"OPENBLAS_CORETYPE={Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") ?? "(unset)"}");
        Console.WriteLine(blas_info());
        Console.WriteLine();
        Console.WriteLine("libtorch build configuration:");
        Console.WriteLine(config_info().TrimEnd());
        Console.WriteLine(parallel_info().TrimEnd());
        return Cli.Ok;
    }
}
