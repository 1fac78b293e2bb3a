using System.CommandLine;
using RnnTorch.Data;

namespace RnnTorch.Cli;

/// <summary>`rnn-torch data list | info NAME | get NAME`: the dataset registry from the command line.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var list = new Command("list", $"The registered datasets, their RNN shape and task. {Cli.ExitCodes}");
        list.SetAction(_ =>
        {
            foreach (var name in DatasetRegistry.Names)
            {
                var info = DatasetRegistry.Info(name);
                Console.WriteLine($"{name,-16} {info.Shape,-28} {info.Task}");
            }
            return Cli.Ok;
        });

        var infoName = Name();
        var info = new Command("info", $"What a dataset is, where it comes from, its licence and how to get it. {Cli.ExitCodes}") { infoName };
        info.SetAction(r =>
        {
            var i = DatasetRegistry.Info(r.GetValue(infoName)!);
            Console.WriteLine($"name:       {i.Name}");
            Console.WriteLine($"task:       {i.Task}");
            Console.WriteLine($"shape:      {i.Shape}");
            Console.WriteLine($"size:       {i.Size}");
            Console.WriteLine($"source:     {i.Source}");
            Console.WriteLine($"licence:    {i.Licence}");
            Console.WriteLine($"how to get: {i.HowToGet}");
            Console.WriteLine($"cache:      {DataCache.Root}");
            return Cli.Ok;
        });

        var getName = Name();
        var get = new Command("get", $"Fetches (or generates) a dataset into the cache and loads it. {Cli.ExitCodes}") { getName };
        get.SetAction(r => Cli.Guard("data get", () =>
        {
            string name = r.GetValue(getName)!;
            var data = DatasetRegistry.Get(name);
            string size = data switch
            {
                System.Collections.ICollection c => $"{c.Count} items",
                _ => data.GetType().GetProperty("Count")?.GetValue(data) is { } n ? $"{n} items" : data.GetType().Name,
            };
            Console.WriteLine($"{name}: ready ({size}); cache {DataCache.Root}");
            return Cli.Ok;
        }));

        return new Command("data", $"The dataset registry: list, info NAME, get NAME. {Cli.ExitCodes}") { list, info, get };
    }

    private static Argument<string> Name()
    {
        var name = new Argument<string>("NAME") { Description = "Registry name (rnn-torch data list)" };
        name.Validators.Add(r =>
        {
            string value = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
            if (!DatasetRegistry.Contains(value)) r.AddError($"unknown dataset '{value}' (known: {string.Join(", ", DatasetRegistry.Names)})");
        });
        return name;
    }
}
