using BorderSim.Model.Calendars;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

/// <summary>
/// A daily allowance shared by several checks, compiled: its trucks a local day, the local days it counts in and the
/// checks it spans. Each spanned <see cref="CompiledStage"/> points to it; the replication keeps its count for the day.
/// </summary>
/// <param name="Name">Name from the scenario.</param>
/// <param name="Index">Position in <see cref="CrossingModel.SharedCaps"/>.</param>
/// <param name="TrucksPerDay">Trucks a local day over all spanned checks: fixed or drawn each day.</param>
/// <param name="Days">The local days it counts in (its zone's).</param>
/// <param name="Stages">The spanned checks, by name.</param>
public sealed record CompiledSharedCap(string Name, int Index, TrucksPerDayRange TrucksPerDay, LocalDays Days, IReadOnlyList<string> Stages)
{
    /// <summary>Trucks a day on average: the mean of a range drawn uniformly among whole numbers.</summary>
    public double MeanTrucksPerDay => (TrucksPerDay.Min + TrucksPerDay.Max) / 2.0;

    /// <summary>
    /// The scenario's shared caps compiled, in the order written (local days of each one's zone, else the scenario's).
    /// The reader has checked the names; a spec built in code that names no check, or a check twice, is a bug.
    /// </summary>
    public static CompiledSharedCap[] CompileAll(ScenarioSpec scenario, ScenarioClock clock)
    {
        var checks = scenario.Directions.SelectMany(d => d.Stages).OfType<CheckStageSpec>().Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var spanned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in scenario.SharedCaps.SelectMany(c => c.Stages))
        {
            if (!checks.Contains(stage) || !spanned.Add(stage))
            {
                throw new ArgumentException($"shared cap names '{stage}', which is not a check or is named twice", nameof(scenario));
            }
        }

        return [.. scenario.SharedCaps.Select((s, i) => new CompiledSharedCap(s.Name, i, s.TrucksPerDay, clock.LocalDays(s.TimeZone ?? scenario.TimeZone), s.Stages))];
    }

    /// <summary>The shared cap spanning the check named <paramref name="stage"/>, if any (a check is in at most one).</summary>
    public static CompiledSharedCap? Spanning(IReadOnlyList<CompiledSharedCap> caps, string stage)
    {
        foreach (var cap in caps)
        {
            if (cap.Stages.Contains(stage))
            {
                return cap;
            }
        }

        return null;
    }
}
