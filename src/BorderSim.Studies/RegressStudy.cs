using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>How a regress study is run: where the baselines are, whether it writes them, how strictly it judges.</summary>
/// <param name="BaselineDirectory">Directory of the baselines, one &lt;scenario file stem&gt;.csv per scenario.</param>
/// <param name="Update">Write the baselines instead of checking them.</param>
/// <param name="Exact">Also demand that every replication's value is bit-identical.</param>
/// <param name="Threads">Replications run at once (null: all cores).</param>
/// <param name="MaxWorkTruckStages">A scenario whose run is estimated above it is refused before it runs.</param>
/// <param name="Overrides">--set values applied to every scenario before it runs.</param>
public sealed record RegressSettings(string BaselineDirectory, bool Update, bool Exact, int? Threads, double MaxWorkTruckStages, IReadOnlyList<ScenarioOverride> Overrides)
{
    /// <summary>The language of the verdicts and tables the study says (<c>--lang</c>); the files are the same in both.</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.English;
}

/// <summary>What a regress study says and how it runs a scenario: the command line prints and shows progress, a test collects.</summary>
public interface IRegressConsole
{
    /// <summary>Text for the standard output (each line ends in "\n").</summary>
    void Say(string text);

    /// <summary>One line for the error output.</summary>
    void Warn(string line);

    /// <summary>
    /// Runs <paramref name="scenario"/> of <paramref name="file"/> with <paramref name="options"/>; an
    /// <see cref="ArgumentException"/> means its settings do not fit (the study says so and counts it invalid).
    /// </summary>
    ExperimentResult Run(string file, ScenarioSpec scenario, RunOptions options);
}

/// <summary>
/// A regress study: each scenario run with its seed and <see cref="Regression.ReplicationsFor"/> replications (at least
/// 20) and every metric checked against its baseline (<see cref="BaselineCsv"/>: each replication's value), replication
/// i paired with replication i (common random numbers): paired t-test per metric, Holm over the metrics at a family
/// false-alarm rate of 5% (<see cref="Regression"/>). With <see cref="RegressSettings.Update"/> it writes the baselines.
/// What it finds is kept in <see cref="Tally"/>.
/// </summary>
public sealed class RegressStudy
{
    public const string DefaultBaselines = "scenarios/baselines";

    private readonly RegressSettings _settings;
    private readonly IRegressConsole _console;

    public RegressStudy(RegressSettings settings, IRegressConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        _settings = settings;
        _console = console;
        Tally = new RegressTally([.. settings.Overrides.Select(o => o.ToString())]);
    }

    /// <summary>What the study has found so far over its files.</summary>
    public RegressTally Tally { get; }

    /// <summary>
    /// The release that wrote a baseline, without the commit (0.1.0, not 0.1.0+f74b1cf…): regenerating a baseline whose
    /// numbers did not move then leaves the file as it was, and two branches that regenerate do not conflict on it.
    /// </summary>
    public static string BaselineVersion => StudyVersion.Current.Split('+')[0];

    public static string BaselinePath(string baselineDirectory, string scenarioFile) =>
        Path.Combine(baselineDirectory, Path.GetFileNameWithoutExtension(scenarioFile) + ".csv");

    /// <summary>
    /// One scenario as loaded (its errors already said when it is invalid): its baseline read (unless updating), run,
    /// then judged or written as the new baseline.
    /// </summary>
    public void Regress(string file, ScenarioLoadResult loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (!loaded.IsValid)
        {
            Tally.Invalid++;
            Tally.NotRun(file, loaded, "", "invalid");
            return;
        }

        string baselinePath = BaselinePath(_settings.BaselineDirectory, file);
        int replications = Regression.ReplicationsFor(loaded.Scenario!.Replications);
        try
        {
            // As run and batch do, before anything is read or run; at the replications regress runs, not the file's.
            WorkEstimate.Check(loaded.Scenario with { Replications = replications }, _settings.MaxWorkTruckStages);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Tally.Invalid++;
            _console.Warn($"{file}: {StudyMessages.UserMessage(e)} ({replications} replications: regress runs the scenario's, at least {Regression.MinimumReplications})");
            Tally.NotRun(file, loaded, loaded.Scenario.Name, "invalid");
            return;
        }

        Baseline? baseline = _settings.Update ? null : ReadBaseline(file, loaded, replications, baselinePath);
        if (!_settings.Update && baseline is null)
        {
            return;
        }

        if (RunScenario(file, loaded, replications) is { } result)
        {
            Judge(new RegressedFile(file, loaded, baselinePath, replications, baseline), result);
        }
    }

