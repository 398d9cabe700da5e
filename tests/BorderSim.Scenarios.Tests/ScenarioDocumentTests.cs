using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;

namespace BorderSim.Scenarios.Tests;

/// <summary>A scenario parsed once and loaded with each configuration's --set values in memory gives what reading the file gives.</summary>
public class ScenarioDocumentTests
{
    private static string Shipped(string name) => Path.Combine(RepositoryPaths.Scenarios, name);

    private static ScenarioOverride[] Sets(params string[] sets) => [.. sets.Select(ScenarioReader.ParseOverride)];

    /// <summary>Every metric's mean of one 3-day replication: equal scenarios give bit-identical values.</summary>
    private static double[] Means(ScenarioSpec spec) =>
        [.. ExperimentRunner.Run(spec, new RunOptions(Replications: 1, Days: 3, Threads: 1), null, null, CancellationToken.None).Summary.Select(m => m.Mean)];

    [TestCase("huu-nghi-6-lanes.yaml", "roads.freight_road_1119.lanes.import=4", "calendars.vn_gate.hours.mon-sun=06:00-22:00")]
    [TestCase("validation/mmc.yaml", "directions.inbound.stages.booth.servers=7")]
    [TestCase("lang-son-network.yaml")]
    public void Each_configuration_loaded_from_the_parsed_document_is_the_scenario_the_file_gives_with_the_same_hash(string file, params string[] sets)
    {
        ScenarioDocument document = ScenarioDocument.Open(Shipped(file));
        ScenarioLoadResult fromFile = ScenarioReader.Load(Shipped(file), Sets(sets));
        ScenarioLoadResult asWritten = document.Load([]);
        ScenarioLoadResult varied = document.Load(Sets(sets));
        ScenarioLoadResult again = document.Load([]);
        Assert.Multiple(() =>
        {
            Assert.That(document.IsParsed, Is.True);
            Assert.That(varied.Errors, Is.Empty);
            Assert.That(varied.ContentSha256, Is.EqualTo(fromFile.ContentSha256));
            Assert.That(varied.Scenario!.Overrides, Is.EqualTo(fromFile.Scenario!.Overrides));
            Assert.That(Means(varied.Scenario!), Is.EqualTo(Means(fromFile.Scenario!)), "the same numbers, bit for bit");
            Assert.That(again.ContentSha256, Is.EqualTo(asWritten.ContentSha256));
            Assert.That(Means(again.Scenario!), Is.EqualTo(Means(ScenarioReader.Load(Shipped(file)).Scenario!)), "a load leaves the parsed tree as written");
        });
    }

    [Test]
    public void A_configuration_whose_value_is_wrong_gets_the_errors_reading_the_file_gives()
    {
        ScenarioOverride[] sets = Sets("directions.inbound.stages.booth.servers=-1", "directions.inbound.nope=3");
        ScenarioLoadResult varied = ScenarioDocument.Open(Shipped("validation/mmc.yaml")).Load(sets);
        ScenarioLoadResult fromFile = ScenarioReader.Load(Shipped("validation/mmc.yaml"), sets);
        Assert.Multiple(() =>
        {
            Assert.That(varied.IsValid, Is.False);
            Assert.That(varied.Errors.Select(e => e.ToString()), Is.EqualTo(fromFile.Errors.Select(e => e.ToString())));
        });
    }

    [Test]
    public void A_file_that_cannot_be_read_is_reported_by_each_load_as_reading_it_would()
    {
        string missing = Path.Combine(RepositoryPaths.Scenarios, "no-such-scenario.yaml");
        ScenarioDocument document = ScenarioDocument.Open(missing);
        Assert.Multiple(() =>
        {
            Assert.That(document.IsParsed, Is.False);
            Assert.That(document.Load([]).Errors.Select(e => e.ToString()), Is.EqualTo(ScenarioReader.Load(missing).Errors.Select(e => e.ToString())));
        });
    }
}
