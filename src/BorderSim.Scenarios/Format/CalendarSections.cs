using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>The declared format of calendars: hours in their own time zone, closures and appointment-only periods.</summary>
internal static class CalendarSections
{
    public static readonly FormatSection Closure = new("Closure", "A closure: the calendar is closed from 'from' to 'to', both days included.",
    [
        new FormatKey("from", Date, "First closed day, included.").Required().Eg("2026-02-15"),
        new FormatKey("to", Date, "Last closed day, included; not before 'from'.").Required().Eg("2026-02-18"),
        new FormatKey("reason", BilingualText, "Why it is closed, shown in reports.").Eg("Tết"),
    ]);

    public static readonly FormatSection AppointmentPeriod = new("Appointment period",
        "An appointment-only period: from 'from' to 'to' (both included) at most quota_per_day trucks pass; excluded classes may not pass at all.",
    [
        new FormatKey("from", Date, "First day, included.").Required().Eg("2026-02-19"),
        new FormatKey("to", Date, "Last day, included; not before 'from'.").Required().Eg("2026-02-23"),
        new FormatKey("quota_per_day", Int(1), "Trucks admitted per day (a quota of zero is a closure: write it under closures).").Required().In("trucks/day").Eg("300"),
        new FormatKey("excluded", ClassNames, "Cargo classes refused during the period.").Eg("[cold_chain]"),
        new FormatKey("reason", BilingualText, "Why, shown in reports."),
    ]);

    public static readonly FormatSection Calendar = new("Calendar", "A calendar: opening hours in its own time zone, closures and appointment-only periods.",
    [
        new FormatKey("time_zone", Zone, "Time zone of the hours and dates.").Required().Eg("Asia/Shanghai"),
        new FormatKey("hours", Hours, "Weekly opening hours; days not named are closed.").Defaults("open all day").Eg("{ mon-fri: \"07:00-19:00\", sat: \"07:00-12:00\" }"),
        new FormatKey("closures", new ListShape(new ObjectShape(Closure)), "Closed periods, dates inclusive."),
        new FormatKey("appointment_only", new ListShape(new ObjectShape(AppointmentPeriod)), "Appointment-only periods, dates inclusive."),
        Label("calendar (a gate's hours)", "{ en: VN gate, vi: cửa khẩu phía VN }"),
    ]);
}
