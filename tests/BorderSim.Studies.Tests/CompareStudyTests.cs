using BorderSim.Model.Experiments;
using BorderSim.Reporting;
using BorderSim.Scenarios;
using BorderSim.Scenarios.Tests;

namespace BorderSim.Studies.Tests;

/// <summary>
/// The comparison run in-process, as the compare verb runs it, on the M/M/6 validation scenario (moved here from the
/// command's tests: the same study, without a process).
/// </summary>
public class CompareStudyTests
{
    private static readonly RunOptions Short = new(Replications: 3, Days: 2, Threads: 2);

    private static string MMc => Path.Combine(RepositoryPaths.Scenarios, "validation", "mmc.yaml");

    private static ScenarioLoadResult Load(params string[] sets) =>
        ScenarioReader.Load(MMc, [.. sets.Select(s => new ScenarioOverride(s[..s.IndexOf('=', StringComparison.Ordinal)], s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..]))]);

    private static CompareStudy Prepare(RunOptions options, params ScenarioLoadResult[] loaded)
    {
        CompareStudy? study = CompareStudy.Prepare([.. loaded.Select(_ => MMc)], [], loaded, options, ReportLanguage.English, out string? error);
        Assert.That(error, Is.Null);
        return study!;
    }

    [Test]
    public void Identical_scenarios_on_common_random_numbers_differ_by_exactly_zero_and_are_told_apart_by_position_and_file()
    {
        CompareStudy study = Prepare(Short, Load(), Load());
        ComparisonResult result = study.Run(Short, commonRandomNumbers: true, null, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(study.Scenarios.Select(s => s.Name), Is.EqualTo(new[] { "M/M/6 validation [1: mmc.yaml]", "M/M/6 validation [2: mmc.yaml]" }));
            Assert.That(result.Differences, Is.Not.Empty);
            foreach (MetricDifference d in result.Differences)
            {
                Assert.That((d.Difference, d.HalfWidth, d.IsSignificant), Is.EqualTo((0.0, 0.0, false)), d.Key.Id);
            }
        });
    }

    [Test]
    public void Independent_streams_make_identical_scenarios_differ_by_noise()
    {
        CompareStudy study = Prepare(Short, Load(), Load());
        ComparisonResult result = study.Run(Short, commonRandomNumbers: false, null, CancellationToken.None);
        Assert.That(result.Differences.Count(d => d.Difference != 0), Is.GreaterThan(result.Differences.Count / 2));
    }

    [Test]
    public void A_seventh_booth_shortens_the_wait_significantly_on_four_pairs()
    {
        // Erlang C (Kleinrock vol. 1 eq. 3.39), 20 trucks/h at 4/h a booth: Wq = 0.147 h with 6 booths, 0.041 h with 7.
        // A fall of about 0.11 h; common random numbers keep the paired half-width of 4 pairs well below that.
        var options = new RunOptions(Replications: 4, Days: 4, Threads: 2);
        CompareStudy study = Prepare(options, Load(), Load("directions.inbound.stages.booth.servers=7"));
        ComparisonResult result = study.Run(options, commonRandomNumbers: true, null, CancellationToken.None);
        MetricDifference wait = result.Differences.Single(d => d.Key.Id == "wait_hours_mean/inbound/all");
        Assert.Multiple(() =>
        {
            Assert.That(wait.Difference, Is.LessThan(0));
            Assert.That(wait.IsSignificant, Is.True);
        });
    }

    [Test]
    public void An_invalid_scenario_stops_the_comparison_before_anything_runs()
    {
        ScenarioLoadResult broken = Load("directions.inbound.stages.booth.servers=-1");
        CompareStudy? study = CompareStudy.Prepare([MMc, MMc], [], [Load(), broken], Short, ReportLanguage.English, out string? error);
        Assert.Multiple(() =>
        {
            Assert.That(broken.IsValid, Is.False, "-1 servers is not a scenario");
            Assert.That(study, Is.Null);
            Assert.That(error, Is.EqualTo("1 of 2 scenarios invalid; nothing was run"));
        });
    }

    [Test]
    public void An_alternative_whose_warm_up_does_not_fit_the_base_days_is_named_by_the_base_file_before_anything_runs()
    {
        CompareStudy? study = CompareStudy.Prepare([MMc, MMc], [], [Load(), Load("warm_up=5d")], Short, ReportLanguage.English, out string? error);
        Assert.Multiple(() =>
        {
            Assert.That(study, Is.Null);
            Assert.That(error, Does.StartWith(MMc + ": "));
            Assert.That(error, Does.Not.Contain("Parameter"), "the user's message, not the framework's");
        });
    }

    [Test]
    public void Without_plots_report_or_workbook_a_comparison_writes_its_csv_and_one_summary_per_scenario_in_command_line_order()
    {
        CompareStudy study = Prepare(Short, Load(), Load("directions.inbound.stages.booth.servers=7"));
        ComparisonResult result = study.Run(Short, commonRandomNumbers: true, null, CancellationToken.None);
        using var folder = new TemporaryStudyFolder();
        var provenance = Provenance.Start(["compare"], DateTimeOffset.UnixEpoch);
        study.Write(folder, result, new CompareFiles(Plots: false, Report: false, Workbook: false, ReportLanguage.English), provenance, threads: 2);
        ExperimentInfo info = study.Info(result, commonRandomNumbers: true, provenance, threads: 2, folder.Written);
        Assert.Multiple(() =>
        {
            Assert.That(folder.Written, Is.EqualTo(new[] { "comparison.csv", "summary-1-mmc.csv", "summary-2-mmc.csv" }));
            Assert.That(info.Scenarios.Select(s => s.Replications), Is.EqualTo(new int?[] { 3, 3 }));
            Assert.That(info.Settings["common_random_numbers"], Is.EqualTo("true"));
            Assert.That(info.Settings["confidence"], Is.EqualTo("0.95"), "two scenarios: one comparison at the family level");
        });
    }
}
