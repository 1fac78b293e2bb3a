using RnnTorch.Data;

namespace RnnTorch.Cli;

/// <summary>`rnn-torch data list | info NAME | get NAME`: the dataset registry from the command line.</summary>
internal static class DataCommand
{
    public static int Run(string[] args)
    {
        switch (args)
        {
            case ["list"]:
                foreach (var name in DatasetRegistry.Names)
                {
                    var info = DatasetRegistry.Info(name);
                    Console.WriteLine($"{name,-16} {info.Shape,-28} {info.Task}");
                }
                return 0;
            case ["info", var name] when Known(name):
                var i = DatasetRegistry.Info(name);
                Console.WriteLine($"name:       {i.Name}");
                Console.WriteLine($"task:       {i.Task}");
                Console.WriteLine($"shape:      {i.Shape}");
                Console.WriteLine($"size:       {i.Size}");
                Console.WriteLine($"source:     {i.Source}");
                Console.WriteLine($"licence:    {i.Licence}");
                Console.WriteLine($"how to get: {i.HowToGet}");
                Console.WriteLine($"cache:      {DataCache.Root}");
                return 0;
            case ["get", var name] when Known(name):
                try
                {
                    var data = DatasetRegistry.Get(name);
                    string size = data switch
                    {
                        System.Collections.ICollection c => $"{c.Count} items",
                        _ => data.GetType().GetProperty("Count")?.GetValue(data) is { } n ? $"{n} items" : data.GetType().Name,
                    };
                    Console.WriteLine($"{name}: ready ({size}); cache {DataCache.Root}");
                    return 0;
                }
                catch (DataException e)
                {
                    Console.Error.WriteLine($"rnn-torch data get {name}: {e.Message}");
                    return 1;
                }
            case ["info" or "get", _]:
                return 2;
            default:
                Console.Error.WriteLine($"rnn-torch data: expected 'list', 'info NAME' or 'get NAME', but got '{string.Join(' ', args)}'");
                return 2;
        }
    }

    private static bool Known(string name)
    {
        if (DatasetRegistry.Contains(name)) return true;
        Console.Error.WriteLine($"rnn-torch data: unknown dataset '{name}' (known: {string.Join(", ", DatasetRegistry.Names)})");
        return false;
    }
}
