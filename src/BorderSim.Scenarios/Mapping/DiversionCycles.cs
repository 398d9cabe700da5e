using BorderSim.Model.Spec;
using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Bans that divert into each other (route a diverts class c to b while b diverts c to a, or a longer ring) on a
/// common day would send the drivers round for ever, or swap the two routes' traffic instead of stopping it: such a
/// ring is an error at the <c>to_route</c> of the ban that closes it, naming the others.
/// </summary>
internal static class DiversionCycles
{
    /// <summary>A ban that diverts, with where its <c>to_route</c> is written.</summary>
    public sealed record Diversion(BanSpec Ban, YNode ToRoute, string Field);

    public static void Check(IReadOnlyList<Diversion> diversions, Fields f)
    {
        var reported = new HashSet<Diversion>();
        foreach (var start in diversions)
        {
            foreach (var cargoClass in start.Ban.Classes)
            {
                if (Ring(start, cargoClass, diversions, [start], start.Ban.From, start.Ban.To) is { } ring && ring.All(reported.Add))
                {
                    var closing = ring[^1];
                    var route = string.Join(" -> ", ring.Select(d => d.Ban.Direction).Append(ring[0].Ban.Direction));
                    var others = string.Join(", ", ring.Take(ring.Count - 1).Select(d => $"{d.Field} (line {d.ToRoute.Line})"));
                    f.Error(closing.ToRoute, closing.Field, $"class '{cargoClass}' is diverted round a ring of bans in force on the same days: {route}, with {others}",
                        "a diverted truck must reach a route that admits it: divert one of them elsewhere, turn the trucks away or hold them");
                }
            }
        }
    }

    /// <summary>A ring back to <paramref name="path"/>[0] through bans of the class in force on a common day, or null.</summary>
    private static List<Diversion>? Ring(Diversion last, string cargoClass, IReadOnlyList<Diversion> diversions, List<Diversion> path, LocalDate from, LocalDate? to)
    {
        foreach (var next in diversions.Where(d => d.Ban.Direction == last.Ban.DivertTo && d.Ban.Classes.Contains(cargoClass)))
        {
            var commonFrom = LocalDate.Max(from, next.Ban.From);
            LocalDate? commonTo = to is null ? next.Ban.To : next.Ban.To is null ? to : LocalDate.Min(to.Value, next.Ban.To.Value);
            if (commonTo is { } end && end < commonFrom)
            {
                continue;
            }

            if (next == path[0])
            {
                return path;
            }

            if (path.Contains(next))
            {
                continue;
            }

            path.Add(next);
            if (Ring(next, cargoClass, diversions, path, commonFrom, commonTo) is { } ring)
            {
                return ring;
            }

            path.RemoveAt(path.Count - 1);
        }

        return null;
    }
}
