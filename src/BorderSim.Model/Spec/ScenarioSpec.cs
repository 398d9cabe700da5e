using NodaTime;

namespace BorderSim.Model.Spec;

/// <summary>
/// A whole scenario, validated: what a planner wrote in YAML, in the model's own types. Durations are
/// hours; distributions are of hours. The Scenarios project builds it; the model only reads it.
/// </summary>
/// <param name="Name">Short name shown in tables and plots.</param>
/// <param name="Description">Free text.</param>
/// <param name="Start">Local start of the run in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">The reporting zone: time series, days and plots are in it.</param>
/// <param name="Days">Length of the whole run in days, warm-up included.</param>
/// <param name="WarmUpHours">Hours discarded from statistics at the start; null = detect (MSER-5).</param>
/// <param name="Replications">Independent replications to run.</param>
/// <param name="Seed">Master seed of every random stream.</param>
/// <param name="TimeseriesStepMinutes">Sampling step of the time series (15 min unless the scenario sets <c>timeseries_step</c>).</param>
public sealed record ScenarioSpec(
    string Name,
    string Description,
    LocalDateTime Start,
    DateTimeZone TimeZone,
    int Days,
    double? WarmUpHours,
    int Replications,
    ulong Seed,
    double TimeseriesStepMinutes,
    IReadOnlyList<CalendarSpec> Calendars,
    IReadOnlyList<RoadSpec> Roads,
    IReadOnlyList<CargoClassSpec> Classes,
    IReadOnlyList<DirectionSpec> Directions,
    IReadOnlyList<ScheduledChangeSpec> Changes)
{
    /// <summary>
    /// The command-line overrides applied to the file (<c>path=value</c>, in order), so that tables and
    /// plots label what was run, not only what the file says. Empty for a scenario run as written.
    /// </summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>
    /// Whether the scenario sets <c>timeseries_step</c>: then the files get every sample at that step; else they
    /// get a step that fits the run's length (<see cref="Results.TimeSeriesOutput"/>).
    /// </summary>
    public bool IsTimeseriesStepSet { get; init; }

    /// <summary>Classes not admitted between dates, and what becomes of their trucks.</summary>
    public IReadOnlyList<BanSpec> Bans { get; init; } = [];

    /// <summary>Dated advisories: trucks already in line react; nothing closes.</summary>
    public IReadOnlyList<AdvisorySpec> Advisories { get; init; } = [];

    /// <summary>Daily allowances shared by several checks (what the other side accepts across gates in a day).</summary>
    public IReadOnlyList<SharedCapSpec> SharedCaps { get; init; } = [];

    /// <summary>Pools of units (hand-over drivers, automated vehicles) that stages' services also need.</summary>
    public IReadOnlyList<PoolSpec> Pools { get; init; } = [];

    /// <summary>What the crossing's resources cost (the optional <c>costs:</c> of the format); null = no costs given.</summary>
    public CostSpec? Costs { get; init; }
    /// <summary>Shared origin streams (a province's traffic) routed to the directions (routes) by class.</summary>
    public IReadOnlyList<OriginSpec> Origins { get; init; } = [];

    /// <summary>Observed figures the runs are compared with (the <c>observations:</c> CSV files, read at the edge).</summary>
    public IReadOnlyList<ObservationSpec> Observations { get; init; } = [];

    /// <summary>Settings a planner may choose, each with a short label per language (the <c>levers:</c> of the format).</summary>
    public IReadOnlyList<LeverSpec> Levers { get; init; } = [];

    /// <summary>
    /// The name, description and labels of parts in each report language (<c>name: { en, vi }</c>, <c>label:</c>);
    /// by default the name and description as given, in both languages, and no labels.
    /// </summary>
    public ScenarioWords Words
    {
        get => _words ?? ScenarioWords.Plain(Name, Description);
        init => _words = value;
    }

    private readonly ScenarioWords? _words;

    /// <summary>The name with the overrides, for titles: <c>Name [--set a=1, --set b=2]</c>.</summary>
    public string Label => Overrides.Count == 0 ? Name : $"{Name} [{string.Join(", ", Overrides.Select(o => "--set " + o))}]";

    /// <summary>Length of the run in hours, warm-up included.</summary>
    public double RunHours => Days * 24.0;

    /// <summary>The instant the run starts.</summary>
    public Instant StartInstant => Start.InZoneLeniently(TimeZone).ToInstant();
}
