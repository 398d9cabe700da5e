using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Reporting;

/// <summary>
/// A scenario path no lever names, as a planner reads it: the part it belongs to by that part's label (a stage, road,
/// gate calendar, direction or cargo class), then what it sets in the glossary's words, "booth: servers" / "bàn kiểm
/// tra: số bàn", "freight road 1119: lanes (import)" / "…: số làn (nhập khẩu)". A path of no known part stays as written.
/// </summary>
public static class PathLabel
{
    /// <summary>The path's label in both languages, with the scenario's labels (none: the parts' names and the glossary's).</summary>
    public static Bilingual Of(string path, ScenarioSpec? scenario)
    {
        ArgumentNullException.ThrowIfNull(path);
        ReportLanguage english = scenario is null ? ReportLanguage.English : ReportLanguage.English.WithLabelsOf(scenario);
        ReportLanguage vietnamese = scenario is null ? ReportLanguage.Vietnamese : ReportLanguage.Vietnamese.WithLabelsOf(scenario);
        return new Bilingual(Say(path, english), Say(path, vietnamese));
    }

    /// <summary>The path's label in <paramref name="lang"/>.</summary>
    public static string Say(string path, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(lang);
        string[] parts = path.Split('.');
        (string owner, int rest) = parts switch
        {
            ["directions", _, "stages", string stage, _, ..] => (lang.Stage(stage), 4),
            ["directions", string direction, _, ..] => (lang.Side(direction), 2),
            ["roads", string road, _, ..] => (lang.Road(road), 2),
            ["calendars", string calendar, _, ..] => (lang.Calendar(calendar), 2),
            ["classes", string cargo, _, ..] => (lang.CargoClass(cargo), 2),
            _ => ("", 0),
        };
        if (owner.Length == 0)
        {
            return path;
        }

        // "arrivals.trucks_per_day": the first key the glossary knows says what is set; the keys after it qualify it.
        string[] keys = parts[rest..];
        int said = Array.FindIndex(keys, k => Glossary.Settings.ContainsKey(k));
        string what = said < 0 ? string.Join(" ", keys).Replace('_', ' ') : lang.Say(Glossary.Settings[keys[said]]);
        string[] qualifiers = said < 0 ? [] : [.. keys[(said + 1)..].Select(k => Glossary.Directions.ContainsKey(k) ? lang.Direction(k) : k.Replace('_', ' '))];
        return $"{owner}: {what}" + (qualifiers.Length > 0 ? $" ({string.Join(", ", qualifiers)})" : "");
    }
}
