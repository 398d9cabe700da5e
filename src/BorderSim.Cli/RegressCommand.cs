using System.CommandLine;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Scenarios;
using BorderSim.Studies;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim regress [FILES...]</c>: runs each scenario with its seed and <see cref="Regression.ReplicationsFor"/>
/// replications (at least 20) and checks every metric against its baseline DIR/&lt;stem&gt;.csv (<see cref="BaselineCsv"/>:
/// each replication's value), pairing replication i with replication i (common random numbers): paired t-test per
/// metric, Holm over the metrics at a family false-alarm rate of 5% (<see cref="Regression"/>). Exit 1 if anything
/// moved, so a CI build fails; exit 2 for a baseline that is damaged, made with another seed or replication count,
/// or lacks a metric the run produces. <c>--update</c> rewrites the baselines; <c>--exact</c> also demands that every
/// replication's value is bit-identical.
/// </summary>
public static class RegressCommand
{
    public const string DefaultBaselines = RegressStudy.DefaultBaselines;
    public const string DefaultScenarios = "scenarios/*.yaml";
    public const string FindingsFileName = "regression.csv";

    public sealed record RegressRequest(IReadOnlyList<string> Files, string BaselineDirectory, bool Update, bool Exact, string? OutputDirectory, int? Threads)
    {
        /// <summary>--set overrides applied to every scenario before it runs (to try a change against the baselines).</summary>
        public IReadOnlyList<ScenarioOverride> Overrides { get; init; } = [];

