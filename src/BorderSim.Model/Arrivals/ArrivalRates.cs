using BorderSim.Model.Calendars;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Arrivals;

/// <summary>
/// The arrival rate of one direction as a step function: constant within each hour of the run, in
/// trucks per hour, with the class mix of that hour. Built once per scenario from the profile,
/// weekday, month and surge factors in the scenario's zone.
/// </summary>
public sealed class ArrivalRates
{
    private readonly double[] _ratePerHour;
    private readonly double[][] _cumulativeClassShare;

    public ArrivalRates(ArrivalSpec spec, IReadOnlyList<string> classNames, ScenarioClock clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var hours = (int)Math.Ceiling(clock.RunHours);
        _ratePerHour = new double[hours];
        _cumulativeClassShare = new double[hours][];
        var profileMean = spec.HourlyProfile.Average();
        var mix = classNames.Select(c => spec.ClassMix.GetValueOrDefault(c)).ToArray();
        ClassMix = mix;
        for (var h = 0; h < hours; h++)
        {
            var local = clock.LocalTimeAt(h + 0.5, zone);
            var baseRate = spec.TrucksOn(local.Date) / 24.0
                * (spec.HourlyProfile[local.Hour] / profileMean)
                * spec.WeekdayFactors.GetValueOrDefault(local.DayOfWeek, 1.0)
                * spec.MonthFactors.GetValueOrDefault(local.Month, 1.0);
            var classRates = new double[mix.Length];
            double total = 0;
            for (var c = 0; c < mix.Length; c++)
            {
                var factor = 1.0;
                foreach (var surge in spec.Surges)
                {
                    if (surge.From <= local.Date && local.Date <= surge.To &&
                        (surge.Classes.Count == 0 || surge.Classes.Contains(classNames[c])))
                    {
                        factor *= surge.Factor;
                    }
                }

                classRates[c] = baseRate * mix[c] * factor;
                total += classRates[c];
            }

            _ratePerHour[h] = total;
            var cumulative = new double[mix.Length];
            double running = 0;
            for (var c = 0; c < mix.Length; c++)
            {
                running += total > 0 ? classRates[c] / total : (c == 0 ? 1 : 0);
                cumulative[c] = running;
            }

            _cumulativeClassShare[h] = cumulative;
        }
    }

    public int Hours => _ratePerHour.Length;

    /// <summary>The share of each class index in the spec's class mix (before surges).</summary>
    public IReadOnlyList<double> ClassMix { get; }

    /// <summary>The expected number of arrivals of each class index over the whole run.</summary>
    public double[] ExpectedArrivalsByClass() => ExpectedArrivalsByClass(0, Hours);

    /// <summary>The expected number of arrivals of each class index between two times (the integral of each class's rate).</summary>
    public double[] ExpectedArrivalsByClass(double fromHours, double toHours)
    {
        var expected = new double[ClassMix.Count];
        for (var h = Math.Max(0, (int)Math.Floor(fromHours)); h < Math.Min(Hours, (int)Math.Ceiling(toHours)); h++)
        {
            var overlap = Math.Min(h + 1, toHours) - Math.Max(h, fromHours);
            if (overlap <= 0)
            {
                continue;
            }

            var cumulative = _cumulativeClassShare[h];
            double previous = 0;
            for (var c = 0; c < expected.Length; c++)
            {
                expected[c] += overlap * _ratePerHour[h] * (cumulative[c] - previous);
                previous = cumulative[c];
            }
        }

        return expected;
    }

    /// <summary>Trucks per hour during hour <paramref name="hour"/> of the run.</summary>
    public double RateAt(int hour) => _ratePerHour[hour];

    /// <summary>The expected number of arrivals between two times (the integral of the rate).</summary>
    public double ExpectedArrivals(double fromHours, double toHours)
    {
        double sum = 0;
        for (var h = Math.Max(0, (int)Math.Floor(fromHours)); h < Math.Min(Hours, (int)Math.Ceiling(toHours)); h++)
        {
            var overlap = Math.Min(h + 1, toHours) - Math.Max(h, fromHours);
            if (overlap > 0)
            {
                sum += overlap * _ratePerHour[h];
            }
        }

        return sum;
    }

    /// <summary>
    /// The time of the next arrival after <paramref name="nowHours"/> by inversion of the cumulative
    /// rate: consume one Exp(1) draw of "area" hour by hour. Returns +∞ when no arrival comes before the end.
    /// </summary>
    public double NextArrival(double nowHours, double unitExponential)
    {
        var remaining = unitExponential;
        var t = nowHours;
        var hour = (int)Math.Floor(t);
        while (hour < Hours)
        {
            var rate = _ratePerHour[hour];
            var endOfHour = hour + 1.0;
            if (rate > 0)
            {
                var needed = remaining / rate;
                if (t + needed < endOfHour)
                {
                    return t + needed;
                }

                remaining -= rate * (endOfHour - t);
            }

            t = endOfHour;
            hour++;
        }

        return double.PositiveInfinity;
    }

    /// <summary>The class index of a truck arriving at <paramref name="hours"/>, from a uniform draw.</summary>
    public int ClassAt(double hours, double uniform)
    {
        var cumulative = _cumulativeClassShare[Math.Min(Hours - 1, (int)hours)];
        for (var c = 0; c < cumulative.Length - 1; c++)
        {
            if (uniform < cumulative[c])
            {
                return c;
            }
        }

        return cumulative.Length - 1;
    }
}
