namespace BorderSim.Cli.Tests;

public class ValidateCommandTests
{
    [Test]
    public void A_good_scenario_is_reported_valid_on_stdout_with_exit_0()
    {
        string directory = CliRunner.NewTemporaryDirectory();
        string good = CliRunner.WriteScenario(directory, "good.yaml", CliRunner.SmallScenario);
        var outcome = CliRunner.Run("validate", good);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            Assert.That(outcome.Out, Is.EqualTo($"{good}: valid\n").Or.EqualTo($"{good}: valid{Environment.NewLine}"));
            Assert.That(outcome.Error, Is.Empty);
        });
    }

    [Test]
    public void A_broken_scenario_prints_file_line_col_errors_on_stderr_with_exit_2()
    {
        string directory = CliRunner.NewTemporaryDirectory();
        string broken = CliRunner.WriteScenario(directory, "broken.yaml",
            CliRunner.SmallScenario.Replace("servers: 4, calendar: vn_gate, service: exp(10min)", "servers: -1, calendar: vn_gate, service: exp(10min)", StringComparison.Ordinal));
        var outcome = CliRunner.Run("validate", broken);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Out, Is.Empty);
            // The servers value is on line 30 of the file.
            Assert.That(outcome.Error, Does.Match($@"^{System.Text.RegularExpressions.Regex.Escape(broken)}:30:\d+: .*servers"));
            Assert.That(outcome.Error, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void In_vietnamese_validate_says_valid_and_invalid_and_its_errors_in_vietnamese_keeping_file_line_col()
    {
        // validate had no --lang: "--lang" and "vi" were read as two missing files.
        string directory = CliRunner.NewTemporaryDirectory();
        string good = CliRunner.WriteScenario(directory, "good.yaml", CliRunner.SmallScenario);
        string broken = CliRunner.WriteScenario(directory, "broken.yaml",
            CliRunner.SmallScenario.Replace("servers: 4, calendar: vn_gate, service: exp(10min)", "servers: many, calendar: vn_gate, service: exp(10min)", StringComparison.Ordinal));
        var outcome = CliRunner.Run("validate", good, broken, "--lang", "vi");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Out.TrimEnd(), Is.EqualTo($"{good}: hợp lệ"));
            Assert.That(outcome.Error, Does.Match($@"^{System.Text.RegularExpressions.Regex.Escape(broken)}:30:\d+: lỗi: .*servers: cần một số nguyên"));
            Assert.That(outcome.Error, Does.Contain("1 trong 2 tệp không hợp lệ"));
        });
    }

    [Test]
    public void Several_files_are_all_checked_and_one_bad_file_fails_the_lot()
    {
        string directory = CliRunner.NewTemporaryDirectory();
        string good = CliRunner.WriteScenario(directory, "good.yaml", CliRunner.SmallScenario);
        string missing = Path.Combine(directory, "missing.yaml");
        var outcome = CliRunner.Run("validate", missing, good);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Out, Does.Contain($"{good}: valid"));
            Assert.That(outcome.Error, Does.StartWith($"{missing}:1:1: file not found"));
            Assert.That(outcome.Error, Does.Contain("1 of 2 files invalid"));
        });
    }

    [Test]
    public void A_closure_outside_the_run_is_a_warning_with_file_line_col_on_stderr_and_the_file_is_still_valid()
    {
        string directory = CliRunner.NewTemporaryDirectory();
        string file = CliRunner.WriteScenario(directory, "tet.yaml", CliRunner.SmallScenario.Replace(
            "hours: { mon-sun: \"07:00-19:00\" }", "hours: { mon-sun: \"07:00-19:00\" }\n    closures: [ { from: 2026-02-15, to: 2026-02-18, reason: Tết } ]", StringComparison.Ordinal));
        var outcome = CliRunner.Run("validate", file);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            Assert.That(outcome.Out, Does.Contain($"{file}: valid"));
            Assert.That(outcome.Error, Does.StartWith($"{file}:14:17: warning: calendars.vn_gate.closures[0]: the closure 2026-02-15..2026-02-18 ends before the run starts (the run is 2026-06-01..2026-06-03)"));
        });
    }

    [Test]
    [Platform("Linux")]
    public void Dev_zero_is_exit_2_and_the_files_after_it_are_still_validated()
    {
        string directory = CliRunner.NewTemporaryDirectory();
        string good = CliRunner.WriteScenario(directory, "good.yaml", CliRunner.SmallScenario);
        var outcome = CliRunner.Run("validate", "/dev/zero", good);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain("/dev/zero:1:1: is not a regular file"));
            Assert.That(outcome.Out, Does.Contain($"{good}: valid"));
        });
    }
}
