using BorderSim.Engine.Randomness;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Reporting.Tests;

/// <summary>Hand-made experiment results: a small one with awkward values for golden files, a realistic one for plots.</summary>
internal static class SampleResults
{
    public static DateTimeZone Hanoi => DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public static ScenarioSpec Scenario(string name = "Hữu Nghị 1119–1120, 6 lanes", int days = 10, int replications = 3) => new(
        name,
        "hand-made for tests",
        new LocalDateTime(2026, 6, 1, 0, 0),
        Hanoi,
        days,
        WarmUpHours: 24,
        replications,
        Seed: 20260601,
        TimeseriesStepMinutes: 15,
        Calendars: [],
        Roads: [],
        Classes: [],
        Directions:
        [
            new DirectionSpec("export", Arrivals(),
            [
                new YardStageSpec("vn_yard", 450, true, 19, null, null, null),
                new CheckStageSpec("vn_customs", 6, null, [], null),
                new RoadStageSpec("freight_road_1119", "freight_road_1119", 20),
                new CheckStageSpec("cn_inspection", 6, null, [], 30),
            ]),
            new DirectionSpec("import", Arrivals(),
            [
                new CheckStageSpec("cn_export_check", 4, null, [], null),
                new RoadStageSpec("freight_road_1119", "freight_road_1119", 20),
                new CheckStageSpec("vn_import_customs", 8, null, [], 40),
            ]),
        ],
        Changes: []);

    private static ArrivalSpec Arrivals() => new(100, ArrivalSpec.Flat, new Dictionary<IsoDayOfWeek, double>(), new Dictionary<int, double>(), [], new Dictionary<string, double> { ["general"] = 1.0 });

    /// <summary>Few rows with values that trip up naive formatting: tiny, huge, negative, NaN, text with a comma and a quote.</summary>
    public static ExperimentResult Small()
    {
        MetricSummary M(string name, string unit, string direction, string cls, string stage, double mean, double sd, double hw, double min, double max) =>
            new(new MetricKey(name, unit, direction, cls, stage), 3, mean, sd, hw, min, max);

        return new ExperimentResult(
            Scenario(days: 1),
            WarmUpHours: 2.5,
            WarmUpMethod: "fixed",
            Summary:
            [
                M("served_per_day", "trucks/day", "export", "", "", 612.3333333333334, 8.144527815247077, 20.232150473948534, 603, 618),
                M("served_per_day", "trucks/day", "export", "fruit", "", 0.1, 0.30000000000000004, 1e-20, 0, 1),
                M("wait_hours_p95", "h", "all", "general", "", 6.02e23, 0, 0, 6.02e23, 6.02e23),
                M("utilisation", "share", "export", "", "vn_customs", 0.87654321, double.NaN, double.NaN, 0.87654321, 0.87654321),
                M("highway_queue_km_max", "km", "", "", "", -0.0, 1.5, 3.25, -2, 12.75),
                M("cost_of_delay", "USD, per day", "export", "cold \"chain\"", "", 1234567.891, 0.5, 0.25, 1, 2),
            ],
            TimeSeries:
            [
                new SeriesSummary("queue_trucks/export/vn_customs", "queue_trucks", "trucks", "export", "vn_customs", 0.25,
                    [0, 1.5, 2.25], [0, 1, 2], [0, 2, 3]),
                new SeriesSummary("highway_queue_km", "highway_queue_km", "km", "", "", 0.25,
                    [0, 0.019, 0.038], [0, 0, 0], [0, 0.038, 0.076]),
                new SeriesSummary("in_system_trucks/export/fruit", "in_system_trucks", "trucks", "export", "", 0.25,
                    [1, 2, 0.5], [0, 1, 0], [2, 3, 1.5]) { CargoClass = "fruit" },
            ],
            ServedPerDay: [new DailySummary(new LocalDate(2026, 6, 1), "export", 612.33, 20.2)],
            WaitByClass: [new WaitDistribution("general", 1837, [(0.5, 1.0), (0.95, 6.0), (1.0, 9.5)])],
            Replications: [])
        {
            Daily =
            [
                new DaySummary(new LocalDate(2026, 6, 1), "export", "fruit", true, new(12, 1.5, 3), new(10.333333333333334, 2.25, 3), new(0, 0, 3), new(2, 1, 3), new(0, 0, 3), new(7, 0.5, 3), new(0, 0, 3), new(1.25, 0.125, 3)) { LeftOnEvent = new(1, 0.5, 3), MovedOnEvent = new(2, 0.25, 3) },
                new DaySummary(new LocalDate(2026, 6, 2), "export", "fruit", false, new(14, double.NaN, 1), new(0, double.NaN, 1), new(1, double.NaN, 1), new(0, double.NaN, 1), new(3, double.NaN, 1), new(20, double.NaN, 1), new(5, double.NaN, 1), new(double.NaN, double.NaN, 0)) { LeftOnEvent = new(0, double.NaN, 1), MovedOnEvent = new(0, double.NaN, 1) },
            ],
        };
    }

