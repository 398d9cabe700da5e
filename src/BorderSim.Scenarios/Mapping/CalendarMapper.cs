using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>Reads the calendars: each one's time zone, weekly hours, closures and appointment-only periods.</summary>
internal sealed class CalendarMapper(Fields f, Names names)
{
    public List<CalendarSpec> Read(YNode node)
    {
        var calendars = new List<CalendarSpec>();
        var map = f.Map(node, "calendars", "write calendars: { vn_gate: { time_zone: Asia/Ho_Chi_Minh, hours: {...} } }");
        if (map is null)
        {
            return calendars;
        }

        foreach (var (key, value) in map.Entries)
        {
            var field = Fields.Join("calendars", key.Value);
            names.Calendars.Add(key.Value);
            if (!Fields.IsName(key.Value))
            {
                f.Error(key, field, $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first");
            }

            var cal = f.Map(value, field, "write e.g. { time_zone: Asia/Ho_Chi_Minh, hours: { mon-sun: \"07:00-19:00\" } }");
            if (cal is null)
            {
                continue;
            }

            f.Keys(cal, field, CalendarSections.Calendar);
            var zone = Fields.Optional(cal, "time_zone", (n, _) => f.Zone(n, Fields.Join(field, "time_zone")));
            var hours = Fields.Optional(cal, "hours", (n, _) => f.Hours(n, Fields.Join(field, "hours"))) ?? WeeklyHours.AllDay;
            var closures = new List<ClosureSpec>();
            if (cal.Get("closures") is { } closuresNode)
            {
                ReadList(closuresNode, Fields.Join(field, "closures"), (item, itemField) =>
                {
                    if (ReadClosure(item, itemField) is { } closure)
                    {
                        closures.Add(closure);
                    }
                });
            }

            var appointments = new List<AppointmentPeriodSpec>();
            if (cal.Get("appointment_only") is { } appointmentNode)
            {
                ReadList(appointmentNode, Fields.Join(field, "appointment_only"), (item, itemField) =>
                {
                    if (ReadAppointmentPeriod(item, itemField) is { } period)
                    {
                        appointments.Add(period);
                    }
                });
            }

            if (zone is not null)
            {
                calendars.Add(new CalendarSpec(key.Value, zone, hours, closures, appointments));
            }
        }

        return calendars;
    }

    private ClosureSpec? ReadClosure(YNode item, string itemField)
    {
        var closure = f.Map(item, itemField, "write e.g. { from: 2026-02-15, to: 2026-02-18, reason: Tết }");
        if (closure is null)
        {
            return null;
        }

        f.Keys(closure, itemField, CalendarSections.Closure);
        var (from, to) = Period.Read(f, closure, itemField);
        var reason = Fields.Optional(closure, "reason", (n, _) => f.Reason(n, Fields.Join(itemField, "reason"))) ?? "";
        return from is not null && to is not null ? new ClosureSpec(from.Value, to.Value, reason) : null;
    }

    private AppointmentPeriodSpec? ReadAppointmentPeriod(YNode item, string itemField)
    {
        var period = f.Map(item, itemField, "write e.g. { from: 2026-02-19, to: 2026-02-23, quota_per_day: 300, excluded: [cold_chain] }");
        if (period is null)
        {
            return null;
        }

        f.Keys(period, itemField, CalendarSections.AppointmentPeriod);
        var (from, to) = Period.Read(f, period, itemField);
        var quota = Fields.OptionalValue(period, "quota_per_day", (n, _) => f.Int(n, Fields.Join(itemField, "quota_per_day"), 1, new Advice("a quota of zero is a closure; write it under closures", "hạn mức bằng không là một đợt đóng cửa; hãy ghi nó trong closures")));
        var excluded = new List<string>();
        if (period.Get("excluded") is { } excludedNode)
        {
            var list = f.NameList(excludedNode, Fields.Join(itemField, "excluded")) ?? [];
            var seq = excludedNode as YSeq;
            for (var i = 0; i < list.Count; i++)
            {
                names.ClassReferences.Add((seq!.Items[i], Fields.Index(Fields.Join(itemField, "excluded"), i), list[i]));
                excluded.Add(list[i]);
            }
        }

        return from is not null && to is not null && quota is not null ? new AppointmentPeriodSpec(from.Value, to.Value, quota.Value, excluded) : null;
    }

    private void ReadList(YNode node, string field, Action<YNode, string> readItem)
    {
        var seq = f.Seq(node, field);
        if (seq is null)
        {
            return;
        }

        for (var i = 0; i < seq.Items.Count; i++)
        {
            readItem(seq.Items[i], Fields.Index(field, i));
        }
    }
}
