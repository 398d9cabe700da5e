using BorderSim.Model.Calendars;
using NodaTime;

namespace BorderSim.Model.Crossing;

/// <summary>
/// Appointment-only days of the gate calendars: at most the day's quota of trucks start service, none of an excluded
/// class. A truck admitted once by a calendar stays admitted by it (it does not count twice).
/// </summary>
internal sealed class AppointmentQuotas(CrossingModel model, RunClock clock)
{
    private readonly Dictionary<(string Calendar, LocalDate Day), int> _admitted = [];
    private readonly Dictionary<string, int> _calendarIndex = model.Calendars.Keys.Order(StringComparer.Ordinal).Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="calendar"/> lets the truck start now; if it takes one of the day's appointments, it counts.</summary>
    public bool Admit(Truck truck, GateCalendar calendar)
    {
        var index = _calendarIndex[calendar.Name];
        if (truck.AdmittedCalendars?.Contains(index) == true)
        {
            return true;
        }

        var rules = calendar.AppointmentDayAt(clock.NowHours, out var day);
        if (rules is null)
        {
            return true;
        }

        if (rules.ExcludedClasses.Contains(model.ClassNames[truck.CargoClass]))
        {
            return false;
        }

        var admitted = _admitted.GetValueOrDefault((calendar.Name, day));
        if (admitted >= rules.QuotaPerDay)
        {
            return false;
        }

        _admitted[(calendar.Name, day)] = admitted + 1;
        (truck.AdmittedCalendars ??= []).Add(index);
        return true;
    }
}
