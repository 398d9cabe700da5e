namespace BorderSim.Cli.Tests;

/// <summary>A number option given something that is not a number of the right kind: exit 2, the option and what it expects.</summary>
public class OptionValueTests
{
    public static IEnumerable<TestCaseData> NotNumbers()
    {
        (string Option, string Value, string Expects)[] common =
        [
            ("--threads", "two", "--threads expects a whole number of at least 1"),
            ("--days", "1e3", "--days expects a whole number of at least 1"),
            ("-r", "1.5", "--replications expects a whole number of at least 1"),
            ("--replications", "many", "--replications expects a whole number of at least 1"),
        ];
        foreach (string verb in new[] { "run", "compare", "batch" })
        {
            foreach (var (option, value, expects) in common)
            {
                yield return Case(verb, option, value, expects);
            }
        }

        yield return Case("run", "--max-replications", "x", "--max-replications expects a whole number of at least 2");
        yield return Case("run", "--precision", "y", "--precision expects a number between 0 and 1");
        yield return Case("run", "--precision", "NaN", "--precision expects a number between 0 and 1");
        yield return Case("regress", "--threads", "two", "--threads expects a whole number of at least 1");
        yield return Case("regress", "--threads", "0", "--threads expects a whole number of at least 1");
        yield return Case("run", "--days", "99999999999", "--days expects a whole number of at least 1");
    }

    private static TestCaseData Case(string verb, string option, string value, string expects) =>
        new TestCaseData(verb, option, value, expects).SetName($"{verb} {option} {value} is exit 2 naming the option");

    [TestCaseSource(nameof(NotNumbers))]
    public void A_value_that_is_not_the_number_an_option_needs_is_exit_2_naming_the_option(string verb, string option, string value, string expects)
    {
        string[] files = verb == "compare" ? ["a.yaml", "b.yaml"] : ["a.yaml"];
        var outcome = CliRunner.Run([verb, .. files, option, value]);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), outcome.Error);
            Assert.That(outcome.Error, Does.Contain(expects));
            Assert.That(outcome.Error, Does.Contain($"'{value}'"), "the message quotes what was given");
            Assert.That(outcome.Error, Does.Not.Contain("   at "), "no stack trace for a user mistake");
        });
    }

    [Test]
    public void Days_beyond_the_limit_are_refused_with_the_limit()
    {
        var outcome = CliRunner.Run("run", "a.yaml", "--days", "3000000");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), outcome.Error);
            Assert.That(outcome.Error, Does.Contain("--days expects a whole number of at least 1 and at most 36600"));
        });
    }
}
