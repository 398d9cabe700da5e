using BorderSim.Reporting;
using BorderSim.Reporting.Html;

namespace BorderSim.Studies.Tests;

public class ProvenanceTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 5, 13, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_command_s_provenance_is_the_one_version_and_its_arguments_after_bordersim()
    {
        Provenance provenance = Provenance.Start(["run", "a.yaml", "--days", "2"], Started);
        Assert.Multiple(() =>
        {
            Assert.That(provenance.Version, Is.EqualTo(StudyVersion.Current));
            Assert.That(provenance.CommandLine, Is.EqualTo(new[] { "bordersim", "run", "a.yaml", "--days", "2" }));
            Assert.That(provenance.StartedUtc, Is.EqualTo(Started));
        });
    }

    [Test]
    public void The_version_is_the_build_s_informational_version_with_its_commit()
    {
        // Directory.Build.props sets 0.1.0; the SDK appends "+<commit>" in a git checkout.
        Assert.That(StudyVersion.Current, Does.StartWith("0.1.0"));
    }

    [Test]
    public void Run_json_and_the_report_carry_the_same_version_command_line_and_start_and_finish_after_it()
    {
        Provenance provenance = Provenance.Start(["compare", "a.yaml", "b.yaml"], Started);
        var settings = new Dictionary<string, string> { ["threads"] = "2" };
        ExperimentInfo info = provenance.Info("compare", settings, [], ["summary.csv"]);
        ReportProvenance report = provenance.Report([], threads: 2);
        RunInfo run = provenance.Run("a.yaml", "sha", "A", [], 7, 3, 2, 4, 24, "fixed", ["summary.csv"]);
        Assert.Multiple(() =>
        {
            Assert.That(info.Version, Is.EqualTo(provenance.Version));
            Assert.That(info.Verb, Is.EqualTo("compare"));
            Assert.That(info.CommandLine, Is.EqualTo(provenance.CommandLine));
            Assert.That(info.Settings, Is.SameAs(settings));
            Assert.That(info.Outputs, Is.EqualTo(new[] { "summary.csv" }));
            Assert.That(info.StartedUtc, Is.EqualTo(Started));
            Assert.That(info.FinishedUtc, Is.GreaterThan(Started));
            Assert.That(report.Version, Is.EqualTo(provenance.Version));
            Assert.That(report.CommandLine, Is.EqualTo(provenance.CommandLine));
            Assert.That(report.Threads, Is.EqualTo(2));
            Assert.That(report.StartedUtc, Is.EqualTo(Started));
            Assert.That(run.Version, Is.EqualTo(provenance.Version));
            Assert.That(run.CommandLine, Is.EqualTo(provenance.CommandLine));
            Assert.That((run.Seed, run.Replications, run.Threads, run.Days, run.WarmUpHours), Is.EqualTo((7UL, 3, 2, 4, 24.0)));
            Assert.That(run.StartedUtc, Is.EqualTo(Started));
        });
    }
}
