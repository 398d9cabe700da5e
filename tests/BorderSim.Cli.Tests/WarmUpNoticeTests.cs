namespace BorderSim.Cli.Tests;

/// <summary>
/// run, batch, capacity, optimize and compare say before they run, with file:line:col, when a dated event starts or ends inside
/// the warm-up (its boundaries are tested in the Scenarios tests, WarmUpWarningTests); validate says it too, in English
/// or Vietnamese. A warning: the exit code is unchanged.
/// </summary>
public class WarmUpNoticeTests : ScenarioFileFixture
{
    // The warm-up of 30 h ends on 2 June 06:00; the surge starts on 2 June 00:00, 6 h before: its first hours are not counted.
    private const string Scenario = """
        name: Warm-up test
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 4
        warm_up: 30h
        replications: 2
        seed: 7
        classes:
          general: { share: 1 }
        directions:
          inbound:
            arrivals:
              trucks_per_day: 48
              hourly_profile: flat
              surges: [ { from: 2026-06-02, to: 2026-06-04, factor: 1.5, reason: lychee peak } ]
            stages:
              - check: { name: booth, servers: 2, service: exp(15min) }
        """;

    private const string Said = ":15:17: warning: directions.inbound.arrivals.surges[0]: the surge 2026-06-02..2026-06-04 starts inside the warm-up, which ends at 2026-06-02 06:00 (6 h after the surge starts): what it does to trucks before then is not counted in the results (shorten warm_up, or start the run earlier, to count it)";

    protected override string ScenarioText => Scenario;

    protected override string ScenarioFileName => "warm.yaml";

    private int Count(CliRunner.Outcome outcome) => LinesSaying(outcome, ScenarioPath + Said);

    [Test]
    public void Validate_says_it_in_English_and_in_Vietnamese()
    {
        CliRunner.Outcome english = CliRunner.Run("validate", ScenarioPath);
        CliRunner.Outcome vietnamese = CliRunner.Run("validate", ScenarioPath, "--lang", "vi");
        Assert.Multiple(() =>
        {
            Assert.That(english.ExitCode, Is.EqualTo(0), english.Error);
            Assert.That(Count(english), Is.EqualTo(1), english.Error);
            Assert.That(vietnamese.Error, Does.Contain(ScenarioPath + ":15:17: cảnh báo: directions.inbound.arrivals.surges[0]: đợt tăng xe 02/06/2026 – 04/06/2026 bắt đầu trong giai đoạn khởi động (đến 02/06/2026 06:00; 6 giờ sau khi đợt tăng xe bắt đầu): tác động của nó lên xe trước thời điểm đó không được tính vào kết quả (rút ngắn warm_up, hoặc bắt đầu kỳ mô phỏng sớm hơn, để tính đến nó)"));
        });
    }

    [Test]
    public void Run_batch_capacity_and_optimize_say_it_once_before_they_run()
    {
        CliRunner.Outcome run = CliRunner.Run("run", ScenarioPath, "-o", Path.Combine(Folder, "run"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(Count(run), Is.EqualTo(1), run.Error);
        Assert.That(run.Error.IndexOf(Said, StringComparison.Ordinal), Is.LessThan(run.Error.IndexOf("replication 1/", StringComparison.Ordinal)), "said before the first replication runs");

        CliRunner.Outcome batch = CliRunner.Run("batch", ScenarioPath, "--sweep", "directions.inbound.stages.booth.servers=2,3", "-o", Path.Combine(Folder, "batch"));
        Assert.That(batch.ExitCode, Is.EqualTo(0), batch.Error);
        Assert.That(Count(batch), Is.EqualTo(1), "said once for the two runs of one file\n" + batch.Error);

        CliRunner.Outcome capacity = CliRunner.Run("capacity", ScenarioPath, "--target", "wait_hours_mean/inbound/all<=0.5", "--replications", "2", "--tolerance", "0.2", "-o", Path.Combine(Folder, "capacity"));
        Assert.That(Count(capacity), Is.EqualTo(1), capacity.Error);

        CliRunner.Outcome optimize = CliRunner.Run("optimize", ScenarioPath, "--vary", "directions.inbound.stages.booth.servers=2,3", "--target", "wait_hours_mean/inbound/all<=0.5", "-o", Path.Combine(Folder, "optimize"));
        Assert.That(Count(optimize), Is.EqualTo(1), optimize.Error);
    }

    [Test]
    public void Compare_says_it_once_before_it_runs()
    {
        CliRunner.Outcome compared = CliRunner.Run("compare", ScenarioPath, ScenarioPath, "-o", Path.Combine(Folder, "compare"));
        Assert.That(compared.ExitCode, Is.EqualTo(0), compared.Error);
        Assert.That(Count(compared), Is.EqualTo(1), "said once for a file given twice\n" + compared.Error);
        Assert.That(compared.Error.IndexOf(Said, StringComparison.Ordinal), Is.LessThan(compared.Error.IndexOf("replication 1/", StringComparison.Ordinal)), "said before the first replication runs");
    }
}
