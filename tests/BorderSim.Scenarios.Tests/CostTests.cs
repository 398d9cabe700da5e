using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Scenarios.Tests;

public class CostTests
{
    /// <summary>Two gates open 07:00–19:00 Hanoi time (the Chinese one 08:00–20:00 Beijing), 2 + 2 lanes, 4 checks of 4 servers.</summary>
    private const string Crossing = """
        name: cost case
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 3
        warm_up: 1d
        replications: 2
        seed: 42
        costs: { lane_usd_per_day: 400, booth_usd_per_hour: 15, opening_usd_per_hour: 60 }
        calendars:
          vn_gate: { time_zone: Asia/Ho_Chi_Minh, hours: { mon-sun: "07:00-19:00" } }
          cn_gate: { time_zone: Asia/Shanghai, hours: { mon-sun: "08:00-20:00" } }
        roads:
          freight_road: { lanes: { export: 2, import: 2 }, crossing: fixed(4min), buffer: 20 }
        classes:
          fruit:   { share: 0.6, tonnes: 19, delay_cost_usd_per_hour: 6 }
          general: { share: 0.4, tonnes: 25, delay_cost_usd_per_hour: 2 }
        directions:
          export:
            arrivals: { trucks_per_day: 200, hourly_profile: flat }
            stages:
              - check: { name: vn_customs, servers: 4, calendar: vn_gate, service: exp(10min) }
              - road: freight_road
              - check: { name: cn_inspection, servers: 4, calendar: cn_gate, service: exp(8min), buffer: 30 }
          import:
            arrivals: { trucks_per_day: 200, hourly_profile: flat }
            stages:
              - check: { name: cn_export_check, servers: 4, calendar: cn_gate, service: exp(6min) }
              - road: freight_road
              - check: { name: vn_import_customs, servers: 4, calendar: vn_gate, service: exp(12min), buffer: 40 }
        """;

    private static ScenarioLoadResult Read(string text) => ScenarioReader.Read(new StringReader(text), "cost.yaml");

    [Test]
    public void The_cost_a_day_is_the_lanes_the_open_booth_hours_and_the_opening_hours_at_their_prices_plus_the_delay_cost()
    {
        ScenarioLoadResult loaded = Read(Crossing);
        Assert.That(loaded.Errors, Is.Empty);
        ExperimentResult result = ExperimentRunner.Run(loaded.Scenario!, new RunOptions(Threads: 1));

        // By hand, over the two measured whole days: 4 lanes x 400 = 1,600; 16 servers x 12 open hours x 15 = 2,880;
        // 2 calendars x 12 open hours x 60 = 1,440; so 5,920 USD a day before the trucks' delay cost.
        foreach (ReplicationResult replication in result.Replications)
        {
            double cost = replication.Metrics.Single(m => m.Key.Id == "cost_usd_per_day").Value;
            double delay = replication.Metrics.Single(m => m.Key.Id == "delay_cost_usd_per_day/all/all").Value;
            Assert.That(cost, Is.EqualTo(5920 + delay).Within(1e-6));
        }
    }

    [Test]
    public void A_scenario_without_costs_reports_no_cost_metric()
    {
        ScenarioLoadResult loaded = Read(Crossing.Replace("costs: { lane_usd_per_day: 400, booth_usd_per_hour: 15, opening_usd_per_hour: 60 }\n", "", StringComparison.Ordinal));
        Assert.That(ExperimentRunner.MetricKeys(loaded.Scenario!).Select(k => k.Id), Has.None.EqualTo("cost_usd_per_day"));
    }

    [TestCase("costs: { lane_usd_per_day: -400 }", "cost.yaml:8:28: costs.lane_usd_per_day: must be at least 0, found -400")]
    [TestCase("costs: { booth_usd_per_day: 15 }", "cost.yaml:8:10: costs.booth_usd_per_day: unknown key")]
    [TestCase("costs: {}", "cost.yaml:8:8: costs: no cost is given")]
    public void A_wrong_cost_is_refused_at_its_line_and_column(string line, string message)
    {
        ScenarioLoadResult loaded = Read(Crossing.Replace("costs: { lane_usd_per_day: 400, booth_usd_per_hour: 15, opening_usd_per_hour: 60 }", line, StringComparison.Ordinal));
        Assert.That(loaded.Errors.Select(e => e.ToString()), Has.Some.StartsWith(message));
    }
}
