namespace BorderSim.Scenarios;

/// <summary>
/// One problem in a scenario, where it is and what to do about it. <see cref="File"/> is the file name
/// as given, or <c>--set</c> for a command-line override (then <see cref="Line"/> is the override's
/// position among the <c>--set</c> options, 1 first, and <see cref="Column"/> the column inside it).
/// </summary>
/// <param name="File">The scenario file (or <c>--set</c>).</param>
/// <param name="Line">1-based line of the offending node.</param>
/// <param name="Column">1-based column of the offending node.</param>
/// <param name="Field">Path of the field, e.g. <c>directions.export.stages[1].check.servers</c>; empty for the whole file.</param>
/// <param name="Message">What was found and what was expected.</param>
/// <param name="Hint">How to fix it (a did-you-mean, an example), or null.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Field, string Message, string? Hint)
{
    /// <summary>A warning: worth reading, but the scenario runs (exit code unchanged).</summary>
    public bool IsWarning { get; init; }

    /// <summary>The message in Vietnamese where its source says it; null = translate <see cref="Message"/>.</summary>
    public string? VietnameseMessage { get; init; }

    /// <summary>The hint in Vietnamese where its source says it; null = translate <see cref="Hint"/>.</summary>
    public string? VietnameseHint { get; init; }

    /// <summary>The one format users see: <c>file:line:col: field: message (hint)</c>, with <c>warning: </c> before the field for a warning.</summary>
    public override string ToString()
    {
        var field = Field.Length == 0 ? "" : Field + ": ";
        var hint = Hint is null ? "" : $" ({Hint})";
        var severity = IsWarning ? "warning: " : "";
        return $"{File}:{Line}:{Column}: {severity}{field}{Message}{hint}";
    }
}

/// <summary>
/// A command-line override (<c>--set directions.export.arrivals.trucks_per_day=1500</c>): a dotted path
/// into the YAML tree (mapping keys; list items by index <c>stages.1</c> or by name <c>stages.vn_customs</c>)
/// and a YAML value (a scalar, or a flow collection such as <c>{ export: 3, import: 3 }</c>).
/// </summary>
public sealed record ScenarioOverride(string Path, string Value)
{
    public override string ToString() => $"{Path}={Value}";
}

/// <summary>
/// The outcome of reading a scenario: the validated spec (null when there is any error), every error
/// found, and the SHA-256 (lower-case hex) of the file text followed by the overrides, so a batch can
/// tell identical runs apart from different ones.
/// </summary>
public sealed record ScenarioLoadResult(BorderSim.Model.Spec.ScenarioSpec? Scenario, IReadOnlyList<ScenarioError> Errors, string ContentSha256)
{
    public bool IsValid => Scenario is not null && Errors.Count == 0;

    /// <summary>The closures, appointment periods, surges, suspensions, bans, advisories and changes as written, for <see cref="WarningsFor"/>.</summary>
    public IReadOnlyList<DatedEntry> DatedEntries { get; init; } = [];

    /// <summary>The CSV files of observations the scenario names; <see cref="ScenarioReader.Load"/> reads them into <see cref="BorderSim.Model.Spec.ScenarioSpec.Observations"/>, <see cref="ScenarioReader.Read"/> does not (no file access).</summary>
    public IReadOnlyList<ObservationFileReference> ObservationFiles { get; init; } = [];

    /// <summary>Arrivals that follow an observed daily series; <see cref="ScenarioReader.Load"/> reads them, <see cref="ScenarioReader.Read"/> leaves their rate at 0.</summary>
    internal IReadOnlyList<DailySeriesReference> DailySeries { get; init; } = [];

    /// <summary>Warnings for dated entries outside the run of <paramref name="effective"/> (the scenario as it will run, after --days), then those inside its warm-up.</summary>
    public IReadOnlyList<ScenarioError> WarningsFor(BorderSim.Model.Spec.ScenarioSpec effective) =>
        [.. DatedEntry.WarningsFor(DatedEntries, effective), .. WarmUpWarningsFor(effective)];

    /// <summary>Warnings for dated entries that start or end inside the warm-up of <paramref name="effective"/> (<see cref="WarmUpWarnings"/>).</summary>
    public IReadOnlyList<ScenarioError> WarmUpWarningsFor(BorderSim.Model.Spec.ScenarioSpec effective) => WarmUpWarnings.For(DatedEntries, effective);
}
