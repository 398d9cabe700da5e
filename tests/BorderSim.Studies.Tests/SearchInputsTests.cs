using BorderSim.Model.Experiments;
using BorderSim.Scenarios;
using BorderSim.Scenarios.Tests;

namespace BorderSim.Studies.Tests;

/// <summary>What capacity, optimize and calibrate start from: targets and --shard parsed against the scenario, mistakes collected.</summary>
public class SearchInputsTests
{
    private static string MMc => Path.Combine(RepositoryPaths.Scenarios, "validation", "mmc.yaml");

    private static SearchInputs Inputs() => new(MMc, [], ScenarioReader.Load(MMc, []), DateTimeOffset.UnixEpoch);

    [Test]
    public void A_target_on_a_metric_the_scenario_reports_is_parsed_with_its_bound_and_direction()
    {
        SearchInputs inputs = Inputs();
        inputs.ParseTargets(["wait_hours_mean/inbound/all<=0.2", "served_per_day/inbound/all>=400"]);
        Assert.Multiple(() =>
        {
            Assert.That(inputs.Errors, Is.Empty);
            Assert.That(inputs.Targets, Is.EqualTo(new[]
            {
                new Target("wait_hours_mean/inbound/all", IsAtMost: true, 0.2),
                new Target("served_per_day/inbound/all", IsAtMost: false, 400),
            }));
            Assert.That(inputs.KeyOf("wait_hours_mean/inbound/all").Id, Is.EqualTo("wait_hours_mean/inbound/all"));
        });
    }

    [Test]
    public void Every_mistake_is_collected_together_a_metric_of_a_direction_the_scenario_lacks_and_a_shard_beyond_its_count()
    {
        SearchInputs inputs = Inputs();
        inputs.ParseTargets(["wait_hours_mean/export/all<=0.2", "wait_hours_mean/inbound/all<=0.2"]);
        inputs.ParseShard("3/2");
        Assert.Multiple(() =>
        {
            Assert.That(inputs.Errors, Has.Count.EqualTo(2));
            Assert.That(inputs.Errors[0], Does.Contain("wait_hours_mean/export/all"));
            Assert.That(inputs.Targets, Has.Count.EqualTo(1), "the good target is kept");
            Assert.That(inputs.Shard, Is.Null);
        });
    }

    [Test]
    public void A_shard_k_of_n_is_parsed_and_no_shard_means_every_run()
    {
        SearchInputs sharded = Inputs();
        sharded.ParseShard("2/3");
        SearchInputs whole = Inputs();
        whole.ParseShard(null);
        Assert.Multiple(() =>
        {
            Assert.That(sharded.Errors, Is.Empty);
            Assert.That((sharded.Shard!.Value.Index, sharded.Shard!.Value.Count), Is.EqualTo((2, 3)));
            Assert.That(whole.Shard, Is.Null);
        });
    }

    [Test]
    public void An_invalid_scenario_cannot_start_a_search()
    {
        ScenarioLoadResult broken = ScenarioReader.Load(MMc, [new ScenarioOverride("directions.inbound.stages.booth.servers", "-1")]);
        Assert.That(() => new SearchInputs(MMc, [], broken, DateTimeOffset.UnixEpoch), Throws.ArgumentException);
    }
}
