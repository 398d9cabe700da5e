using BorderSim.Model.Experiments;
using BorderSim.Scenarios;
using BorderSim.Scenarios.Tests;

namespace BorderSim.Studies.Tests;

public class BatchPlanTests
{
    private static string MMc => Path.Combine(RepositoryPaths.Scenarios, "validation", "mmc.yaml");

    private static string MD1 => Path.Combine(RepositoryPaths.Scenarios, "validation", "md1.yaml");

    [Test]
    public void A_run_s_key_is_the_SHA_256_of_content_seed_replications_days_and_version_one_a_line()
    {
        // printf 'abc\n7\n3\n2\n0.1.0' | sha256sum
        Assert.That(BatchPlan.Key("abc", 7, 3, 2, "0.1.0"), Is.EqualTo("ea3b3e6035caf47fba80dbfe3268b527bc572da81e832027685b7117a3c73aec"));
    }

    [Test]
    public void A_search_run_from_a_later_replication_adds_it_to_the_version_line_and_from_replication_0_keeps_the_batch_key()
    {
        // printf 'abc\n7\n1\n2\n0.1.0\nfirst-replication=4' | sha256sum
        Assert.Multiple(() =>
        {
            Assert.That(BatchPlan.Key("abc", 7, 1, 2, "0.1.0", 4), Is.EqualTo("c523486d892cffb55152ad67313e84552a6adbf89d64f14ea0a34cdb66399133"));
            Assert.That(BatchPlan.Key("abc", 7, 3, 2, "0.1.0", 0), Is.EqualTo(BatchPlan.Key("abc", 7, 3, 2, "0.1.0")));
        });
    }

    [Test]
    public void Two_files_by_a_sweep_of_two_values_plan_four_runs_file_by_file_with_their_own_keys()
    {
        IReadOnlyList<PlannedRun> plan = BatchPlan.Build(
            [MD1, MMc], [new Sweep("days", ["3", "4"])], [], new RunOptions(Replications: 2), "test-version");
        Assert.Multiple(() =>
        {
            Assert.That(plan.Select(p => p.Entry.Run), Is.EqualTo(new[] { 1, 2, 3, 4 }));
            Assert.That(plan.Select(p => p.Entry.ScenarioFile), Is.EqualTo(new[] { MD1, MD1, MMc, MMc }));
            Assert.That(plan.Select(p => p.Entry.SweepValues[0]), Is.EqualTo(new[] { "3", "4", "3", "4" }));
            Assert.That(plan.Select(p => p.Entry.Days), Is.EqualTo(new int?[] { 3, 4, 3, 4 }));
            Assert.That(plan.Select(p => p.Entry.Replications), Is.All.EqualTo(2));
            Assert.That(plan.Select(p => p.Entry.Key).Distinct().Count(), Is.EqualTo(4));
            Assert.That(plan.Select(p => p.Errors), Is.All.Empty);
            Assert.That(plan[3].Label(["days"]), Is.EqualTo(MMc + " days=4"));
        });
    }

    [Test]
    public void The_same_file_and_settings_plan_the_same_key_and_another_version_another()
    {
        PlannedRun once = BatchPlan.Build([MMc], [], [], new RunOptions(Days: 2), "v1")[0];
        PlannedRun again = BatchPlan.Build([MMc], [], [], new RunOptions(Days: 2), "v1")[0];
        PlannedRun later = BatchPlan.Build([MMc], [], [], new RunOptions(Days: 2), "v2")[0];
        Assert.Multiple(() =>
        {
            Assert.That(again.Entry.Key, Is.EqualTo(once.Entry.Key));
            Assert.That(later.Entry.Key, Is.Not.EqualTo(once.Entry.Key));
            Assert.That(once.Entry.Key, Is.EqualTo(BatchPlan.Key(once.Entry.ScenarioSha256, 1001, 10, 2, "v1")), "mmc.yaml: seed 1001, 10 replications");
        });
    }

    [Test]
    public void An_invalid_override_is_a_planned_run_with_its_errors_and_no_key_and_the_others_still_plan()
    {
        IReadOnlyList<PlannedRun> plan = BatchPlan.Build(
            [MMc], [new Sweep("directions.inbound.arrivals.trucks_per_day", ["480", "lots"])], [], new RunOptions(Days: 2), "v1");
        Assert.Multiple(() =>
        {
            Assert.That(plan[0].Errors, Is.Empty);
            Assert.That(plan[0].Scenario, Is.Not.Null);
            Assert.That(plan[1].Entry.IsValid, Is.False);
            Assert.That(plan[1].Entry.Key, Is.Empty);
            Assert.That(plan[1].Scenario, Is.Null);
            Assert.That(plan[1].Errors, Has.Some.Contains("trucks_per_day"));
        });
    }

    [Test]
    public void Planning_stops_between_two_runs_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.That(() => BatchPlan.Build([MMc], [], [], new RunOptions(), "v1", cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void A_scenario_override_is_kept_as_text_on_every_run()
    {
        PlannedRun run = BatchPlan.Build([MMc], [], [new ScenarioOverride("days", "2")], new RunOptions(), "v1")[0];
        Assert.That(run.Overrides, Is.EqualTo(new[] { "days=2" }));
    }
}
