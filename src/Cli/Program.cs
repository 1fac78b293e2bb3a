using RnnTorch.Cli;

// rnn-torch: `compare` (the default) trains the hand-rolled Elman RNN against nn.RNN, `demo` trains a tiny Elman RNN,
// `info` describes the engine. Flags without a verb go to `compare`.
return args.FirstOrDefault() switch
{
    null => Compare.Run([]),
    "compare" => Compare.Run(args[1..]),
    var first when first.StartsWith("--", StringComparison.Ordinal) && first != "--help" => Compare.Run(args),
    "demo" => Demo.Run(args[1..]),
    "info" => Info.Run(),
    "data" => DataCommand.Run(args[1..]),
    "-h" or "--help" or "help" => Usage(0),
    var other => Usage(2, $"rnn-torch: unknown command '{other}'"),
};

static int Usage(int code, string? error = null)
{
    if (error is not null)
    {
        Console.Error.WriteLine(error + " (expected compare, data, demo or info; see rnn-torch --help)");
        return code;
    }
    Console.Out.WriteLine("usage: rnn-torch [compare [--epochs N] [--hidden H] [--seed S] [--out DIR] [--quick]] | data list|info NAME|get NAME | demo [--steps N] [--seed S] [--hidden H] | info");
    return code;
}
