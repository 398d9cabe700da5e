using System.Text.Json.Serialization;
using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>One stage of the capacity check in run.json (trucks a day averaged over the run; ratio null when the capacity is 0).</summary>
public sealed record StageLoadInfo(
    [property: JsonPropertyName("direction")] string Direction,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("demand_trucks_per_day")] double DemandTrucksPerDay,
    [property: JsonPropertyName("capacity_trucks_per_day")] double CapacityTrucksPerDay,
    [property: JsonPropertyName("demand_over_capacity")] double? Ratio,
    [property: JsonPropertyName("overloaded")] bool IsOverloaded)
{
    public static StageLoadInfo From(StageLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        return new(load.Direction, load.Stage, load.DemandTrucksPerDay, load.CapacityTrucksPerDay, double.IsFinite(load.Ratio) ? load.Ratio : null, load.IsOverloaded);
    }
}

/// <summary>One direction's verdict in run.json: overloaded or not, why, the backlog growth and its 95% half-width (null when not measured), the binding stage with its busy and held-back (by a cap or quota) shares of its open server-hours.</summary>
public sealed record DirectionLoadInfo(
    [property: JsonPropertyName("direction")] string Direction,
    [property: JsonPropertyName("overloaded")] bool IsOverloaded,
    [property: JsonPropertyName("backlog_growth_trucks_per_day")] double? GrowthTrucksPerDay,
    [property: JsonPropertyName("backlog_growth_ci95_half_width")] double? GrowthHalfWidth95,
    [property: JsonPropertyName("binding_stage")] string BindingStage,
    [property: JsonPropertyName("binding_busy_of_open")] double? BindingBusyOfOpen,
    [property: JsonPropertyName("binding_held_back_of_open")] double? BindingHeldBackOfOpen,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note)
{
    public const string OverloadNote = "overloaded: the backlog grows (without bound, or still when the run ends), so this direction's means (waits, queues, time in system) depend on the run's length; they are not a steady result";

    public static DirectionLoadInfo From(DirectionLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        static double? Finite(double value) => double.IsFinite(value) ? value : null;
        return new(load.Direction, load.IsOverloaded, Finite(load.GrowthTrucksPerDay), Finite(load.GrowthHalfWidth95), load.BindingStage, Finite(load.BindingBusyOfOpen), Finite(load.BindingHeldBackOfOpen), load.Reasons, load.IsOverloaded ? OverloadNote : null);
    }
}
