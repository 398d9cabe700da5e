namespace BorderSim.Model.Results;

/// <summary>What a metric is broken down by: the parts of its id that may name a direction, a class or a stage.</summary>
[Flags]
public enum MetricScope
{
    /// <summary>One value for the whole run.</summary>
    Run = 0,

    /// <summary>Per direction (or "all").</summary>
    Direction = 1,

    /// <summary>Per cargo class (or "all").</summary>
    Class = 2,

    /// <summary>Per stage of a direction.</summary>
    Stage = 4,

    /// <summary>Per pool (hand-over drivers, automated vehicles): the pool's name is in the stage part of the id.</summary>
    Pool = 8,

    /// <summary>Per shared origin stream: the origin's name is in the stage part of the id.</summary>
    Origin = 16,
}

/// <summary>
/// One metric the model writes: its name (the first part of its id), unit and scope, what a planner reads for it
/// in English and Vietnamese (<see cref="Label"/>: what it measures, without scope or unit), the report section it
/// belongs to, and, for a headline metric, its place among the headlines.
/// </summary>
public sealed record MetricDefinition(string Name, MetricUnit Unit, MetricScope Scope, Bilingual Label, MetricSection Section)
{
    /// <summary>Where the metric stands among the headline metrics of a comparison; null when it is not one.</summary>
    public MetricHeadline? Headline { get; init; }

    /// <summary>The key of this metric for a direction, class and stage ("" where it does not apply).</summary>
    public MetricKey Key(string direction = "", string cargoClass = "", string stage = "") => new(Name, Unit.Id, direction, cargoClass, stage);
}

/// <summary>Which of a headline metric's breakdowns a comparison shows.</summary>
public enum MetricBreakdown
{
    /// <summary>One per direction, every class together (served per day of exports; highway queue of imports).</summary>
    PerDirection,

    /// <summary>One per cargo class, both directions together (wait of fruit).</summary>
    PerClass,

    /// <summary>One for every direction and class together (cost of delay).</summary>
    Total,
}

/// <summary>
/// A headline metric: <see cref="Rank"/> orders the headlines (metrics of one rank are read together, class by
/// class: mean and p95 wait of fruit, then of general); <see cref="ShortLabel"/> is the label of a narrow table.
/// </summary>
public sealed record MetricHeadline(int Rank, MetricBreakdown Breakdown, Bilingual ShortLabel)
{
    private const string All = "all";

    /// <summary>Whether <paramref name="key"/> is the breakdown of the metric a comparison shows.</summary>
    public bool Shows(MetricKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var everyClass = key.CargoClass.Length == 0 || key.CargoClass == All;
        return Breakdown switch
        {
            MetricBreakdown.PerDirection => key.Direction.Length > 0 && key.Direction != All && everyClass,
            MetricBreakdown.PerClass => key.Direction == All,
            MetricBreakdown.Total => key.Direction == All && everyClass,
            _ => false,
        };
    }
}
