using System.CommandLine;
using BorderSim.Reporting;
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
        Option<string> language = ReportOptions.CreateLanguage("Language of what is printed (valid, errors and warnings; file:line:col stays): en (English) or vi (tiếng Việt)");
        var command = new Command("validate", "Check scenario files; print every error as file:line:col: field: message (hint), and a warning for a dated entry outside the run")
        {
            files,
            language,
        };
        command.SetAction(parseResult => Execute(parseResult.GetValue(files) ?? [], context with { Language = ReportLanguage.FromCode(parseResult.GetValue(language)) }));
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
                context.Out.WriteLine($"{file}: {context.Language.Say("valid", "hợp lệ")}");
            }
            else
            {
                invalid++;
            }
        }

        if (invalid > 0 && files.Count > 1)
        {
            context.Error.WriteLine(context.Language.Say($"{invalid} of {files.Count} files invalid", $"{invalid} trong {files.Count} tệp không hợp lệ"));
        }

        return invalid == 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }
}
