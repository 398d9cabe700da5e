namespace BorderSim.Cli.Tests;

public class RootCommandTests
{
    [Test]
    public void Help_lists_the_verbs_and_exits_zero()
    {
        var outcome = CliRunner.Run("--help");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok));
            Assert.That(outcome.Out, Does.Contain("validate"));
            Assert.That(outcome.Out, Does.Contain("run"));
            Assert.That(outcome.Out, Does.Contain("border crossings"));
        });
    }

    [Test]
    public void Run_help_shows_every_option_with_its_default()
    {
        var outcome = CliRunner.Run("run", "--help");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok));
        foreach (string option in new[] { "--output", "--replications", "--seed", "--days", "--threads", "--trucks", "--set", "--no-plots" })
        {
            Assert.That(outcome.Out, Does.Contain(option));
        }

        Assert.That(outcome.Out, Does.Contain("results/<scenario file name"));
    }

    [Test]
    public void Version_prints_the_informational_version_of_bordersim()
    {
        var outcome = CliRunner.Run("--version");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok));
            Assert.That(outcome.Out.Trim(), Does.StartWith("0.1.0"));
            Assert.That(outcome.Out.Trim(), Is.EqualTo(CliApp.Version));
        });
    }

    [Test]
    public void An_unknown_verb_is_invalid_input_with_exit_2()
    {
        var outcome = CliRunner.Run("simulate", "x.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain("simulate"));
            Assert.That(outcome.Error, Does.Not.Contain("   at "), "no stack trace for a user mistake");
        });
    }

    [Test]
    public void A_bad_option_value_is_invalid_input_with_exit_2()
    {
        var outcome = CliRunner.Run("run", "x.yaml", "--replications", "0");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(outcome.Error, Does.Contain("--replications expects a whole number of at least 1, not '0'"));
    }
}
