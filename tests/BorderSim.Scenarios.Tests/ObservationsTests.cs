using BorderSim.Model.Spec;

namespace BorderSim.Scenarios.Tests;

/// <summary>A scenario's observations: [file.csv], read at the edge against the scenario (errors are in Broken/observations-*).</summary>
public class ObservationsTests
{
    private static string Shipped => Path.Combine(RepositoryPaths.Scenarios, "lang-son-network.yaml");

    [Test]
    public void The_shipped_network_of_22_August_2024_has_the_ten_published_figures()
    {
        var result = ScenarioReader.Load(Shipped);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        var observations = result.Scenario!.Observations;
        Assert.That(observations.Select(o => o.Value), Is.EqualTo(new double[] { 1243, 328, 915, 784, 220, 564, 347, 103, 9, 369 }));
        Assert.That(observations.Take(9).Select(o => o.Kind), Is.All.EqualTo(ObservationKind.ClearedPerDay));
        var waiting = observations[9];
        Assert.That(waiting.Kind, Is.EqualTo(ObservationKind.WaitingTrucks));
        Assert.That(waiting.Time, Is.EqualTo(new NodaTime.LocalDateTime(2024, 8, 22, 20, 0)));
        Assert.That(waiting.Directions, Is.EquivalentTo(new[] { "hn_export", "tt_export", "cm_export", "cn_export" }));
        Assert.That(observations.Select(o => o.Source), Is.All.Contains("https://vietnam.vn/"));
    }

    [Test]
    public void The_shipped_network_runs_three_days_to_the_day_observed_from_a_standing_export_backlog()
    {
        var network = ScenarioReader.Load(Shipped).Scenario!;
        Assert.That(network.Start, Is.EqualTo(new NodaTime.LocalDateTime(2024, 8, 20, 0, 0)));
        Assert.That(network.Start.Date.PlusDays(network.Days - 1), Is.EqualTo(new NodaTime.LocalDate(2024, 8, 22)));
        Assert.That(network.Observations.Select(o => o.Time.Date), Is.All.EqualTo(new NodaTime.LocalDate(2024, 8, 22)));
        var text = File.ReadAllText(Shipped);
        Assert.That(text, Does.Contain("trucks: 346, age"), "the fitted backlog is the value in force");
        Assert.That(text, Does.Contain("fitted 346,"), "and the header states it");
    }

    [Test]
    public void Read_without_a_file_leaves_the_observations_unread_and_names_them()
    {
        var text = File.ReadAllText(Shipped);
        var result = ScenarioReader.Read(new StringReader(text), "x.yaml");
        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Scenario!.Observations, Is.Empty);
        Assert.That(result.ObservationFiles.Single().Path, Is.EqualTo("lang-son-network-observations.csv"));
    }

    [Test]
    public void A_snapshot_in_another_zone_is_converted_to_the_scenario_zone()
    {
        var scenario = ScenarioReader.Load(Shipped).Scenario!;
        var csv = "series,kind,date,local_time,time_zone,direction,class,value,unit,source\n"
                  + "w,waiting_trucks,2024-08-22,21:00,Asia/Shanghai,hn_export,,10,trucks,test\n";
        var errors = new List<ScenarioError>();
        var observations = ObservationsCsv.Read(new StringReader(csv), "c.csv", scenario, errors);
        Assert.That(errors, Is.Empty);
        Assert.That(observations.Single().Time, Is.EqualTo(new NodaTime.LocalDateTime(2024, 8, 22, 20, 0)));
    }
}
