using RnnTorch.Cli;

// rnn-torch: until the full CLI lands, `demo` (the default) trains a tiny Elman RNN and `info` describes the engine.
return args.FirstOrDefault() switch
{
    null or "demo" => Demo.Run(args.Skip(1).ToArray()),
    var first when first.StartsWith("--", StringComparison.Ordinal) && first != "--help" => Demo.Run(args),
    "info" => Info.Run(),
    "-h" or "--help" or "help" => Usage(0),
    var other => Usage(2, $"rnn-torch: unknown command '{other}'"),
};

static int Usage(int code, string? error = null)
{
    if (error is not null) Console.Error.WriteLine(error);
    (code == 0 ? Console.Out : Console.Error).WriteLine("usage: rnn-torch [demo [--steps N] [--seed S] [--hidden H]] | info");
    return code;
}
