using BorderSim.Model.Experiments;
using BorderSim.Reporting;
using BorderSim.Scenarios.Tests;

namespace BorderSim.Studies.Tests;

/// <summary>The rounds of capacity and optimize, run in-process on a plain folder (no command line, no process).</summary>
public class SearchRunnerTests
{
    private const string Servers = "directions.inbound.stages.booth.servers";

    private static string MMc => Path.Combine(RepositoryPaths.Scenarios, "validation", "mmc.yaml");

    private static readonly RunOptions TwoDays = new(Days: 2, Threads: 2);

    private static SearchConfig ServersAt(int servers) => new([(Servers, servers.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    private static List<SearchRun> Round(SearchRunner runner, params int[] servers)
    {
        var errors = new List<string>();
        foreach (int c in servers)
        {
            Assert.That(runner.Scenario(ServersAt(c), errors), Is.Not.Null, string.Join("\n", errors));
        }

        return [.. servers.SelectMany(c => Enumerable.Range(0, 2).Select(r => new SearchRun(ServersAt(c), r)))];
    }

    [Test]
    public void A_round_runs_every_configuration_s_replications_writes_their_parts_and_a_rerun_reads_them_back_unchanged()
    {
        using var folder = new TemporaryStudyFolder();
        var said = new List<string>();
        var first = new SearchRunner(MMc, [], TwoDays, [Servers], folder, said.Add, null, CancellationToken.None);
        List<SearchRun> round = Round(first, 6, 7);
        Assert.That(first.RunRound(1, round), Is.EqualTo(RoundStatus.Done));

        var second = new SearchRunner(MMc, [], TwoDays, [Servers], folder, _ => { }, null, CancellationToken.None);
        Assert.That(second.RunRound(1, Round(second, 6, 7)), Is.EqualTo(RoundStatus.Done));
        Assert.Multiple(() =>
        {
            Assert.That((first.RunsRun, first.RunsResumed), Is.EqualTo((4, 0)));
            Assert.That((second.RunsRun, second.RunsResumed), Is.EqualTo((0, 4)));
            Assert.That(Directory.GetFiles(Path.Combine(folder.Directory, BatchCsv.PartsDirectory), "*.csv"), Has.Length.EqualTo(4));
            Assert.That(File.ReadAllLines(Path.Combine(folder.Directory, BatchCsv.RunListFileName))[0], Does.EndWith($"sweep:{Servers},sweep:{SearchRunner.ReplicationColumn}"));
            Assert.That(said, Has.Some.StartsWith("round 1: 4 runs (2 configurations x replications), 0 already done, 4 to run on 2 threads"));
            foreach (SearchRun run in round)
            {
                // A part keeps the mean to 17 significant digits ("R"): read back, it is the same double.
                Assert.That(second.ValuesOf(run)["wait_hours_mean/inbound/all"], Is.EqualTo(first.ValuesOf(run)["wait_hours_mean/inbound/all"]), run.ToString());
            }
        });
    }

    [Test]
    public void The_throughput_line_counts_the_replications_run_here_and_the_efficiency_is_a_share_of_the_threads_time()
    {
        // No timing is asserted (the machine is shared): only what the figures are made of.
        using var folder = new TemporaryStudyFolder();
        var runner = new SearchRunner(MMc, [], TwoDays, [Servers], folder, _ => { }, null, CancellationToken.None);
        Assert.That(runner.ThroughputLine(), Is.Null, "nothing ran yet");
        Assert.That(runner.RunRound(1, Round(runner, 6, 7)), Is.EqualTo(RoundStatus.Done));
        Assert.Multiple(() =>
        {
            Assert.That(runner.RunsRun, Is.EqualTo(4));
            Assert.That(runner.ReplicationsPerSecond, Is.EqualTo(4 / runner.RunSeconds).Within(1e-9));
            Assert.That(runner.BusySeconds, Is.GreaterThan(0).And.LessThanOrEqualTo(runner.RunSeconds * 2 * 1.01));
            Assert.That(runner.ParallelEfficiency, Is.GreaterThan(0).And.LessThanOrEqualTo(1));
            Assert.That(runner.ThroughputLine(), Does.StartWith("ran 4 replications in ").And.Contain(" on 2 threads: ").And.Contain("replications/s, parallel efficiency "));
        });
    }

    [Test]
    public void Replication_r_of_every_configuration_runs_on_the_same_random_numbers_so_more_servers_never_wait_longer_in_it()
    {
        using var folder = new TemporaryStudyFolder();
        var runner = new SearchRunner(MMc, [], TwoDays, [Servers], folder, _ => { }, null, CancellationToken.None);
        Assert.That(runner.RunRound(1, Round(runner, 6, 8)), Is.EqualTo(RoundStatus.Done));
        Assert.Multiple(() =>
        {
            for (int r = 0; r < 2; r++)
            {
                // Same arrivals and service times (common random numbers): a truck never waits longer with more booths.
                double six = runner.ValuesOf(new SearchRun(ServersAt(6), r))["wait_hours_mean/inbound/all"];
                double eight = runner.ValuesOf(new SearchRun(ServersAt(8), r))["wait_hours_mean/inbound/all"];
                Assert.That(eight, Is.LessThanOrEqualTo(six), $"replication {r}");
            }
        });
    }

    [Test]
    public void Shard_1_of_2_runs_every_other_run_and_says_the_round_needs_the_other_shard()
    {
        using var folder = new TemporaryStudyFolder();
        var said = new List<string>();
        var runner = new SearchRunner(MMc, [], TwoDays, [Servers], folder, said.Add, new Shard(1, 2), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(runner.RunRound(1, Round(runner, 6, 7)), Is.EqualTo(RoundStatus.OtherShardsMissing));
            Assert.That(runner.RunsRun, Is.EqualTo(2));
            Assert.That(said, Has.Some.StartsWith("shard 1/2: round 1 done for this shard; the search needs the 2 runs of the other shards"));
            Assert.That(runner.RunInfos().Select(i => i.Status), Is.EqualTo(new[] { "ok", "not-run", "ok", "not-run" }));
        });
    }

    [Test]
    public void A_configuration_that_does_not_load_is_an_error_naming_it_and_nothing_runs()
    {
        using var folder = new TemporaryStudyFolder();
        var runner = new SearchRunner(MMc, [], TwoDays, [Servers], folder, _ => { }, null, CancellationToken.None);
        var errors = new List<string>();
        Assert.Multiple(() =>
        {
            Assert.That(runner.Scenario(new SearchConfig([(Servers, "many")]), errors), Is.Null);
            Assert.That(errors, Has.Count.EqualTo(1).And.Some.EndsWith($"({Servers}=many)"));
            Assert.That(runner.RunsRun, Is.Zero);
        });
    }

    [Test]
    public void A_cancelled_round_is_interrupted_and_says_how_to_resume()
    {
        using var folder = new TemporaryStudyFolder();
        using var cancelled = new CancellationTokenSource();
        var said = new List<string>();
        var runner = new SearchRunner(MMc, [], TwoDays, [Servers], folder, said.Add, null, cancelled.Token);
        List<SearchRun> round = Round(runner, 6);
        cancelled.Cancel();
        Assert.Multiple(() =>
        {
            Assert.That(runner.RunRound(1, round), Is.EqualTo(RoundStatus.Interrupted));
            Assert.That(said, Has.Some.StartsWith("interrupted: 0 runs of round 1 finished").And.Some.EndsWith("run the same command again to resume"));
        });
    }
}
