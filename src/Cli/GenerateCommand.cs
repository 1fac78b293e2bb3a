using System.CommandLine;
using RnnTorch.Training;
using RnnTorch.Training.Recipes;

namespace RnnTorch.Cli;

/// <summary>`rnn-torch generate --checkpoint PATH [--prompt] [--length] [--temperature] [--seed]`: text from a language model.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var checkpoint = EvalCommand.Checkpoint();
        var prompt = new Option<string>("--prompt") { Description = $"The text to continue; default \"{LanguageModelRecipe.DefaultPrompt}\"", DefaultValueFactory = _ => LanguageModelRecipe.DefaultPrompt };
        var length = CliOptions.Positive("--length", "Characters to generate; default 200");
        var temperature = new Option<double?>("--temperature") { Description = "Softmax temperature, >= 0 (0: greedy); default 0.8", HelpName = "T" };
        temperature.Validators.Add(r =>
        {
            try
            {
                if (r.GetValueOrDefault<double?>() is { } t && !(t >= 0 && double.IsFinite(t))) r.AddError($"--temperature must be a finite number >= 0, but was {t}");
            }
            catch (InvalidOperationException)
            {
                // not a number: reported by the parser
            }
        });
        var seed = new Option<int?>("--seed") { Description = "Seed of the sampling; default 0", HelpName = "S" };
        var command = new Command("generate", $"Continues a prompt with a language model checkpoint (moby-dick); other kinds of model are an error (exit 2). {Cli.ExitCodes}")
        {
            checkpoint, prompt, length, temperature, seed,
        };
        command.SetAction(r => Cli.Guard("generate", () =>
        {
            string path = r.GetValue(checkpoint)!;
            using var recipe = Recipe.Open(path);
            if (recipe.Kind != RecipeKind.LanguageModel)
                throw new ConfigException($"generate needs a language model, but {path} is a {recipe.Kind.ToString().ToLowerInvariant()} model of '{recipe.Spec.Dataset}'.");
            using var model = recipe.LoadModel(path);
            string text = r.GetValue(prompt)!;
            Console.WriteLine(text + recipe.Generate(model, text, r.GetValue(length) ?? 200, r.GetValue(temperature) ?? 0.8, r.GetValue(seed) ?? 0));
            return Cli.Ok;
        }));
        return command;
    }
}
