using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// Options shared by the verbs that run scenarios (run, and later compare, batch, regress). Each verb
/// makes its own instances (<see cref="RunSettingsOptions.Create"/>) and reads them back with
/// <see cref="RunSettingsOptions.Read"/>.
/// </summary>
public static class CommonOptions
{
    /// <summary>
    /// A validator for a list of files: a token that looks like an option (<c>--bogus</c>, <c>-z</c>) is an unknown option
    /// (exit 2), not a file name; a file whose name starts with a dash is written <c>./-name</c>.
    /// </summary>
    public static void RefuseUnknownOptions(System.CommandLine.Parsing.ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (string token in result.Tokens.Select(t => t.Value).Where(v => v.Length > 1 && v[0] == '-'))
        {
            result.AddError($"unknown option '{token}' (a file whose name starts with '-' is written ./{token})");
        }
    }

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

    /// <summary>
    /// An optional whole-number option in [<paramref name="min"/>, <paramref name="max"/>]. The value is parsed
    /// here, not by System.CommandLine, so a non-number ("two", "1e3", "1.5") is an error naming the option and
    /// what it expects (exit 2) rather than an exception from a validator reading a value that failed to parse.
    /// </summary>
    public static Option<int?> WholeNumber(string name, string? alias, int min, int max = int.MaxValue)
    {
        string expects = max == int.MaxValue
            ? $"{name} expects a whole number of at least {min}"
            : $"{name} expects a whole number of at least {min} and at most {max}";
        var option = alias is null ? new Option<int?>(name) : new Option<int?>(name, alias);
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError($"{expects}, not '{text}'");
            return null;
        };
        return option;
    }

    /// <summary>--max-work: the largest run accepted, in truck-stages (see <see cref="WorkEstimate"/>).</summary>
    public static Option<double> CreateMaxWork()
    {
        const string Expects = "--max-work expects a number of at least 1, e.g. 1e9";
        return new Option<double>("--max-work")
        {
            Description = "Refuse a run estimated above this many truck-stages (trucks expected with every factor, surge and backlog x stages x replications) before it starts",
            HelpName = "N",
            DefaultValueFactory = _ => RunOptions.DefaultMaxWorkTruckStages,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 1 && double.IsFinite(value))
                {
                    return value;
                }

                result.AddError($"{Expects}, not '{text}'");
                return 0;
            },
        };
    }

    /// <summary>An optional number option strictly between <paramref name="above"/> and <paramref name="below"/>; see <see cref="WholeNumber"/>.</summary>
    public static Option<double?> NumberBetween(string name, double above, double below, string example)
    {
        string expects = $"{name} expects a number between {above.ToString(CultureInfo.InvariantCulture)} and {below.ToString(CultureInfo.InvariantCulture)} (exclusive), e.g. {example}";
        return new Option<double?>(name)
        {
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > above && value < below)
                {
                    return value;
                }

                result.AddError($"{expects}, not '{text}'");
                return null;
            },
        };
    }
}

/// <summary>The options that override how a scenario runs: --replications, --seed, --days, --threads, --set.</summary>
public sealed class RunSettingsOptions
{
    public required Option<int?> Replications { get; init; }

    public required Option<ulong?> Seed { get; init; }

    public required Option<int?> Days { get; init; }

    public required Option<int?> Threads { get; init; }

    public required Option<string[]> Set { get; init; }

    public required Option<double> MaxWork { get; init; }

    public static RunSettingsOptions Create() => new()
    {
        Replications = With(CommonOptions.WholeNumber("--replications", "-r", 1), "Replications to run [default: the scenario's replications]"),
        Seed = new Option<ulong?>("--seed")
        {
            Description = "Master seed of every random stream [default: the scenario's seed]",
            HelpName = "S",
            CustomParser = result =>
            {
                // The parser's own message names a .NET type (System.UInt64); say what a seed is instead.
                string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
                {
                    return seed;
                }

                result.AddError($"--seed expects a whole number from 0 to {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
                return null;
            },
        },
        Days = With(CommonOptions.WholeNumber("--days", null, 1, ScenarioLimits.MaxDays), "Length of the run in days, warm-up included [default: the scenario's days]", "D"),
        Threads = With(CommonOptions.WholeNumber("--threads", null, 1), "Replications run at once; results do not depend on it [default: all cores]"),
        MaxWork = CommonOptions.CreateMaxWork(),
        Set = CreateSet(),
    };

    /// <summary>--set path=value, repeatable.</summary>
    public static Option<string[]> CreateSet() => new("--set")
    {
        Description = "Override a scenario value, e.g. --set directions.export.arrivals.trucks_per_day=600 (repeatable)",
        HelpName = "path=value",
        DefaultValueFactory = _ => [],
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private static Option<int?> With(Option<int?> option, string description, string helpName = "N")
    {
        option.Description = description;
        option.HelpName = helpName;
        return option;
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Replications);
        command.Options.Add(Seed);
        command.Options.Add(Days);
        command.Options.Add(Threads);
        command.Options.Add(Set);
        command.Options.Add(MaxWork);
    }

    /// <summary>The run options given on the command line.</summary>
    public RunOptions ReadRunOptions(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new RunOptions(
            Replications: parseResult.GetValue(Replications),
            Seed: parseResult.GetValue(Seed),
            Days: parseResult.GetValue(Days),
            Threads: parseResult.GetValue(Threads),
            MaxWorkTruckStages: parseResult.GetValue(MaxWork));
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

        ScenarioInput.PrintErrors(errors, context with { Language = ReportOptions.LanguageOf(parseResult) });
        return false;
    }

    public IReadOnlyList<ScenarioOverride> ReadOverrides(ParseResult parseResult, List<ScenarioError> errors) => ReadOverrides(parseResult, Set, errors);

    /// <summary>The overrides given with <paramref name="set"/>, parsed; each malformed one is added to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<ScenarioOverride> ReadOverrides(ParseResult parseResult, Option<string[]> set, List<ScenarioError> errors)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(errors);
        var overrides = new List<ScenarioOverride>();
        string[] texts = parseResult.GetValue(set) ?? [];
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
