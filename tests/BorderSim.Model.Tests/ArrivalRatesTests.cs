using BorderSim.Engine.Randomness;
using BorderSim.Model.Arrivals;
using BorderSim.Model.Calendars;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

public class ArrivalRatesTests
{
    private static readonly IReadOnlyList<double> Profile = [1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 6, 5, 5, 5, 5, 5, 5, 5, 4, 3, 2, 2, 1, 1];

    private static ArrivalRates Rates(out ScenarioClock clock)
    {
        var surge = new SurgeSpec(new LocalDate(2026, 6, 10), new LocalDate(2026, 6, 19), 2, ["fruit"], "lychee");
        var spec = new ArrivalSpec(
            480,
            Profile,
            new Dictionary<IsoDayOfWeek, double> { [IsoDayOfWeek.Sunday] = 0.5 },
            new Dictionary<int, double>(),
            [surge],
            new Dictionary<string, double> { ["fruit"] = 0.5, ["general"] = 0.5 });
        clock = new ScenarioClock(new LocalDateTime(2026, 6, 1, 0, 0).InZoneLeniently(SpecBuilder.Hanoi).ToInstant(), 30 * 24);
        return new ArrivalRates(spec, ["fruit", "general"], clock, SpecBuilder.Hanoi);
    }

    [Test]
    public void The_hourly_rate_follows_profile_weekday_and_surge_factors()
    {
        var rates = Rates(out _);

        // 1 June 2026 is a Monday. Hour 9 has weight 7 of a profile summing to 85 (mean 85/24): 20/h × 7 / (85/24).
        Assert.That(rates.RateAt(9), Is.EqualTo(20 * 7 / (85 / 24.0)).Within(1e-9));
        Assert.That(rates.RateAt(0), Is.EqualTo(20 * 1 / (85 / 24.0)).Within(1e-9));

        // Sunday 7 June, hour 9: half the rate.
        Assert.That(rates.RateAt((6 * 24) + 9), Is.EqualTo(20 * 7 / (85 / 24.0) * 0.5).Within(1e-9));

        // Wednesday 10 June: fruit (half the mix) doubled, so the total is × 1.5.
        Assert.That(rates.RateAt((9 * 24) + 9), Is.EqualTo(20 * 7 / (85 / 24.0) * 1.5).Within(1e-9));
    }

    [Test]
    public void Drawn_arrivals_match_the_integrated_rate()
    {
        var rates = Rates(out _);
        var stream = new RandomStream(20260601);
        var countsByHour = new int[rates.Hours];
        var t = 0.0;
        var total = 0;
        while (true)
        {
            t = rates.NextArrival(t, -Math.Log(1 - stream.NextDouble()));
            if (double.IsPositiveInfinity(t))
            {
                break;
            }

            countsByHour[(int)t]++;
            total++;
        }

        // A Poisson count: within 4 standard deviations (√mean) of the integral of the rate.
        var expected = rates.ExpectedArrivals(0, rates.Hours);
        Assert.That(total, Is.EqualTo(expected).Within(4 * Math.Sqrt(expected)));

        // And the daily shape: arrivals in hour 9 against hour 0 over the 30 days, each within 4 sd.
        var nine = Enumerable.Range(0, 30).Sum(d => countsByHour[(d * 24) + 9]);
        var expectedNine = Enumerable.Range(0, 30).Sum(d => rates.ExpectedArrivals((d * 24) + 9, (d * 24) + 10));
        Assert.That(nine, Is.EqualTo(expectedNine).Within(4 * Math.Sqrt(expectedNine)));
        var midnight = Enumerable.Range(0, 30).Sum(d => countsByHour[d * 24]);
        var expectedMidnight = Enumerable.Range(0, 30).Sum(d => rates.ExpectedArrivals(d * 24, (d * 24) + 1));
        Assert.That(midnight, Is.EqualTo(expectedMidnight).Within(4 * Math.Sqrt(expectedMidnight)));
        Assert.That(expectedNine, Is.GreaterThan(5 * expectedMidnight), "the profile is not flat");
    }

    [Test]
    public void Classes_are_drawn_in_the_surged_mix()
    {
        var rates = Rates(out _);
        var stream = new RandomStream(7);
        const int draws = 40_000;
        var normalDay = Enumerable.Range(0, draws).Count(_ => rates.ClassAt(9.5, stream.NextDouble()) == 0);
        var surgeDay = Enumerable.Range(0, draws).Count(_ => rates.ClassAt((9 * 24) + 9.5, stream.NextDouble()) == 0);

        // Binomial: fruit share 1/2 normally, 2/3 in the surge (2·0.5 / (2·0.5 + 0.5)); 4 sd ≈ 0.01.
        Assert.That(normalDay / (double)draws, Is.EqualTo(0.5).Within(0.01));
        Assert.That(surgeDay / (double)draws, Is.EqualTo(2.0 / 3).Within(0.01));
    }

    [Test]
    public void A_daily_series_sets_each_day_and_the_profile_shapes_its_hours()
    {
        // 120, 240 and 0 trucks on 1-3 June; the profile puts them in hours 6-17 (12 equal weights), so 10/h, 20/h, 0/h.
        var profile = Enumerable.Range(0, 24).Select(h => h is >= 6 and < 18 ? 1.0 : 0.0).ToArray();
        var spec = new ArrivalSpec(120, profile, new Dictionary<IsoDayOfWeek, double>(), new Dictionary<int, double>(), [],
            new Dictionary<string, double> { ["fruit"] = 0.25, ["general"] = 0.75 })
        {
            DailyTrucks = new Dictionary<LocalDate, double> { [new LocalDate(2026, 6, 1)] = 120, [new LocalDate(2026, 6, 2)] = 240, [new LocalDate(2026, 6, 3)] = 0 },
        };
        var clock = new ScenarioClock(new LocalDateTime(2026, 6, 1, 0, 0).InZoneLeniently(SpecBuilder.Hanoi).ToInstant(), 4 * 24);
        var rates = new ArrivalRates(spec, ["fruit", "general"], clock, SpecBuilder.Hanoi);

        Assert.That(rates.ExpectedArrivals(0, 24), Is.EqualTo(120).Within(1e-9));
        Assert.That(rates.ExpectedArrivals(24, 48), Is.EqualTo(240).Within(1e-9));
        Assert.That(rates.ExpectedArrivals(48, 72), Is.EqualTo(0));
        Assert.That(rates.RateAt(24 + 9), Is.EqualTo(20).Within(1e-9));
        Assert.That(rates.RateAt(24 + 3), Is.EqualTo(0));

        // 4 June has no count: the mean, 120.
        Assert.That(rates.ExpectedArrivals(72, 96), Is.EqualTo(120).Within(1e-9));

        // The class mix is the scenario's: a quarter fruit of the 480 expected.
        Assert.That(rates.ExpectedArrivalsByClass()[0], Is.EqualTo(0.25 * 480).Within(1e-9));
    }
}