    /// <summary>run.json's settings of the study.</summary>
    public Dictionary<string, string> InfoSettings() => new()
    {
        ["baselines"] = _settings.BaselineDirectory,
        ["update"] = _settings.Update ? "true" : "false",
        ["exact"] = _settings.Exact ? "true" : "false",
        ["threads"] = (_settings.Threads ?? Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
        ["family_alpha"] = CsvNumbers.Format(Regression.FamilyAlpha),
        ["test"] = "paired t-test per metric on common random numbers, Holm over the metrics",
    };

    /// <summary>The baseline of <paramref name="file"/>, checked against how it runs now; null (said, counted) when missing or unusable.</summary>
    private Baseline? ReadBaseline(string file, ScenarioLoadResult loaded, int replications, string baselinePath)
    {
        ScenarioSpec scenario = loaded.Scenario!;
        if (!File.Exists(baselinePath))
        {
            Tally.MissingBaselines++;
            _console.Warn(_settings.Language.Say(
                $"{file}: no baseline {baselinePath}; create it with: bordersim regress --update {file}{BaselinesOption()}",
                $"{file}: không có mốc so sánh {baselinePath}; tạo bằng lệnh: bordersim regress --update {file}{BaselinesOption()}"));
            Tally.NotRun(file, loaded, scenario.Name, "no-baseline");
            return null;
        }

        string text;
        try
        {
            text = InputFile.ReadText(baselinePath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            BadBaseline(file, loaded, $"{baselinePath}: cannot be read as a baseline: {StudyMessages.FirstLine(e.Message)}");
            return null;
        }

        Baseline baseline;
        try
        {
            baseline = BaselineCsv.Read(new StringReader(text), baselinePath);
        }
        catch (InvalidDataException e)
        {
            BadBaseline(file, loaded, $"{StudyMessages.FirstLine(e.Message)}; {Regenerate(file)}");
            return null;
        }

        if (baseline.Seed != scenario.Seed || baseline.Replications != replications)
        {
            BadBaseline(file, loaded, $"{baselinePath}:1: made with seed {baseline.Seed} and {baseline.Replications} replications, but {file} now runs seed {scenario.Seed} "
                + $"with {replications} replications (regress runs the scenario's replications, at least {Regression.MinimumReplications}), so its replications cannot be paired; "
                + Regenerate(file));
            return null;
        }

        return baseline;
    }

    /// <summary>The scenario run at regress's replications; null (said, counted) when its settings do not fit.</summary>
    private ExperimentResult? RunScenario(string file, ScenarioLoadResult loaded, int replications)
    {
        ScenarioSpec scenario = loaded.Scenario!;
        try
        {
            return _console.Run(file, scenario, new RunOptions(Replications: replications, Threads: _settings.Threads, MaxWorkTruckStages: _settings.MaxWorkTruckStages));
        }
        catch (ArgumentException e)
        {
            Tally.Invalid++;
            _console.Warn($"{file}: {StudyMessages.UserMessage(e)}");
            Tally.NotRun(file, loaded, scenario.Name, "invalid");
            return null;
        }
    }

    /// <summary>Writes the new baseline (update) or checks the run against the baseline, says the outcome and lists the scenario for run.json.</summary>
    private void Judge(RegressedFile regressed, ExperimentResult result)
    {
        (string file, ScenarioLoadResult loaded, string baselinePath, int replications, Baseline? baseline) = regressed;
        IReadOnlyList<ReplicationValues> values = Regression.ValuesOf(result);
        string status;
        if (_settings.Update)
        {
            status = WriteBaseline(file, result, values, baselinePath);
        }
        else if (Regression.NotInBaseline(baseline!, values) is { Count: > 0 } unknown)
        {
            BadBaseline(file, loaded, $"{baselinePath}: no row for {unknown.Count} metric(s) the run produces ({string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? ", ..." : "")}); "
                + $"if the model now reports them on purpose, accept them with: bordersim regress --update {file}{BaselinesOption()}");
            return;
        }
        else
        {
            status = Check(file, baseline!, values, baselinePath, replications);
        }

        Tally.Infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, result.Scenario.Name, Tally.OverrideTexts, result.Scenario.Seed, result.Replications.Count,
            result.Scenario.Days, result.WarmUpHours, result.WarmUpMethod, status)
        { HorizonCuts = HorizonCutInfo.Of(result.HorizonCuts) });
    }

