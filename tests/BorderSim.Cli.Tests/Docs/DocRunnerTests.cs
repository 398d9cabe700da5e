namespace BorderSim.Cli.Tests.Docs;

/// <summary>
/// The docs test's grep reads a pattern as the reader's grep does: a page once showed
/// <c>grep '^origin_(park_trucks_max|…)'</c>, which the test matched as an extended expression while GNU grep, reading
/// a basic one, printed nothing for a reader who copied it.
/// </summary>
public class DocRunnerTests
{
    [TestCase("^origin_(park|wait)")]
    [TestCase("gave_up|served")]
    [TestCase("a+b")]
    public void A_plain_grep_pattern_with_extended_operators_is_refused_so_the_page_writes_grep_E(string pattern) =>
        Assert.That(() => DocRunner.BasicPattern(pattern), Throws.TypeOf<AssertionException>().With.Message.Contains("write grep -E"));

    [TestCase("^5,")]
    [TestCase(@"wait_hours_mean/export/all\.")]
    [TestCase("vn_customs")]
    public void A_plain_grep_pattern_without_them_is_read_as_written(string pattern) =>
        Assert.That(DocRunner.BasicPattern(pattern), Is.EqualTo(pattern));
}
