using BorderSim.Engine.Randomness;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>The model's 95 % prediction band against observations, on hand-made replications (exact arithmetic).</summary>
public class ObservationComparisonTests
{
    private static readonly LocalDate Day = new(2026, 6, 2);

    private static ScenarioSpec Scenario(IReadOnlyList<ObservationSpec> observations) =>
        SpecBuilder.Scenario(
            [
                new DirectionSpec("export", SpecBuilder.Flat(24), [SpecBuilder.Check("booth", 1, new Deterministic(0.1))]),
                new DirectionSpec("import", SpecBuilder.Flat(24), [SpecBuilder.Check("booth", 1, new Deterministic(0.1))]),
            ],
            days: 3,
            warmUpHours: 0,
            classes: [SpecBuilder.General(0.5), new CargoClassSpec("fruit", 0.5, null, 20, 6, null)]) with
        { Observations = observations };

    private static ObservationSpec Cleared(string series, double value, IReadOnlyList<string>? directions = null, IReadOnlyList<string>? classes = null) =>
        new(series, ObservationKind.ClearedPerDay, Day.AtMidnight(), directions ?? [], classes ?? [], value, "test");

    private static ObservationSpec Waiting(string series, int hour, int minute, double value) =>
        new(series, ObservationKind.WaitingTrucks, Day.At(new LocalTime(hour, minute)), ["export"], [], value, "test");

    /// <summary>Replication r serves export general 10 + 2r, export fruit 5, import general 100 on <see cref="Day"/>; its in_system series is sample index × (r + 1).</summary>
    private static ReplicationResult Replication(int r, double stepHours = 0.25)
    {
        var samples = (int)(72 / stepHours) + 1;
        var inSystem = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            inSystem[i] = i * (r + 1);
        }

        DayRecord Record(LocalDate date, string direction, string cargoClass, int served) => new(date, direction, cargoClass, served + 1, served, 0, 0, 0, false);
        return new ReplicationResult(r, 0, [], new TimeSeriesSet(stepHours, [new NamedSeries("in_system_trucks", "trucks", "export", "", inSystem)]), [], new Dictionary<string, Engine.Statistics.QuantileSketch>())
        {
            Days =
            [
                Record(Day.PlusDays(-1), "export", "general", 999),
                Record(Day, "export", "general", 10 + (2 * r)),
                Record(Day, "export", "fruit", 5),
                Record(Day, "import", "general", 100),
            ],
        };
    }

    private static ExperimentResult Result(ScenarioSpec scenario, int replications) =>
        new(scenario, 0, "given", [], [], [], [], [.. Enumerable.Range(0, replications).Select(r => Replication(r))]);

    [Test]
    public void The_band_of_five_values_is_the_t_prediction_interval_for_one_more_replication()
    {
        // 10, 12, 14, 16, 18: mean 14, s = √10; t(0.975, 4) = 2.776445; half-width 2.776445 · √10 · √1.2 = 9.617888.
        var (mean, low, high) = ObservationComparison.PredictionBand95([10, 12, 14, 16, 18]);
        Assert.That(mean, Is.EqualTo(14).Within(1e-12));
        Assert.That(low, Is.EqualTo(14 - 9.617888).Within(1e-6));
        Assert.That(high, Is.EqualTo(14 + 9.617888).Within(1e-6));
    }

    [Test]
    public void The_band_does_not_go_below_zero_and_one_replication_has_no_band()
    {
        Assert.That(ObservationComparison.PredictionBand95([0, 0, 0, 1]).Low, Is.EqualTo(0));
        var (mean, low, high) = ObservationComparison.PredictionBand95([7]);
        Assert.That(mean, Is.EqualTo(7));
        Assert.That(low, Is.NaN);
        Assert.That(high, Is.NaN);
    }

    [Test]
    public void A_daily_count_sums_the_named_directions_and_classes_on_its_own_day()
    {
        var scenario = Scenario([]);
        var replication = Replication(1);
        Assert.Multiple(() =>
        {
            Assert.That(ObservationComparison.ModelValue(scenario, replication, Cleared("all", 0)), Is.EqualTo(12 + 5 + 100));
            Assert.That(ObservationComparison.ModelValue(scenario, replication, Cleared("export", 0, ["export"])), Is.EqualTo(17));
            Assert.That(ObservationComparison.ModelValue(scenario, replication, Cleared("export fruit", 0, ["export"], ["fruit"])), Is.EqualTo(5));
            Assert.That(ObservationComparison.ModelValue(scenario, replication, Cleared("both general", 0, ["export", "import"], ["general"])), Is.EqualTo(112));
            var arrived = Cleared("arrived", 0, ["import"]) with { Kind = ObservationKind.ArrivedPerDay };
            Assert.That(ObservationComparison.ModelValue(scenario, replication, arrived), Is.EqualTo(101));
        });
    }

    [Test]
    public void A_snapshot_reads_the_last_sample_at_or_before_its_time()
    {
        // Day 2 at 20:00 is 44 h after the start: sample 176 of a 15-min step; 20:10 still reads sample 176, 20:15 reads 177.
        var scenario = Scenario([]);
        var replication = Replication(0);
        Assert.Multiple(() =>
        {
            Assert.That(ObservationComparison.ModelValue(scenario, replication, Waiting("w", 20, 0, 0)), Is.EqualTo(176));
            Assert.That(ObservationComparison.ModelValue(scenario, replication, Waiting("w", 20, 10, 0)), Is.EqualTo(176));
            Assert.That(ObservationComparison.ModelValue(scenario, replication, Waiting("w", 20, 15, 0)), Is.EqualTo(177));
        });
    }

    [Test]
    public void Observations_in_the_band_are_counted_and_the_error_is_the_mean_of_the_absolute_percentages()
    {
        // Export general over 5 replications: 10, 12, 14, 16, 18 → band 4.38–23.62. Import general: 100 every time → band 100–100.
        var scenario = Scenario(
        [
            Cleared("export general inside", 20, ["export"], ["general"]),
            Cleared("export general outside", 28, ["export"], ["general"]),
            Cleared("import on the mean", 100, ["import"]),
            Cleared("import just off", 125, ["import"]),
        ]);
        var comparison = ObservationComparison.Compare(Result(scenario, 5));
        Assert.That(comparison.Points.Select(p => p.IsInBand), Is.EqualTo(new[] { true, false, true, false }));
        Assert.That(comparison.InBand, Is.EqualTo(2));

        // |20−14|/20 = 0.3, |28−14|/28 = 0.5, 0, |125−100|/125 = 0.2: mean 0.25.
        Assert.That(comparison.MeanAbsolutePercentageError, Is.EqualTo(0.25).Within(1e-12));
    }

    [Test]
    public void An_observation_outside_the_run_is_listed_apart_not_compared()
    {
        var late = Cleared("late", 10) with { Time = new LocalDateTime(2026, 6, 9, 0, 0) };
        var comparison = ObservationComparison.Compare(Result(Scenario([Cleared("on time", 117), late]), 3));
        Assert.That(comparison.Points.Select(p => p.Observation.Series), Is.EqualTo(new[] { "on time" }));
        Assert.That(comparison.OutsideRun, Is.EqualTo(new[] { late }));
    }
}
