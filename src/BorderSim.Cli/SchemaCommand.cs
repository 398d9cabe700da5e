using System.CommandLine;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim schema [--format json|markdown]</c>: prints the JSON schema of the scenario format (as committed in
/// scenarios/bordersim.schema.json) or its reference page. Both come from <see cref="ScenarioFormat"/>.
/// </summary>
public static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format")
        {
            Description = "json: the JSON schema for editors; markdown: the reference page of the format",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "markdown");
        var command = new Command("schema", "Print the JSON schema of the scenario format (for an editor's yaml-language-server), or with --format markdown its reference page")
        {
            format,
        };
        command.SetAction(parseResult => Execute(parseResult.GetValue(format) ?? "json", context));
        return command;
    }

    public static int Execute(string format, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Out.Write(format == "markdown" ? ScenarioFormat.ReferencePage() : ScenarioFormat.JsonSchema());
        return ExitCodes.Ok;
    }
}
