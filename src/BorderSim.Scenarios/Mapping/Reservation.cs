using BorderSim.Model.Spec;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads reserved capacity, <c>reserved: { fruit: 2 }</c>: booths or lanes kept for a class, in the order
/// written; <c>{}</c> = none. The sum must fit the servers it is checked against.
/// </summary>
internal static class Reservation
{
    public const string Hint = "write e.g. reserved: { fruit: 2 } (two booths kept for fruit), or {} for none";

    /// <summary>
    /// The reservation, or null after an error. Class names are checked now when <paramref name="classesKnown"/>
    /// (in changes), else later with the other class references.
    /// </summary>
    public static IReadOnlyList<ReservedServers>? Read(Fields f, Names names, YNode node, string field, bool classesKnown)
    {
        var map = f.Map(node, field, Hint);
        if (map is null)
        {
            return null;
        }

        var reserved = new List<ReservedServers>();
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            var entryField = Fields.Join(field, key.Value);
            if (classesKnown)
            {
                ok &= f.Reference(key, entryField, key.Value, "class", names.Classes);
            }
            else
            {
                names.ClassReferences.Add((key, entryField, key.Value));
            }

            if (f.Int(value, entryField, 0, "the booths or lanes kept for a class: 0 (none) or more, at most the stage has") is { } servers)
            {
                reserved.Add(new ReservedServers(key.Value, servers));
            }
            else
            {
                ok = false;
            }
        }

        return ok ? reserved : null;
    }

    /// <summary>
    /// Reports a reservation that does not fit <paramref name="servers"/> (a class's own count, then the sum); true
    /// when it fits. <paramref name="what"/> says what the servers are, e.g. "check 'cn_clearance' has 4 booths".
    /// </summary>
    public static bool CheckFits(Fields f, YNode node, string field, IReadOnlyList<ReservedServers> reserved, int servers, string what)
    {
        if (node is not YMap map)
        {
            return true;
        }

        foreach (var (key, value) in map.Entries)
        {
            var kept = reserved.FirstOrDefault(r => r.CargoClass == key.Value);
            if (kept is not null && kept.Servers > servers)
            {
                f.Error(value, Fields.Join(field, key.Value), $"{kept.Servers} kept for '{kept.CargoClass}' but {what}",
                    "keep at most as many as there are; a class also takes the unreserved ones when its own are busy");
                return false;
            }
        }

        var sum = reserved.Sum(r => r.Servers);
        if (sum > servers)
        {
            f.Error(map, field, $"{sum} kept in all ({string.Join(" + ", reserved.Select(r => r.Servers))}) but {what}",
                "the reservations together must fit the servers; the rest are shared");
            return false;
        }

        return true;
    }

    /// <summary><c>reserved_only: true</c>: a class with servers kept for it uses only those.</summary>
    public static bool? ReadOnlyFlag(Fields f, YNode node, string field)
    {
        var text = f.Scalar(node, field, "true or false", "reserved_only: true keeps each reserved class to its own servers");
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                f.Error(node, field, $"expected true or false, found '{text}'", "reserved_only: true keeps each reserved class to its own servers");
                return null;
        }
    }
}
