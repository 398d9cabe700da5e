using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>
/// A starting backlog draining under a clearance cap, counted by hand: it takes backlog / (cap − arrivals) days, the
/// pace while it lasts is the cap, and the time series follow the backlog and its oldest wait over time.
/// </summary>
public class BacklogUnderCapTests
{
    private const int Backlog = 1000;
    private const int CapPerDay = 200;
    private const double ArrivalsPerDay = 100;

    private static readonly Dictionary<string, TrucksPerDayRange> NoClassCaps = [];

    private static MetricSummary Summary(ExperimentResult result, string id) => result.Summary.Single(m => m.Key.Id == id);

    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    private static ScenarioSpec Draining(double serviceHours, int replications, int days = 14)
    {
        var booth = SpecBuilder.Check("clearance", 1, new Deterministic(serviceHours)) with
        {
            CapPerDay = new ClearanceCapSpec(new TrucksPerDayRange(CapPerDay, CapPerDay), NoClassCaps),
        };
        var direction = new DirectionSpec("export", SpecBuilder.Flat(ArrivalsPerDay), [booth])
        {
            Backlog = [new BacklogSpec(null, "general", Backlog, null)],
        };
        return SpecBuilder.Scenario([direction], days: days, warmUpHours: 0, replications: replications);
    }

    [Test]
    public void A_backlog_under_a_cap_spread_over_the_day_clears_in_backlog_over_cap_minus_arrivals_days()
    {
        // 1,000 waiting, a cap of 200 a day served evenly (one booth, 24 h, 7.2 min a truck: 200 a day), 100 arriving
        // a day: the backlog falls by 200 − 100 = 100 a day and is gone after 1,000 / 100 = 10 days. Exactly, the booth
        // has started the last waiting truck when it has started B + N(T) − 0 trucks at one every s hours, so by
        // Wald's identity E[T] = s (B − 1) / (1 − λ s) (Takács's busy period started by B − 1 trucks; Kleinrock vol. 1
        // §5.9) = 0.12 × 999 / 0.5 h = 9.99 days: the rule less one truck's service. Its sd is
        // √((B − 1) ρ s² / (1 − ρ)³) = 10.7 h a replication; 40 replications give a 99 % interval of about ±0.07 days.
        const double service = 24.0 / CapPerDay;
        var result = ExperimentRunner.Run(Draining(service, replications: 40), new RunOptions(Threads: 2));

        double lambdaPerHour = ArrivalsPerDay / 24;
        double exactDays = service * (Backlog - 1) / (1 - (lambdaPerHour * service)) / 24;
        Assert.That(exactDays, Is.EqualTo((double)Backlog / (CapPerDay - ArrivalsPerDay)).Within(0.02), "the hand count: backlog / (cap − arrivals)");
        TheoryCheck.Contains(Summary(result, "days_to_clear/export"), exactDays);
        Assert.That(Summary(result, "backlog_cleared/export").Mean, Is.EqualTo(1), "every replication cleared within its 14 days");
        foreach (ReplicationResult replication in result.Replications)
        {
            // While the backlog lasts the booth never stops: it finishes one truck every 7.2 min, the cap's 200 a
            // day; every truck served by then started before the clearing moment T, and all but the one it is
            // serving at T have left: (T / s − 1) trucks over T / 24 days. The whole run's mean is lower: after T
            // it serves only the 100 that arrive.
            double days = Value(replication, "days_to_clear/export");
            double expected = ((days * 24 / service) - 1) / days;
            Assert.That(Value(replication, "served_per_day_while_backlog/export"), Is.EqualTo(expected).Within(1.01 / days), "one truck either way: the clearing moment falls between two finishes");
            Assert.That(Value(replication, "served_per_day/export/all"), Is.LessThan(CapPerDay - 10));
        }
    }

    [Test]
    public void A_cap_below_the_booths_capacity_serves_exactly_the_cap_each_day_and_clears_within_the_day_the_rule_gives()
    {
        // The same backlog with a booth twice as fast (3.6 min, 400 a day): the cap's 200 start in the first 12 h of
        // each day and none after, whatever arrives. So exactly 200 are served on each whole day the backlog lasts,
        // and the backlog falls by 200 − 100 a day on average: left at the start of day 10 (9 days in) about 100,
        // which the booth clears in the first hours. The rule, 10 days, marks the end of the day it clears on; the
        // clearing itself comes within that last day: between 8.5 and 10 days on average (the noise of 900
        // Poisson arrivals, ±30 trucks, moves the day by ±0.3).
        var result = ExperimentRunner.Run(Draining(0.06, replications: 20), new RunOptions(Threads: 2));

        double rule = (double)Backlog / (CapPerDay - ArrivalsPerDay);
        Assert.That(Summary(result, "days_to_clear/export").Mean, Is.InRange(rule - 1.5, rule));
        foreach (ReplicationResult replication in result.Replications)
        {
            double days = Value(replication, "days_to_clear/export");
            int[] served = [.. replication.Days.Where(d => d.CargoClass == "general").OrderBy(d => d.Date).Select(d => d.Served)];
            for (int day = 0; day + 1 < days; day++)
            {
                Assert.That(served[day], Is.EqualTo(CapPerDay), $"day {day + 1}: the cap, exactly, while trucks wait");
            }
        }
    }

    [Test]
    public void The_network_backlog_and_the_oldest_wait_are_time_series()
    {
        // No arrivals, one booth of 1 h and 3 trucks aged 10 h, served from 0, 1 and 2 h. Sampled every 15 minutes, at
        // the half hours: in the system (in service included) 3, 2, 1, 0 at 0:30, 1:30, 2:30, 3:30. The oldest wait of a
        // truck still there: at 0:30 the second, waiting since 10 h before the start, 10.5 h; at 1:30 the third, 11.5 h;
        // at 2:30 the third in service, its wait stopped at 12 h; none at 3:30.
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Check("booth", 1, new Deterministic(1))])
        {
            Backlog = [new BacklogSpec(null, "general", 3, new Deterministic(10))],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 1, warmUpHours: 0, replications: 1);

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        double[] Series(string id) => replication.TimeSeries.Series.Single(s => s.Id == id).Values;
        double[] network = Series("network_in_system_trucks");
        double[] oldest = Series("oldest_wait_hours/export");
        Assert.Multiple(() =>
        {
            Assert.That(new[] { network[2], network[6], network[10], network[14] }, Is.EqualTo(new[] { 3.0, 2, 1, 0 }));
            Assert.That(network, Is.EqualTo(Series("in_system_trucks/export")), "one direction: the network is that direction");
            Assert.That(new[] { oldest[2], oldest[6], oldest[10], oldest[14] }, Is.EqualTo(new[] { 10.5, 11.5, 12, 0 }).Within(1e-9));
            Assert.That(Series("network_oldest_wait_hours"), Is.EqualTo(oldest));
        });
    }
}
