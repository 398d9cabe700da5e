using BorderSim.Model.Calendars;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

/// <summary>The replication's results day by day: trucks served per local day, each day's counts, and the trend of the backlog over the days.</summary>
internal sealed class DailyRecords(CrossingModel model, CrossingRuntime runtime, LocalDays days, int runDayCount, double warmUpHours)
{
    /// <summary>
    /// Trucks served on every simulated local day (warm-up included) for every direction and class that
    /// had traffic, zeros included: a day with nothing served (a closure) is a result, not a gap.
    /// </summary>
    public List<DailyCount> ServedPerDay(double endHours)
    {
        var counts = new List<DailyCount>();
        var lastDay = days.IndexAt(endHours);
        if (lastDay > 0 && days.StartOf(lastDay) >= endHours)
        {
            lastDay--; // the run ends at a local midnight: the day it opens is not simulated
        }

        foreach (var direction in runtime.Directions)
        {
            var perDay = direction.ServedPerDay;
            var withTraffic = new List<int>();
            for (var c = 0; c < model.ClassNames.Length; c++)
            {
                var hasTraffic = direction.Arrived[c] > 0 || direction.GaveUp[c] > 0;
                for (var dayIndex = 0; dayIndex < perDay.Count && !hasTraffic; dayIndex++)
                {
                    hasTraffic = perDay[dayIndex][c] > 0;
                }

                if (hasTraffic)
                {
                    withTraffic.Add(c);
                }
            }

            for (var dayIndex = 0; dayIndex <= lastDay; dayIndex++)
            {
                foreach (var c in withTraffic)
                {
                    var trucks = dayIndex < perDay.Count ? perDay[dayIndex][c] : 0;
                    counts.Add(new DailyCount(days.DateOf(dayIndex), direction.Direction.Name, model.ClassNames[c], trucks));
                }
            }
        }

        return counts;
    }

    /// <summary>Every run day's counts per direction and class the direction carries (arrived, served, gave up, turned away, diverted, waits, backlog and held at origin at its end).</summary>
    public List<DayRecord> Days()
    {
        var records = new List<DayRecord>();
        foreach (var direction in runtime.Directions)
        {
            for (var day = 0; day < runDayCount; day++)
            {
                for (var c = 0; c < model.ClassNames.Length; c++)
                {
                    if (!direction.HasClass[c])
                    {
                        continue;
                    }

                    var counts = direction.Day(day, c);
                    records.Add(new DayRecord(days.DateOf(day), direction.Direction.Name, model.ClassNames[c], counts.Arrived, counts.Served, counts.GaveUp, counts.WaitHoursSum, counts.BacklogAtEnd, days.StartOf(day) < warmUpHours,
                        counts.TurnedAway, counts.Diverted, counts.HeldAtOriginAtEnd, counts.LeftOnEvent, counts.MovedOnEvent));
                }
            }
        }

        return records;
    }

    /// <summary>
    /// The trend of trucks in the system at the end of the run: the least-squares slope of the daily means
    /// over the later half of the whole local days after the warm-up (all of them when there are fewer than
    /// six), in trucks per day; NaN with fewer than three such days. Daily means remove the daily cycle of
    /// arrivals and opening hours; the later half lets a backlog built by a surge or a closure that has
    /// levelled off or is draining by the end read as such, while a queue that grows without bound keeps growing.
    /// </summary>
    public double BacklogGrowthTrucksPerDay(double[] inSystem, double stepHours, double endHours)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var day = 0; day < runDayCount; day++)
        {
            var start = days.StartOf(day);
            var end = Math.Min(endHours, days.StartOf(day + 1));
            if (start < warmUpHours - 1e-9 || end - start < 22.9)
            {
                continue;
            }

            double sum = 0;
            var count = 0;
            for (var i = (int)Math.Ceiling((start / stepHours) - 1e-9); i < inSystem.Length && i * stepHours < end - 1e-9; i++)
            {
                sum += inSystem[i];
                count++;
            }

            if (count > 0)
            {
                xs.Add((start + end) / 2 / 24);
                ys.Add(sum / count);
            }
        }

        if (xs.Count < 3)
        {
            return double.NaN;
        }

        if (xs.Count >= 6)
        {
            var later = xs.Count / 2;
            xs.RemoveRange(0, xs.Count - later);
            ys.RemoveRange(0, ys.Count - later);
        }

        var meanX = xs.Average();
        var meanY = ys.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < xs.Count; i++)
        {
            sxy += (xs[i] - meanX) * (ys[i] - meanY);
            sxx += (xs[i] - meanX) * (xs[i] - meanX);
        }

        return sxy / sxx;
    }
}
