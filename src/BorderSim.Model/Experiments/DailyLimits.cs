using BorderSim.Model.Calendars;
using BorderSim.Model.Crossing;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Experiments;

/// <summary>
/// What a check or road can start a day when a clearance cap or an appointment quota holds trucks back: on each of
/// its local days (the days its cap counts in), the least of what its open servers serve that day, the cap in force
/// (the mean of a drawn range), the whole of a cap it shares with other checks (it may take all of it) and the
/// appointment quota of an appointment-only day; averaged over the run's days.
/// A day the run covers only in part counts the servers of that part and the whole cap. The load check's view of
/// the model's own admission rules.
/// </summary>
internal static class DailyLimits
{
    /// <summary>Whether the stage ever holds trucks back by the day (a cap in force, a shared cap, or an appointment-only day).</summary>
    public static bool Apply(CompiledStage stage) =>
        stage.HasServers && stage.CapDays is not null && (stage.CapsInForce is not null || stage.SharedCap is not null || stage.AppointmentCalendar is not null);

    /// <summary>Trucks a day the stage can start over the run, of all classes with mean service <paramref name="meanServiceHours"/>.</summary>
    public static double CapacityTrucksPerDay(CompiledStage stage, double meanServiceHours, double runHours)
    {
        double total = 0;
        foreach (var (from, to) in Days(stage.CapDays!, runHours))
        {
            var served = meanServiceHours > 0 ? stage.ServersInForce!.Integral(s => s.Open, from, to) / meanServiceHours : double.PositiveInfinity;
            var limit = Math.Min(Math.Min(served, Mean(stage.CapsInForce?.ValueAt(from)?.Total)), stage.SharedCap?.MeanTrucksPerDay ?? double.PositiveInfinity);
            if (stage.AppointmentCalendar?.AppointmentDayAt(from, out _) is { } appointments)
            {
                limit = Math.Min(limit, appointments.QuotaPerDay);
            }

            total += limit;
        }

        return total / (runHours / 24);
    }

    /// <summary>
    /// Per class with a cap of its own on some day: trucks of that class a day the stage can start over the run (its
    /// cap on a day it has one; else what the stage serves that day at the class's mean service).
    /// </summary>
    public static IEnumerable<(int CargoClass, double CapacityTrucksPerDay)> ClassCaps(CompiledStage stage, double runHours)
    {
        if (stage.CapsInForce is not { } caps || stage.CapDays is null)
        {
            yield break;
        }

        for (var c = 0; c < stage.ChannelsByClass.Length; c++)
        {
            var cargoClass = c;
            if (!caps.Any(cap => cap?.ByClass[cargoClass] is not null))
            {
                continue;
            }

            var service = stage.ChannelsByClass[c].MeanServiceHours();
            double total = 0;
            foreach (var (from, to) in Days(stage.CapDays, runHours))
            {
                var served = service > 0 ? stage.ServersInForce!.Integral(s => s.Open, from, to) / service : double.PositiveInfinity;
                total += Math.Min(served, Mean(caps.ValueAt(from)?.ByClass[c]));
            }

            yield return (c, total / (runHours / 24));
        }
    }

    /// <summary>The part of each local day inside the run.</summary>
    private static IEnumerable<(double From, double To)> Days(LocalDays days, double runHours)
    {
        for (var i = 0; i < days.Count; i++)
        {
            var from = Math.Max(0, days.StartOf(i));
            var to = Math.Min(runHours, i + 1 < days.Count ? days.StartOf(i + 1) : runHours);
            if (to > from)
            {
                yield return (from, to);
            }
        }
    }

    /// <summary>The mean of a cap drawn uniformly among whole numbers (∞ = no cap).</summary>
    private static double Mean(TrucksPerDayRange? cap) => cap is null ? double.PositiveInfinity : (cap.Min + cap.Max) / 2.0;
}