    /// <summary>
    /// A plausible 10-day run: queues that build while the gates are open (07:00–19:00) and drain at night,
    /// a highway queue that grows with the yard's overflow, served trucks per day and wait CDFs.
    /// </summary>
    public static ExperimentResult Realistic(int days = 10)
    {
        ScenarioSpec scenario = Scenario(days: days, replications: 20);
        double step = 0.25;
        int samples = (int)(days * 24 / step) + 1;
        var series = new List<SeriesSummary>();
        (string Direction, string Stage, double Peak)[] queues =
        [
            ("export", "vn_yard", 180), ("export", "vn_customs", 45), ("export", "freight_road_1119", 12),
            ("export", "cn_inspection", 25), ("import", "cn_export_check", 60), ("import", "freight_road_1119", 9),
            ("import", "vn_import_customs", 35),
        ];
        for (int q = 0; q < queues.Length; q++)
        {
            var (direction, stage, peak) = queues[q];
            double[] mean = new double[samples], lower = new double[samples], upper = new double[samples];
            for (int i = 0; i < samples; i++)
            {
                double hours = i * step;
                double hourOfDay = hours % 24;
                double day = Math.Floor(hours / 24);
                double daily = hourOfDay is >= 7 and < 19 ? Math.Sin(Math.PI * (hourOfDay - 7) / 12) : 0.15 * Math.Exp(-(hourOfDay < 7 ? hourOfDay + 5 : hourOfDay - 19));
                double level = peak * (0.6 + 0.05 * day) * daily + 0.5 * Math.Sin(0.7 * i + q);
                mean[i] = Math.Max(0, level);
                lower[i] = Math.Max(0, level * 0.7 - 1);
                upper[i] = Math.Max(0, level * 1.35 + 1);
            }

            series.Add(new SeriesSummary(stage.EndsWith("yard") ? $"yard_parked_trucks/{direction}/{stage}" : $"queue_trucks/{direction}/{stage}", stage.EndsWith("yard") ? "yard_parked_trucks" : "queue_trucks", "trucks", direction, stage, step, mean, lower, upper));

            // The model's count of the trucks waiting at the stage (here no truck waits for a first place): what the views read.
            series.Add(new SeriesSummary($"waiting_trucks/{direction}/{stage}", "waiting_trucks", "trucks", direction, stage, step, mean, lower, upper));
        }

        // The total in the system has no stage: it belongs to neither queue plot.
        series.Add(new SeriesSummary("in_system_trucks/export", "in_system_trucks", "trucks", "export", "", step,
            new double[samples], new double[samples], new double[samples]));
        {
            double[] mean = new double[samples], lower = new double[samples], upper = new double[samples];
            for (int i = 0; i < samples; i++)
            {
                double hours = i * step;
                double hourOfDay = hours % 24;
                double km = hourOfDay is >= 10 and < 20 ? 3.5 * Math.Sin(Math.PI * (hourOfDay - 10) / 10) * (1 + 0.08 * Math.Floor(hours / 24)) : 0;
                mean[i] = km;
                lower[i] = km * 0.5;
                upper[i] = km * 1.6;
            }

            series.Add(new SeriesSummary("highway_queue_km/export", "highway_queue_km", "km", "export", "", step, mean, lower, upper));
        }

        var served = new List<DailySummary>();
        for (int d = 0; d < days; d++)
        {
            var date = new LocalDate(2026, 6, 1).PlusDays(d);
            served.Add(new DailySummary(date, "export", 430 + 25 * Math.Sin(d), 14 + d % 3));
            served.Add(new DailySummary(date, "import", 720 + 30 * Math.Cos(d * 0.8), 18 + d % 4));
        }

        static IReadOnlyList<(double, double)> Cdf(double scaleHours) =>
            [.. Enumerable.Range(0, 101).Select(k => k / 100.0).Select(p => (p, p >= 1 ? scaleHours * 6 : -scaleHours * Math.Log(1 - p)))];

        MetricSummary M(string name, string unit, string direction, string cls, string stage, double mean, double hw) =>
            new(new MetricKey(name, unit, direction, cls, stage), 20, mean, hw * 2.3, hw, mean - 3 * hw, mean + 3 * hw);

        return new ExperimentResult(
            scenario,
            WarmUpHours: 24,
            WarmUpMethod: "fixed",
            Summary:
            [
                M("served_per_day", "trucks/day", "export", "all", "", 431.2, 9.8),
                M("served_per_day", "trucks/day", "import", "all", "", 722.9, 12.1),
                M("served_per_day", "trucks/day", "export", "fruit", "", 260.4, 7.7),
                M("wait_hours_mean", "h", "all", "fruit", "", 3.41, 0.22),
                M("wait_hours_p95", "h", "all", "fruit", "", 11.8, 0.9),
                M("wait_hours_mean", "h", "all", "general", "", 1.92, 0.11),
                M("wait_hours_p95", "h", "all", "general", "", 6.4, 0.5),
                M("wait_hours_max", "h", "all", "general", "", 19.4, 2.5),
                M("highway_queue_km_mean", "km", "export", "", "", 0.84, 0.07),
                M("highway_queue_km_max", "km", "export", "", "", 6.1, 0.6),
                M("in_system_at_end", "trucks", "import", "all", "", 812, 40),
                M("backlog_growth_trucks_per_day", "trucks/day", "import", "", "", 93.5, 12.2),
                M("utilisation", "share", "export", "", "vn_customs", 0.874, 0.012),
                M("utilisation_busy", "share", "export", "", "vn_customs", 0.437, 0.006),
                M("utilisation_blocked", "share", "export", "", "vn_customs", 0.25, 0.01),
                M("utilisation_held_back", "share", "export", "", "vn_customs", 0.03, 0.005),
                M("utilisation_idle", "share", "export", "", "vn_customs", 0.033, 0.01),
                M("utilisation_closed", "share", "export", "", "vn_customs", 0.25, 0),
                M("utilisation", "share", "import", "", "vn_import_customs", 0.613, 0.009),
            ],
            series,
            served,
            [new WaitDistribution("fruit", 2604, Cdf(2.8)), new WaitDistribution("general", 7229, Cdf(1.6)), new WaitDistribution("empty", 1802, Cdf(0.4))],
            Replications: [])
        {
            DirectionLoads =
            [
                new DirectionLoad("export", false, 0.4, 1.1, "vn_customs", []),
                new DirectionLoad("import", true, 93.5, 12.2, "vn_import_customs", ["demand 1053 trucks/day >= capacity 960 trucks/day at freight_road_1119", "trucks in the system grow by 93.5 ± 12.2 a day (95% interval over 20 replications)"]),
            ],
        };
    }
}
