using System.CommandLine;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim batch FILE_OR_GLOB... [--sweep path=from:to:step]... [--shard K/N]</c>: runs every file ×
/// every sweep combination, several runs at once (each run on one thread, so results do not depend on
/// --threads), resumably: each finished run is written to DIR/runs/&lt;key&gt;.csv and skipped when the batch
/// is run again. Writes DIR/runlist.csv first, then DIR/batch.csv (all parts in run-list order) and run.json.
/// A broken scenario or a failed run does not stop the others; the exit code says so at the end.
/// </summary>
public static class BatchCommand
{
    public const string DefaultOutput = "results/batch";

    public sealed record BatchRequest(
        IReadOnlyList<string> Patterns,
        IReadOnlyList<string> SweepTexts,
        IReadOnlyList<ScenarioOverride> Sets,
        string OutputDirectory,
        RunOptions Options,
        string? ShardText)
    {
        /// <summary>Write report.html (off with --no-report).</summary>
        public bool WriteReport { get; init; } = true;

        /// <summary>Language of report.html and its plots.</summary>
        public ReportLanguage Language { get; init; } = ReportLanguage.English;
    }

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE_OR_GLOB")
        {
            Description = "Scenario files or patterns (scenarios/*.yaml, data/**/*.yaml), relative to the current directory",
            Arity = ArgumentArity.OneOrMore,
        };
        files.Validators.Add(CommonOptions.RefuseUnknownOptions);
        var sweep = new Option<string[]>("--sweep")
        {
            Description = "Run every value of a scenario path: path=from:to:step or path=a,b,c (repeatable; every combination is run)",
            HelpName = "path=from:to:step",
            DefaultValueFactory = _ => [],
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Batch directory: runlist.csv, runs/ (one part per finished run), batch.csv, run.json",
            HelpName = "DIR",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only shard K of N (runs i with i mod N = K-1), e.g. 2/3; combine the shards with 'bordersim merge' [default: all runs]",
            HelpName = "K/N",
        };
        RunSettingsOptions settings = RunSettingsOptions.Create();
        settings.Threads.Description = "Runs at once, each on one thread; results do not depend on it [default: all cores]";
        ReportOptions report = ReportOptions.Create();
        var command = new Command("batch", "Run many scenarios and parameter sweeps in parallel, resumably; write one combined batch.csv")
        {
            files, sweep, output, shard,
        };
        settings.AddTo(command);
        report.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (!settings.TryReadOverrides(parseResult, context, out IReadOnlyList<ScenarioOverride> sets))
            {
                return ExitCodes.InvalidInput;
            }

            return Execute(
                new BatchRequest(
                    parseResult.GetValue(files) ?? [],
                    parseResult.GetValue(sweep) ?? [],
                    sets,
                    parseResult.GetValue(output) ?? DefaultOutput,
                    settings.ReadRunOptions(parseResult),
                    parseResult.GetValue(shard))
                {
                    WriteReport = report.ReadWriteReport(parseResult),
                    Language = report.ReadLanguage(parseResult),
                },
                context);
        });
        return command;
    }

    public static int Execute(BatchRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        context = context with { Language = request.Language };
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;
        if (ReadOptions(request, context) is not { } options)
        {
            return ExitCodes.InvalidInput;
        }

        (List<Sweep> sweeps, Shard? shard, IReadOnlyList<string> files) = options;
        RunOptions runOptions = request.Options with { Threads = 1 };
        IReadOnlyList<PlannedRun> plan = BatchPlan.Build(files, sweeps, request.Sets, runOptions, StudyVersion.Current, context.CancellationToken);
        request = request with { Language = request.Language.WithLabelsOf(plan.DistinctBy(p => p.Entry.ScenarioFile).Select(p => p.Scenario).OfType<ScenarioSpec>()) };
        context = context with { Language = request.Language };
        var study = new BatchStudy(
            new BatchSettings(request.SweepTexts, request.Sets, request.OutputDirectory, request.Options, request.WriteReport, request.Language),
            plan, sweeps, files.Count, shard, context.ProvenanceFrom(startedUtc), new BatchProgress(context, plan.Count));
        if (VerbPipeline.WriteFolder(request.OutputDirectory, context, session => Write(study, session, context.CancellationToken)) is { } exit)
        {
            return exit;
        }

        return study.Report() switch
        {
            BatchOutcome.InvalidInput => ExitCodes.InvalidInput,
            BatchOutcome.RunFailed => ExitCodes.RunFailed,
            BatchOutcome.OutputNotWritten => ExitCodes.OutputNotWritten,
            _ => ExitCodes.Ok,
        };
    }

    /// <summary>The batch into <paramref name="session"/>: run list, runs, results, run.json; null when committed, else the exit code it ends with.</summary>
    private static int? Write(BatchStudy study, OutputSession session, CancellationToken cancellationToken)
    {
        try
        {
            study.WriteRunList(session);
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e))
        {
            return session.Failed(e, "the run list");
        }

        if (!study.RunPending(session, cancellationToken))
        {
            return ExitCodes.Interrupted;
        }

        try
        {
            study.WriteResults(session);
            session.Commit(outputs => study.Info(outputs).ToJson());
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e) || e is InvalidDataException)
        {
            return session.Failed(e);
        }

        return null;
    }

    /// <summary>The sweeps, the shard and the files; null (every mistake printed, exit 2) before anything runs when one is wrong.</summary>
    private static (List<Sweep> Sweeps, Shard? Shard, IReadOnlyList<string> Files)? ReadOptions(BatchRequest request, CliContext context)
    {
        // Mistakes in the options stop the batch before anything runs.
        var optionErrors = new List<string>();
        var sweeps = new List<Sweep>();
        foreach (string text in request.SweepTexts)
        {
            if (Sweep.TryParse(text, out Sweep? parsed, out string error))
            {
                if (sweeps.Any(s => s.Path == parsed!.Path))
                {
                    optionErrors.Add($"--sweep '{text}': {parsed!.Path} is swept twice; give all its values in one --sweep");
                }

                sweeps.Add(parsed!);
            }
            else
            {
                optionErrors.Add(error);
            }
        }

        Shard? shard = null;
        if (request.ShardText is { } shardText)
        {
            if (Shard.TryParse(shardText, out Shard parsedShard, out string error))
            {
                shard = parsedShard;
            }
            else
            {
                optionErrors.Add(error);
            }
        }

        IReadOnlyList<string> files = Globs.Expand(request.Patterns, optionErrors);
        if (optionErrors.Count == 0 && Sweep.TooManyRuns(sweeps, files.Count, BatchPlan.MaxRuns, "--sweep") is { } tooMany)
        {
            optionErrors.Add(tooMany);
        }

        if (optionErrors.Count > 0)
        {
            optionErrors.ForEach(context.Refuse);
            return null;
        }

        return (sweeps, shard, files);
    }
}
