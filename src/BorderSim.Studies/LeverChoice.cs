using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>
/// The settings a search varies, named as a planner names them. <c>--vary</c> takes one of three forms:
/// <list type="bullet">
/// <item><c>LEVER=values</c>: a lever the scenario declares (<c>levers:</c>), by its name or its label in either
/// language (<c>--vary 'import lanes=3,4,5'</c>, <c>--vary 'làn nhập=3,4,5'</c>, <c>--vary import_lanes=3,4,5</c>);</item>
/// <item><c>LABEL=PATH=values</c>: a label given here for a path (<c>--vary 'lanes in=roads.r.lanes.import=3,4'</c>);</item>
/// <item><c>PATH=values</c>: a path as <c>--set</c> writes it; a declared lever's path takes that lever's label.</item>
/// </list>
/// Values are <c>a,b,c</c> or <c>from:to:step</c>, as <see cref="Sweep"/> reads them.
/// </summary>
public static class LeverChoice
{
    /// <summary>The lever <paramref name="path"/> belongs to, or one labelled from the scenario's parts (<see cref="PathLabel"/>; no scenario: their names).</summary>
    public static LeverSpec ForPath(string path, IReadOnlyList<LeverSpec> levers, ScenarioSpec? scenario)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(levers);
        return levers.FirstOrDefault(l => l.Path == path) ?? LeverSpec.ForUnnamedPath(path, PathLabel.Of(path, scenario));
    }

    /// <summary>The lever of each --vary (already checked by <see cref="TryParseVary"/>), in their order.</summary>
    public static IReadOnlyList<LeverSpec> LeversOf(IReadOnlyList<string> varyTexts, IReadOnlyList<LeverSpec> levers, ScenarioSpec? scenario)
    {
        ArgumentNullException.ThrowIfNull(varyTexts);
        return [.. varyTexts.Select(t => TryParseVary(t, levers, scenario, out _, out LeverSpec? lever, out _) ? lever! : ForPath(t, levers, scenario))];
    }

    /// <summary>Reads one <c>--vary</c>; false with a message naming the option and the levers when it cannot.</summary>
    public static bool TryParseVary(string text, IReadOnlyList<LeverSpec> levers, ScenarioSpec? scenario, out Sweep? sweep, out LeverSpec? lever, out string error)
    {
        ArgumentNullException.ThrowIfNull(levers);
        sweep = null;
        lever = null;
        error = "";
        int equals = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (text is null || equals <= 0)
        {
            error = $"--vary '{text}': expected LEVER=a,b,c, LABEL=PATH=a,b,c or PATH=a,b,c (or =from:to:step)";
            return false;
        }

        string head = text[..equals].Trim().Normalize();
        string rest = text[(equals + 1)..];
        string? path;
        if (rest.Contains('=', StringComparison.Ordinal))
        {
            // LABEL=PATH=values: the label is this command's; a declared lever's unit and value still apply.
            path = rest[..rest.IndexOf('=', StringComparison.Ordinal)].Trim();
            LeverSpec declared = ForPath(path, levers, scenario);
            lever = declared with { Label = new Bilingual(head, head) };
        }
        else if (Named(head, levers) is { } named)
        {
            path = named.Path;
            lever = named;
            rest = path + "=" + rest;
        }
        else if (head.Any(char.IsWhiteSpace))
        {
            error = $"--vary '{text}': '{head}' is neither a lever of the scenario nor a path; " + (levers.Count == 0
                ? "the scenario declares no levers: write LABEL=PATH=a,b,c, or declare it under levers:"
                : "its levers: " + string.Join("; ", levers.Select(l => $"{l.Name} ({l.Label.English}, {l.Label.Vietnamese})")));
            return false;
        }
        else
        {
            path = head;
            lever = ForPath(head, levers, scenario);
            rest = text;
        }

        if (!Sweep.TryParse(rest, out sweep, out error))
        {
            error = error.Replace($"--sweep '{rest}'", $"--vary '{text}'", StringComparison.Ordinal);
            lever = null;
            return false;
        }

        return true;
    }

    /// <summary>
    /// The --set overrides as a planner reads them: each with its lever's label, the value the file gives (null when it
    /// has none there or cannot be read) and the value set.
    /// </summary>
    public static IReadOnlyList<SettingChange> Changes(string file, IReadOnlyList<ScenarioOverride> sets, IReadOnlyList<LeverSpec> levers, ScenarioSpec? scenario)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return [.. sets.Select(s => new SettingChange(ForPath(s.Path, levers, scenario), ScenarioReader.ScalarAt(file, [], s.Path, out _), s.Value))];
    }

    /// <summary>The levers with the scenario's value (after <paramref name="sets"/>) where they lack one: a path --vary gave without a lever.</summary>
    public static IReadOnlyList<LeverSpec> WithValues(string file, IReadOnlyList<ScenarioOverride> sets, IReadOnlyList<LeverSpec> levers)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(levers);
        return [.. levers.Select(l => l.Value is null ? l with { Value = ScenarioReader.ScalarAt(file, sets, l.Path, out _) } : l)];
    }

    private static LeverSpec? Named(string head, IReadOnlyList<LeverSpec> levers) => levers.FirstOrDefault(l =>
        string.Equals(l.Name, head, StringComparison.OrdinalIgnoreCase)
        || string.Equals(l.Label.English.Normalize(), head, StringComparison.OrdinalIgnoreCase)
        || string.Equals(l.Label.Vietnamese.Normalize(), head, StringComparison.OrdinalIgnoreCase));
}
