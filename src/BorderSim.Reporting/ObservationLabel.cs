using BorderSim.Model.Spec;

namespace BorderSim.Reporting;

/// <summary>
/// An observation as a reader names it: what it counts and on which routes (and classes), by the scenario's labels,
/// "cleared a day, Hữu Nghị export" / "xe thông quan mỗi ngày, xuất qua Hữu Nghị"; its time as the language dates
/// it in Vietnamese (22/08/2024, 20:00 22/08/2024), and as observed.csv writes it in English.
/// </summary>
public static class ObservationLabel
{
    /// <summary>What the observation counts and where, in <paramref name="lang"/> (with the scenario's labels when it carries them).</summary>
    public static string Series(ObservationSpec observation, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(lang);
        string kind = lang.Say(Glossary.ObservationKinds[ObservationSpec.KindName(observation.Kind)]);
        string routes = observation.Directions.Count == 0 ? lang.Say(Glossary.AllRoutes) : string.Join(" + ", observation.Directions.Select(lang.Direction));
        string classes = observation.CargoClasses.Count == 0 ? "" : $" ({string.Join(" + ", observation.CargoClasses.Select(lang.CargoClass))})";
        return $"{kind}, {routes}{classes}";
    }

    /// <summary>The observation's local day or time: day first in Vietnamese, as observed.csv in English.</summary>
    public static string Time(ObservationSpec observation, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(lang);
        return !lang.IsVietnamese ? observation.TimeLabel
            : observation.IsDaily ? lang.Date(observation.Time.Date)
            : lang.DateTime(observation.Time);
    }
}