    /// <summary>The run's values checked against the baseline: "ok", or "regressed" with the table of what moved.</summary>
    private string Check(string file, Baseline baseline, IReadOnlyList<ReplicationValues> values, string baselinePath, int replications)
    {
        IReadOnlyList<RegressionFinding> findings = Regression.Check(baseline, values, _settings.Exact);
        Tally.Findings.AddRange(findings.Select(f => (file, f)));
        List<RegressionFinding> moved = [.. findings.Where(f => f.IsRegression)];
        if (moved.Count == 0)
        {
            _console.Say(_settings.Language.Say(
                $"{file}: ok ({findings.Count} metrics consistent with {baselinePath} over {replications} paired replications{(_settings.Exact ? ", every value bit-identical" : "")})\n",
                $"{file}: đạt ({findings.Count} chỉ tiêu khớp với {baselinePath} qua {replications} cặp lần lặp{(_settings.Exact ? ", mọi giá trị giống hệt từng bit" : "")})\n"));
            return "ok";
        }

        Tally.Regressed++;
        using var table = new StringWriter();
        table.Write(_settings.Language.Say(
            $"{file}: {moved.Count} of {findings.Count} metrics moved from {baselinePath}\n",
            $"{file}: {moved.Count} trên {findings.Count} chỉ tiêu đã lệch khỏi {baselinePath}\n"));
        RegressionTable.Write(moved, table, _settings.Language);
        _console.Say(table.ToString());
        return "regressed";
    }

    /// <summary>Writes <paramref name="baselinePath"/> from the run; "updated", or "not-written" (said) when it cannot be written.</summary>
    private string WriteBaseline(string file, ExperimentResult result, IReadOnlyList<ReplicationValues> values, string baselinePath)
    {
        try
        {
            BaselineCsv.WriteFile(new Baseline(result.Scenario.Seed, result.Replications.Count, BaselineVersion, values), baselinePath);
            _console.Say(_settings.Language.Say(
                $"{file}: baseline written to {baselinePath} ({values.Count} metrics, {result.Replications.Count} replications, seed {result.Scenario.Seed})\n",
                $"{file}: đã ghi mốc so sánh vào {baselinePath} ({values.Count} chỉ tiêu, {result.Replications.Count} lần lặp, hạt giống ngẫu nhiên {result.Scenario.Seed})\n"));
            return "updated";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Tally.CannotWrite = true;
            _console.Warn($"cannot write {baselinePath}: {StudyMessages.FirstLine(e.Message)}");
            return "not-written";
        }
    }

    /// <summary>A baseline that cannot be used: said, counted invalid, listed.</summary>
    private void BadBaseline(string file, ScenarioLoadResult loaded, string message)
    {
        Tally.Invalid++;
        _console.Warn(message);
        Tally.NotRun(file, loaded, loaded.Scenario!.Name, "bad-baseline");
    }

    private string Regenerate(string file) =>
        $"if the change is intended, regenerate it with: bordersim regress --update {file}{BaselinesOption()}";

    private string BaselinesOption() =>
        _settings.BaselineDirectory == DefaultBaselines ? "" : $" --baselines {_settings.BaselineDirectory}";

    /// <summary>A scenario regress has run: its file, as loaded, its baseline's path and (unless updating) the baseline read.</summary>
    private sealed record RegressedFile(string File, ScenarioLoadResult Loaded, string BaselinePath, int Replications, Baseline? Baseline);
}

/// <summary>What regress has found so far over its files: the counts behind its exit code, run.json's scenarios and regression.csv's rows.</summary>
public sealed class RegressTally(string[] overrideTexts)
{
    public string[] OverrideTexts => overrideTexts;

    /// <summary>Scenarios, baselines or settings that could not be used (exit 2).</summary>
    public int Invalid { get; set; }

    /// <summary>Scenarios with a metric that moved (exit 1).</summary>
    public int Regressed { get; set; }

    /// <summary>Scenarios without a baseline (exit 2).</summary>
    public int MissingBaselines { get; set; }

    /// <summary>A baseline or the output folder could not be written (exit 4).</summary>
    public bool CannotWrite { get; set; }

    public List<ScenarioRunInfo> Infos { get; } = [];

    public List<(string File, RegressionFinding Finding)> Findings { get; } = [];

    /// <summary>Lists a scenario that did not run, with why (<paramref name="status"/>).</summary>
    public void NotRun(string file, ScenarioLoadResult loaded, string name, string status)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        Infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, name, overrideTexts, null, null, null, null, null, status));
    }
}
