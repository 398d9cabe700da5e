using NodaTime;

namespace BorderSim.Scenarios.Tests;

/// <summary>Arrivals that follow an observed daily series (trucks_per_day: { from, series }); its errors are in Broken/arrivals-series-*.</summary>
public class ArrivalSeriesTests
{
    private static string Scenario => Path.Combine(RepositoryPaths.Root, "tests", "BorderSim.Scenarios.Tests", "Series", "arrivals-from-counts.yaml");

    [Test]
    public void The_series_rows_become_the_daily_counts_and_their_mean_over_the_run_the_rate()
    {
        var result = ScenarioReader.Load(Scenario);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        var arrivals = result.Scenario!.Directions.Single().Arrivals;

        // Rows of arrived_export only (not 'other'); 31 May is outside the run but read. Mean over 1-3 June: (120 + 240 + 0) / 3.
        Assert.That(arrivals.DailyTrucks, Is.EquivalentTo(new Dictionary<LocalDate, double>
        {
            [new LocalDate(2026, 5, 31)] = 999,
            [new LocalDate(2026, 6, 1)] = 120,
            [new LocalDate(2026, 6, 2)] = 240,
            [new LocalDate(2026, 6, 3)] = 0,
        }));
        Assert.That(arrivals.TrucksPerDay, Is.EqualTo(120));
        Assert.That(arrivals.TrucksOn(new LocalDate(2026, 6, 2)), Is.EqualTo(240));
        Assert.That(arrivals.TrucksOn(new LocalDate(2026, 6, 4)), Is.EqualTo(120), "a day after the series takes the mean");
        Assert.That(arrivals.DailySeriesSource, Is.EqualTo("arrivals-from-counts.csv, series arrived_export"));

        // The hourly profile and the class mix are still the scenario's.
        Assert.That(arrivals.HourlyProfile.Sum(), Is.EqualTo(12));
        Assert.That(arrivals.ClassMix["fruit"], Is.EqualTo(0.25));
    }

    [Test]
    public void Read_without_a_file_leaves_the_rate_at_zero_until_the_series_is_loaded()
    {
        var result = ScenarioReader.Read(new StringReader(File.ReadAllText(Scenario)), "x.yaml");
        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Scenario!.Directions.Single().Arrivals.TrucksPerDay, Is.Zero);
        Assert.That(result.Scenario.Directions.Single().Arrivals.DailyTrucks, Is.Null);
    }
}
