using System.CommandLine;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary><c>bordersim validate FILE...</c>: checks scenarios without running them.</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Scenario files (YAML) to check",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check scenario files; print every error as file:line:col: field: message (hint), and a warning for a dated entry outside the run")
        {
            files,
        };
        command.SetAction(parseResult => Execute(parseResult.GetValue(files) ?? [], context));
        return command;
    }

    /// <summary>Prints "FILE: valid" to stdout for good files, errors to stderr; 0 if all are valid, 2 otherwise.</summary>
    public static int Execute(IReadOnlyList<string> files, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(context);
        int invalid = 0;
        foreach (string file in files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            ScenarioLoadResult result = ScenarioInput.LoadAndReport(file, [], context);
            if (result.IsValid)
            {
                ScenarioInput.PrintErrors(result.WarningsFor(result.Scenario!), context);
                context.Out.WriteLine($"{file}: valid");
            }
            else
            {
                invalid++;
            }
        }

        if (invalid > 0 && files.Count > 1)
        {
            context.Error.WriteLine($"{invalid} of {files.Count} files invalid");
        }

        return invalid == 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }
}
