namespace BorderSim.Cli.Tests;

/// <summary>
/// batch, capacity, optimize and compare say before they run, with file:line:col, when a dated event lies outside the
/// run's dates, as run and validate do (DatedEntry.WarningsFor; its boundaries are tested in the Scenarios tests), once
/// a line, in English or Vietnamese. A warning: the exit code is unchanged.
/// </summary>
public class DatedEntryNoticeTests : ScenarioFileFixture
{
    // The run is 2026-06-01..2026-06-04; the surge is in July: it has no effect.
    private const string Scenario = """
        name: Outside test
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 4
        warm_up: 6h
        replications: 2
        seed: 7
        classes:
          general: { share: 1 }
        directions:
          inbound:
            arrivals:
              trucks_per_day: 48
              hourly_profile: flat
              surges: [ { from: 2026-07-01, to: 2026-07-03, factor: 1.5, reason: lychee peak } ]
            stages:
              - check: { name: booth, servers: 2, service: exp(15min) }
        """;

    private const string Said = ":15:17: warning: directions.inbound.arrivals.surges[0]: the surge 2026-07-01..2026-07-03 starts after the run ends (the run is 2026-06-01..2026-06-04): it has no effect (check the dates, or the run's start and days)";

    private const string SaidInVietnamese = ":15:17: cảnh báo: directions.inbound.arrivals.surges[0]: đợt tăng xe 01/07/2026 – 03/07/2026 bắt đầu sau khi kỳ mô phỏng kết thúc (kỳ mô phỏng: 01/06/2026 – 04/06/2026): không có tác dụng (kiểm tra các ngày, hoặc ngày bắt đầu và số ngày của kỳ mô phỏng)";

    protected override string ScenarioText => Scenario;

    protected override string ScenarioFileName => "outside.yaml";

    private int Count(CliRunner.Outcome outcome, string said = Said) => LinesSaying(outcome, ScenarioPath + said);

    [Test]
    public void Batch_says_it_once_for_the_runs_of_one_file_in_English_and_in_Vietnamese()
    {
        CliRunner.Outcome batch = CliRunner.Run("batch", ScenarioPath, "--sweep", "directions.inbound.stages.booth.servers=2,3", "-o", Path.Combine(Folder, "batch"));
        CliRunner.Outcome vietnamese = CliRunner.Run("batch", ScenarioPath, "--sweep", "directions.inbound.stages.booth.servers=2,3", "--lang", "vi", "-o", Path.Combine(Folder, "batch-vi"));
        Assert.Multiple(() =>
        {
            Assert.That(batch.ExitCode, Is.EqualTo(0), batch.Error);
            Assert.That(Count(batch), Is.EqualTo(1), "said once for the two runs of one file\n" + batch.Error);
            Assert.That(vietnamese.ExitCode, Is.EqualTo(0), vietnamese.Error);
            Assert.That(Count(vietnamese, SaidInVietnamese), Is.EqualTo(1), vietnamese.Error);
        });
    }

    [Test]
    public void Capacity_and_optimize_say_it_once_before_they_run()
    {
        CliRunner.Outcome capacity = CliRunner.Run("capacity", ScenarioPath, "--target", "wait_hours_mean/inbound/all<=0.5", "--replications", "2", "--tolerance", "0.2", "-o", Path.Combine(Folder, "capacity"));
        Assert.That(Count(capacity), Is.EqualTo(1), capacity.Error);

        CliRunner.Outcome optimize = CliRunner.Run("optimize", ScenarioPath, "--vary", "directions.inbound.stages.booth.servers=2,3", "--target", "wait_hours_mean/inbound/all<=0.5", "-o", Path.Combine(Folder, "optimize"));
        Assert.That(Count(optimize), Is.EqualTo(1), optimize.Error);
    }

    [Test]
    public void Compare_says_it_once_for_a_file_given_twice()
    {
        CliRunner.Outcome compared = CliRunner.Run("compare", ScenarioPath, ScenarioPath, "-o", Path.Combine(Folder, "compare"));
        Assert.That(compared.ExitCode, Is.EqualTo(0), compared.Error);
        Assert.That(Count(compared), Is.EqualTo(1), compared.Error);
    }
}
