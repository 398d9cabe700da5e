using System.CommandLine;
using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Reporting;
using BorderSim.Scenarios;
using BorderSim.Studies;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim calibrate FILE --fit PATH=LOW..HIGH... [-o DIR] [--calibrated FILE]</c>: fits the values named to the
/// scenario's observations (<see cref="CalibrationStudy"/>), run through <see cref="SearchRunner"/> (parallel,
/// resumable, shardable like capacity). Prints each fitted value with its 95% interval and the observations at the
/// fit; writes calibration.csv, candidates.csv, observed.csv, runlist.csv, runs/ and run.json, and the calibrated
/// scenario as a new file beside the scenario.
/// </summary>
public static class CalibrateCommand
{
    public const string DefaultOutput = "results/calibrate";

    public sealed record CalibrateRequest(
        string File,
        IReadOnlyList<string> Fits,
        IReadOnlyList<ScenarioOverride> Sets,
        string OutputDirectory,
        RunOptions Options,
        string? ShardText,
        int MaxEvaluations,
        string? CalibratedFile);

    public static Command Create(CliContext context)
    {
        var common = SearchOptions.Create(DefaultOutput, "calibration.csv, candidates.csv, observed.csv, runlist.csv, runs/ and run.json");
        var fit = new Option<string[]>("--fit")
        {
            Description = "A value to fit and the range to search, PATH=LOW..HIGH with PATH as in --set (repeatable); its value must hold one number, e.g. 320 or exp(24h)",
            HelpName = "PATH=LOW..HIGH",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        Option<int?> maxEvaluations = CommonOptions.WholeNumber("--max-evaluations", null, 1, 10_000);
        maxEvaluations.Description = "Candidates the search may evaluate, each on every replication; the intervals' slices come on top [default: 60]";
        var calibrated = new Option<string?>("--calibrated")
        {
            Description = "The calibrated scenario to write, in the scenario's folder (its observation files are found there) [default: FILE with -calibrated before .yaml]",
            HelpName = "FILE",
        };
        RunSettingsOptions settings = common.Settings;
        Option<string> language = ReportOptions.CreateLanguage("Language of what is printed (the fitted values, progress, errors): en (English) or vi (tiếng Việt); the files are the same in both");
        var command = new Command("calibrate", "Fit unknown values of a scenario to its observations, with a 95% interval each")
        {
            common.File, fit, common.Output, common.Shard, maxEvaluations, calibrated, language,
        };
        settings.AddTo(command);
        command.SetAction(parseResult => settings.TryReadOverrides(parseResult, context, out IReadOnlyList<ScenarioOverride> sets)
            ? Execute(
                new CalibrateRequest(
                    parseResult.GetValue(common.File)!,
                    parseResult.GetValue(fit) ?? [],
                    sets,
                    parseResult.GetValue(common.Output) ?? DefaultOutput,
                    settings.ReadRunOptions(parseResult),
                    parseResult.GetValue(common.Shard),
                    parseResult.GetValue(maxEvaluations) ?? 60,
                    parseResult.GetValue(calibrated)),
                context with { Language = ReportLanguage.FromCode(parseResult.GetValue(language)) })
            : ExitCodes.InvalidInput);
        return command;
    }

    public static int Execute(CalibrateRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (SearchStart.Load(request.File, request.Sets, context) is not { } start)
        {
            return ExitCodes.InvalidInput;
        }

        context = context with { Language = context.Language.WithLabelsOf(start.Scenario) };
        start.ParseShard(request.ShardText);
        string text = ScenarioInput.ReadTextOrEmpty(request.File);
        string? withSets = ScenarioTextEdit.Replace(text, request.File, [.. request.Sets.Select(s => (s.Path, s.Value))], out List<string> setProblems);
        start.Errors.AddRange(setProblems.Select(p => $"--set {p} (calibrate writes the calibrated scenario by editing values in place)"));
        List<CalibrationParameter> parameters = [.. request.Fits.Select(f => CalibrationParameter.Parse(f, withSets ?? text, request.File, start.Errors)).OfType<CalibrationParameter>()];
        int replications = request.Options.Replications ?? start.Scenario.Replications;
        string output = CalibratedPath(request, start.Errors);
        CheckStudy(start, parameters, replications, start.Errors);
        if (start.ReportErrors(context))
        {
            return ExitCodes.InvalidInput;
        }

        var study = new CalibrationStudy(start.Scenario, parameters, replications, request.MaxEvaluations);
        return VerbPipeline.WriteFolder(request.OutputDirectory, context, session => Fit(session, request, start, study, (withSets!, output), context)) ?? ExitCodes.Ok;
    }

    /// <summary>The calibrated file: given, or beside the scenario with -calibrated before .yaml; in the scenario's folder and not the scenario itself.</summary>
    private static string CalibratedPath(CalibrateRequest request, List<string> errors)
    {
        string scenario = Path.GetFullPath(request.File);
        string path = Path.GetFullPath(request.CalibratedFile ?? Path.Combine(Path.GetDirectoryName(scenario)!, Path.GetFileNameWithoutExtension(scenario) + "-calibrated.yaml"));
        if (Path.GetDirectoryName(path) != Path.GetDirectoryName(scenario))
        {
            errors.Add($"--calibrated {request.CalibratedFile}: must be in the scenario's folder {Path.GetDirectoryName(request.File)}, where the files it names (observations) are found");
        }
        else if (path == scenario)
        {
            errors.Add($"--calibrated {request.CalibratedFile}: is the scenario itself; the calibrated scenario is written as a new file");
        }

        return request.CalibratedFile ?? Path.Combine(Path.GetDirectoryName(request.File) ?? "", Path.GetFileName(path));
    }

    private static void CheckStudy(SearchInputs start, List<CalibrationParameter> parameters, int replications, List<string> errors)
    {
        if (start.Scenario.Observations.Count == 0)
        {
            errors.Add($"{start.Scenario.Name}: the scenario names no observations (observations: [FILE.csv]), so there is nothing to fit to");
        }

        if (replications < 2)
        {
            errors.Add($"--replications {replications}: calibrate needs at least 2 replications a candidate (the discrepancy is scaled by the model's spread across them)");
        }

        foreach (IGrouping<string, CalibrationParameter> twice in parameters.GroupBy(p => p.Path).Where(g => g.Count() > 1))
        {
            errors.Add($"--fit {twice.Key}: given twice");
        }
    }

    /// <summary>The study in its folder: rounds run, then calibration.csv, candidates.csv, observed.csv, the calibrated file and run.json, then the answer printed.</summary>
    private static int? Fit(OutputSession session, CalibrateRequest request, SearchInputs start, CalibrationStudy study, (string Text, string Path) scenario, CliContext context)
    {
        var runner = new SearchRunner(request.File, request.Sets, request.Options, study.Paths, session, context.Diagnostic, start.Shard, context.CancellationToken)
        {
            ExtraRows = CalibrationObservations.Rows,
            Language = context.Language,
        };
        context.Diagnostic(CalibrateConsole.Opening(study, context.Language.IsVietnamese ? context.Language.Name(start.Scenario) : start.Scenario.Name, start.Scenario.Observations.Count, context.Language));
        List<string> errors = start.Errors;
        RoundStatus status = study.Run(runner, errors);
        if (errors.Count > 0)
        {
            errors.ForEach(context.Refuse);
            return ExitCodes.InvalidInput;
        }

        if (SearchStart.ExitAfter(status, session, outputs => Info(request, runner, start.StartedUtc, outputs, context)) is { } exit)
        {
            return exit;
        }

        ObservationComparison atFit = CalibrationObservations.Compare(study.Observations, study.Best, start.Scenario.Label);
        string? calibrated = CalibratedScenario.Write(scenario.Text, request.File, study, FilesNamed(request), start.Scenario.Seed, DateTimeOffset.UtcNow, out List<string> problems);
        if (calibrated is null)
        {
            problems.ForEach(p => context.Refuse($"{request.File}: {p}"));
            return ExitCodes.InvalidInput;
        }

        session.WriteText(CalibrationCsv.FileName, w => CalibrationCsv.Write(study, w));
        session.WriteText(CalibrationCsv.CandidatesFileName, w => CalibrationCsv.WriteCandidates(study, w));
        session.WriteText(ObservedCsv.FileName, w => ObservedCsv.Write(atFit, w));
        AtomicFile.WriteText(scenario.Path, w => w.Write(calibrated));
        session.Commit(outputs => Info(request, runner, start.StartedUtc, outputs, context));
        CalibrateConsole.Print(context.Out, study, runner, atFit, request.MaxEvaluations, (scenario.Path, Path.Combine(request.OutputDirectory, CalibrationCsv.FileName)), context.Language);
        return null;
    }

    /// <summary>The observation files the scenario names, as written in it, for the calibrated file's comment.</summary>
    private static List<string> FilesNamed(CalibrateRequest request) =>
        [.. ScenarioReader.Load(request.File, request.Sets).ObservationFiles.Select(f => f.Path)];

    private static string Info(CalibrateRequest request, SearchRunner runner, DateTimeOffset startedUtc, IReadOnlyList<string> outputs, CliContext context)
    {
        var settings = new Dictionary<string, string>
        {
            ["fit"] = string.Join(' ', request.Fits),
            ["replications"] = request.Options.Replications?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
            ["seed"] = request.Options.Seed?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
            ["days"] = request.Options.Days?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
            ["threads"] = runner.Threads.ToString(CultureInfo.InvariantCulture),
            ["shard"] = request.ShardText ?? "",
            ["max_evaluations"] = request.MaxEvaluations.ToString(CultureInfo.InvariantCulture),
            ["sets"] = string.Join(' ', request.Sets.Select(o => o.ToString())),
        };
        return context.ProvenanceFrom(startedUtc).Info("calibrate", settings, runner.RunInfos(), outputs).ToJson();
    }
}
