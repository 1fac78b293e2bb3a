using RnnTorch.Cli;

// rnn-torch: compare (the default), train, eval, generate, predict, bench, data, info; see `rnn-torch --help`.
return Cli.Run(args);
