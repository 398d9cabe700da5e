using System.CommandLine;
using BorderSim.Model.Experiments;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// Options shared by the verbs that run scenarios (run, and later compare, batch, regress). Each verb
/// makes its own instances (<see cref="RunSettingsOptions.Create"/>) and reads them back with
/// <see cref="RunSettingsOptions.Read"/>.
/// </summary>
public static class CommonOptions
{
    /// <summary>--format table|csv: what a verb prints on stdout (the files it writes are the same either way).</summary>
    public static Option<string> CreateFormat() => new Option<string>("--format")
    {
        Description = "What to print on stdout: a table for people, or the CSV (summary.csv / comparison.csv) for a pipe",
        DefaultValueFactory = _ => "table",
        HelpName = "table|csv",
    }.AcceptOnlyFromAmong("table", "csv");

    /// <summary>--verbose: stack traces for unexpected errors, more diagnostics. Recursive: every verb has it.</summary>
    public static Option<bool> CreateVerbose() => new("--verbose", "-v")
    {
        Description = "Print stack traces of unexpected errors (also BORDERSIM_DEBUG=1)",
        Recursive = true,
    };
}

/// <summary>The options that override how a scenario runs: --replications, --seed, --days, --threads, --set.</summary>
public sealed class RunSettingsOptions
{
    public required Option<int?> Replications { get; init; }

    public required Option<ulong?> Seed { get; init; }

    public required Option<int?> Days { get; init; }

    public required Option<int?> Threads { get; init; }

    public required Option<string[]> Set { get; init; }

    public static RunSettingsOptions Create() => new()
    {
        Replications = new Option<int?>("--replications", "-r")
        {
            Description = "Replications to run [default: the scenario's replications]",
            HelpName = "N",
            Validators = { r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--replications must be at least 1"); } },
        },
        Seed = new Option<ulong?>("--seed")
        {
            Description = "Master seed of every random stream [default: the scenario's seed]",
            HelpName = "S",
        },
        Days = new Option<int?>("--days")
        {
            Description = "Length of the run in days, warm-up included [default: the scenario's days]",
            HelpName = "D",
            Validators = { r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--days must be at least 1"); } },
        },
        Threads = new Option<int?>("--threads")
        {
            Description = "Replications run at once; results do not depend on it [default: all cores]",
            HelpName = "N",
            Validators = { r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--threads must be at least 1"); } },
        },
        Set = new Option<string[]>("--set")
        {
            Description = "Override a scenario value, e.g. --set directions.export.arrivals.trucks_per_day=600 (repeatable)",
            HelpName = "path=value",
            DefaultValueFactory = _ => [],
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        },
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Replications);
        command.Options.Add(Seed);
        command.Options.Add(Days);
        command.Options.Add(Threads);
        command.Options.Add(Set);
    }

    /// <summary>The run options given on the command line.</summary>
    public RunOptions ReadRunOptions(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new RunOptions(
            Replications: parseResult.GetValue(Replications),
            Seed: parseResult.GetValue(Seed),
            Days: parseResult.GetValue(Days),
            Threads: parseResult.GetValue(Threads));
    }

    /// <summary>The --set overrides, parsed; errors are reported as <c>--set:N:col: ...</c>.</summary>
    /// <summary>Reads every <c>--set</c>; on any malformed one prints all their errors and returns false (exit 2).</summary>
    public bool TryReadOverrides(ParseResult parseResult, CliContext context, out IReadOnlyList<ScenarioOverride> overrides)
    {
        var errors = new List<ScenarioError>();
        overrides = ReadOverrides(parseResult, errors);
        if (errors.Count == 0)
        {
            return true;
        }

        ScenarioInput.PrintErrors(errors, context);
        return false;
    }

    public IReadOnlyList<ScenarioOverride> ReadOverrides(ParseResult parseResult, List<ScenarioError> errors)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(errors);
        var overrides = new List<ScenarioOverride>();
        string[] texts = parseResult.GetValue(Set) ?? [];
        for (int i = 0; i < texts.Length; i++)
        {
            if (ScenarioReader.TryParseOverride(texts[i], i + 1, out ScenarioOverride? parsed, out ScenarioError? error))
            {
                overrides.Add(parsed);
            }
            else
            {
                errors.Add(error);
            }
        }

        return overrides;
    }
}
