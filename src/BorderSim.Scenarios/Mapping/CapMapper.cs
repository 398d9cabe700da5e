using System.Globalization;
using System.Text.RegularExpressions;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads a clearance cap, <c>cap_per_day</c>: a number (<c>300</c>), a range drawn each local day
/// (<c>200-400</c>), per class with an optional total (<c>{ all: 300, fruit: 100 }</c>), or <c>none</c>
/// (in a change: lift the cap). Zero is allowed: nothing is accepted that day.
/// </summary>
internal sealed partial class CapMapper(Fields f, Names names)
{
    /// <summary>The most a cap may say a day: far beyond any crossing.</summary>
    public const int MaxTrucksPerDay = 1_000_000;

    private const string Hint = "write e.g. cap_per_day: 300, cap_per_day: 200-400 (drawn each day) or cap_per_day: { all: 300, fruit: 100 }";

    public ClearanceCapSpec? Read(YNode node, string field, bool allowNone)
    {
        if (node is YScalar { Value: "none" })
        {
            if (!allowNone)
            {
                f.Error(node, field, "'none' lifts a cap in a change; here leave cap_per_day out for no cap", Hint);
                return null;
            }

            return ClearanceCapSpec.None;
        }

        if (node is YMap map)
        {
            if (map.Entries.Count == 0)
            {
                f.Error(map, field, "no cap is given", Hint);
                return null;
            }

            TrucksPerDayRange? total = null;
            var byClass = new Dictionary<string, TrucksPerDayRange>(StringComparer.Ordinal);
            var ok = true;
            foreach (var (key, value) in map.Entries)
            {
                var entryField = Fields.Join(field, key.Value);
                if (key.Value != "all")
                {
                    names.ClassReferences.Add((key, entryField, key.Value));
                }

                if (Amount(value, entryField) is not { } amount)
                {
                    ok = false;
                }
                else if (key.Value == "all")
                {
                    total = amount;
                }
                else
                {
                    byClass[key.Value] = amount;
                }
            }

            return ok ? new ClearanceCapSpec(total, byClass) : null;
        }

        return Amount(node, field) is { } single ? new ClearanceCapSpec(single, new Dictionary<string, TrucksPerDayRange>()) : null;
    }

    /// <summary>Caps per direction, <c>{ export: 300, import: 500 }</c> (a road's).</summary>
    public Dictionary<string, ClearanceCapSpec>? ReadByDirection(YNode node, string field, bool allowNone)
    {
        var map = f.Map(node, field, "write e.g. { export: 300, import: 500 }");
        if (map is null)
        {
            return null;
        }

        var caps = new Dictionary<string, ClearanceCapSpec>(StringComparer.Ordinal);
        var ok = map.Entries.Count > 0;
        if (!ok)
        {
            f.Error(map, field, "no direction is given", "write e.g. { export: 300, import: 500 }");
        }

        foreach (var (key, value) in map.Entries)
        {
            var entryField = Fields.Join(field, key.Value);
            ok &= f.Reference(key, entryField, key.Value, "direction", names.Directions);
            if (Read(value, entryField, allowNone) is { } cap)
            {
                caps[key.Value] = cap;
            }
            else
            {
                ok = false;
            }
        }

        return ok ? caps : null;
    }

    /// <summary>Trucks a day: a whole number (<c>300</c>) or a range drawn each local day (<c>200-400</c>).</summary>
    public TrucksPerDayRange? Amount(YNode node, string field)
    {
        var text = f.Scalar(node, field, "a number of trucks a day or a range", Hint);
        if (text is null)
        {
            return null;
        }

        if (text.TrimStart().StartsWith('-'))
        {
            f.Error(node, field, $"a cap cannot be below zero, found '{text}'", "0 accepts no truck that day; leave cap_per_day out for no cap");
            return null;
        }

        var match = AmountPattern().Match(text);
        if (!match.Success)
        {
            f.Error(node, field, $"expected a whole number of trucks a day (300) or a range (200-400), found '{text}'", Hint);
            return null;
        }

        if (!int.TryParse(match.Groups["min"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var min) | min > MaxTrucksPerDay)
        {
            f.Error(node, field, $"at most {MaxTrucksPerDay} trucks a day, found '{text}'");
            return null;
        }

        var max = min;
        if (match.Groups["max"].Success && (!int.TryParse(match.Groups["max"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max > MaxTrucksPerDay))
        {
            f.Error(node, field, $"at most {MaxTrucksPerDay} trucks a day, found '{text}'");
            return null;
        }

        if (max < min)
        {
            f.Error(node, field, $"the range {min}-{max} runs backwards", $"write {max}-{min}");
            return null;
        }

        return new TrucksPerDayRange(min, max);
    }

    [GeneratedRegex(@"^\s*(?<min>[0-9]+)\s*(-\s*(?<max>[0-9]+))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();
}