        /// <summary>--max-work: a scenario whose run (at regress's replications) is estimated above it is refused before it runs.</summary>
        public double MaxWorkTruckStages { get; init; } = RunOptions.DefaultMaxWorkTruckStages;
    }

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = $"Scenario files or patterns [default: {DefaultScenarios}, relative to the current directory]",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var baselines = new Option<string>("--baselines")
        {
            Description = "Directory of the baselines, one <scenario file stem>.csv per scenario",
            HelpName = "DIR",
            DefaultValueFactory = _ => DefaultBaselines,
        };
        var update = new Option<bool>("--update") { Description = "Run the scenarios and write their baselines instead of checking them" };
        var exact = new Option<bool>("--exact") { Description = "Also fail on any change of any replication's value, however small (same seed and version must reproduce bit for bit)" };
        var set = RunSettingsOptions.CreateSet();
        set.Description = "Override a scenario value before checking it, e.g. --set directions.export.stages.vn_customs.servers=3 (repeatable; not with --update)";
        var output = new Option<string?>("--output", "-o")
        {
            Description = $"Directory for {FindingsFileName} (every metric checked) and run.json [default: none]",
            HelpName = "DIR",
        };
        var threads = CommonOptions.WholeNumber("--threads", null, 1);
        threads.Description = "Replications run at once; results do not depend on it [default: all cores]";
        threads.HelpName = "N";
        var maxWork = CommonOptions.CreateMaxWork();
        Option<string> language = ReportOptions.CreateLanguage("Language of what is printed (verdicts, tables, progress, errors): en (English) or vi (tiếng Việt); regression.csv and the baselines are the same in both");
        var command = new Command("regress", "Check scenarios against stored baselines (paired t-test on common random numbers, Holm); exit 1 if a metric moved")
        {
            files, baselines, update, exact, set, output, threads, maxWork, language,
        };
        command.SetAction(parseResult =>
        {
            CliContext said = context with { Language = ReportLanguage.FromCode(parseResult.GetValue(language)) };
            var errors = new List<ScenarioError>();
            IReadOnlyList<ScenarioOverride> overrides = RunSettingsOptions.ReadOverrides(parseResult, set, errors);
            if (errors.Count > 0)
            {
                ScenarioInput.PrintErrors(errors, said);
                return ExitCodes.InvalidInput;
            }

            return Execute(
                new RegressRequest(
                    parseResult.GetValue(files) is { Length: > 0 } given ? given : [DefaultScenarios],
                    parseResult.GetValue(baselines) ?? DefaultBaselines,
                    parseResult.GetValue(update),
                    parseResult.GetValue(exact),
                    parseResult.GetValue(output),
                    parseResult.GetValue(threads))
                { Overrides = overrides, MaxWorkTruckStages = parseResult.GetValue(maxWork) },
                said);
        });
        return command;
    }

    /// <summary>The release that wrote a baseline, without the commit (<see cref="RegressStudy.BaselineVersion"/>).</summary>
    public static string BaselineVersion => RegressStudy.BaselineVersion;

    public static string BaselinePath(string baselineDirectory, string scenarioFile) => RegressStudy.BaselinePath(baselineDirectory, scenarioFile);

    public static int Execute(RegressRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;
        if (Files(request, context) is not { } files)
        {
            return ExitCodes.InvalidInput;
        }

        using OutputSession? session = request.OutputDirectory is { } outputDirectory ? OutputSession.Open(outputDirectory, context) : null;
        if (request.OutputDirectory is not null && session is null)
        {
            return ExitCodes.OutputNotWritten;
        }

        if (request.Update && !OutputDirectory.TryPrepare(request.BaselineDirectory, context))
        {
            return ExitCodes.OutputNotWritten;
        }

        var study = new RegressStudy(
            new RegressSettings(request.BaselineDirectory, request.Update, request.Exact, request.Threads, request.MaxWorkTruckStages, request.Overrides) { Language = context.Language },
            new RegressConsole(context));
        foreach (string file in files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            study.Regress(file, ScenarioInput.LoadAndReport(file, request.Overrides, context));
        }

        RegressTally tally = study.Tally;
        if (session is not null)
        {
            try
            {
                Commit(session, request, study, context, startedUtc);
            }
            catch (Exception e) when (OutputSession.IsWriteFailure(e))
            {
                session.Failed(e);
                tally.CannotWrite = true;
            }
        }

        return tally.Invalid > 0 || tally.MissingBaselines > 0 ? ExitCodes.InvalidInput
            : tally.CannotWrite ? ExitCodes.OutputNotWritten
            : tally.Regressed > 0 ? ExitCodes.RegressionFailed
            : ExitCodes.Ok;
    }

    /// <summary>The scenario files the patterns give; null (errors printed, exit 2) when a pattern or option is wrong.</summary>
    private static IReadOnlyList<string>? Files(RegressRequest request, CliContext context)
    {
        var errors = new List<string>();
        IReadOnlyList<string> files = Globs.Expand(request.Files, errors);
        if (errors.Count > 0)
        {
            errors.ForEach(context.Refuse);
            if (request.Files.SequenceEqual([DefaultScenarios]))
            {
                context.Error.WriteLine(context.Language.Say("(run regress from the project folder, or give the scenario files)", "(hãy chạy regress từ thư mục dự án, hoặc cho biết các tệp kịch bản)"));
            }

            return null;
        }

        if (request.Update && request.Overrides.Count > 0)
        {
            context.Error.WriteLine(context.Language.Say(
                "regress: --set cannot be used with --update (a baseline stores the scenario file as it is; edit the file instead)",
                "regress: không dùng được --set cùng --update (mốc so sánh lưu tệp kịch bản như nó đang có; hãy sửa tệp)"));
            return null;
        }

        return files;
    }

    /// <summary>regression.csv (unless updating) and run.json into the -o folder.</summary>
    private static void Commit(OutputSession session, RegressRequest request, RegressStudy study, CliContext context, DateTimeOffset startedUtc)
    {
        if (!request.Update)
        {
            session.WriteText(FindingsFileName, w => RegressionTable.WriteCsv(study.Tally.Findings, w));
        }

        session.Commit(outputs => context.ProvenanceFrom(startedUtc).Info("regress", study.InfoSettings(), study.Tally.Infos, outputs).ToJson());
    }

    /// <summary>The study's lines to stdout and stderr; a scenario run with progress and its horizon notice.</summary>
    private sealed class RegressConsole(CliContext context) : IRegressConsole
    {
        public void Say(string text) => context.Out.Write(text);

        public void Warn(string line) => context.Error.WriteLine(line);

        public ExperimentResult Run(string file, ScenarioSpec scenario, RunOptions options)
        {
            int replications = options.Replications ?? scenario.Replications;
            var progress = new ReplicationProgress(context, replications);
            context.Diagnostic(context.Language.Say(
                $"{file}: {replications} replications of {scenario.Days} days, seed {scenario.Seed}",
                $"{file}: {replications} {context.Language.Say(Glossary.Replications)}, mỗi lần {scenario.Days} ngày, hạt giống ngẫu nhiên {scenario.Seed}"));
            HorizonNotice.Print(file, scenario, context);
            try
            {
                ExperimentResult result = ExperimentRunner.Run(scenario, options, null, progress, context.CancellationToken);
                progress.Finish();
                return result;
            }
            catch (ArgumentException)
            {
                progress.Finish();
                throw;
            }
        }
    }
}
