using BorderSim.Model.Calendars;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

/// <summary>
/// At <see cref="AtHours"/> an event starts on direction <see cref="Direction"/> and a share <see cref="Leave"/> of
/// the trucks in line there react: those of <see cref="Origin"/> (−1: from wherever they came) and of the classes
/// marked in <see cref="Classes"/>; on a suspension a further share <see cref="Move"/> moves to another open route. <see cref="Kind"/> and <see cref="Index"/> name the event's own random stream.
/// </summary>
public sealed record CompiledWaitingReaction(string Kind, int Index, double AtHours, int Direction, int Origin, bool[] Classes, double Leave, double Move = 0)
{
    /// <summary>The reactions of the scenario's suspensions, bans and advisories with a waiting share above 0, in order of time (then of the scenario).</summary>
    public static CompiledWaitingReaction[] CompileAll(ScenarioSpec scenario, ScenarioClock clock, IReadOnlyList<string> classNames)
    {
        var directions = scenario.Directions.Select(d => d.Name).ToList();
        var reactions = new List<CompiledWaitingReaction>();
        var suspension = 0;
        for (var o = 0; o < scenario.Origins.Count; o++)
        {
            foreach (var s in scenario.Origins[o].Suspensions)
            {
                if (s.Waiting.Leave > 0 || s.Waiting.Move > 0)
                {
                    reactions.Add(new(WaitingReactions.SuspensionKind, suspension, clock.HoursAtStartOf(s.From, scenario.TimeZone), directions.IndexOf(s.Route), o,
                        [.. classNames.Select(_ => true)], s.Waiting.Leave, s.Waiting.Move));
                }

                suspension++;
            }
        }

        for (var b = 0; b < scenario.Bans.Count; b++)
        {
            var ban = scenario.Bans[b];
            if (ban.Waiting.Leave > 0)
            {
                reactions.Add(new(WaitingReactions.BanKind, b, clock.HoursAtStartOf(ban.From, scenario.TimeZone), directions.IndexOf(ban.Direction), -1,
                    [.. classNames.Select(c => ban.Classes.Contains(c))], ban.Waiting.Leave));
            }
        }

        for (var a = 0; a < scenario.Advisories.Count; a++)
        {
            var advisory = scenario.Advisories[a];
            if (advisory.Waiting.Leave > 0)
            {
                reactions.Add(new(WaitingReactions.AdvisoryKind, a, clock.HoursAtStartOf(advisory.From, scenario.TimeZone), directions.IndexOf(advisory.Direction), -1,
                    [.. classNames.Select(c => advisory.Classes.Count == 0 || advisory.Classes.Contains(c))], advisory.Waiting.Leave));
            }
        }

        return [.. reactions.OrderBy(r => r.AtHours)];
    }

    /// <summary>Whether the event may make <paramref name="truck"/> leave: of its direction, origin and class.</summary>
    internal bool Concerns(Truck truck) => truck.Direction == Direction && (Origin < 0 || truck.OriginIndex == Origin) && Classes[truck.CargoClass];
}
