namespace BorderSim.Cli.Tests.Docs;

/// <summary>The comparison the docs test makes between a quoted line and a printed one.</summary>
public sealed class QuotedLineTests
{
    private const string Printed = "  export                                   301   ± 1.23    300   302";

    [Test]
    public void A_line_quoted_as_printed_matches_whatever_its_spacing()
    {
        Assert.That(new QuotedLine("  export 301 ± 1.23 300 302").Matches(Printed), Is.True);
    }

    [Test]
    public void A_number_off_by_more_than_half_its_last_quoted_digit_does_not_match()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new QuotedLine("export 302 ± 1.23 300 302").Matches(Printed), Is.False);
            Assert.That(new QuotedLine("export 301 ± 1.24 300 302").Matches(Printed), Is.False);
            Assert.That(new QuotedLine("export 301 ± 1.2 300 302").Matches(Printed), Is.True, "1.23 is 1.2 to the digit quoted");
        });
    }

    [Test]
    public void Other_text_does_not_match()
    {
        Assert.That(new QuotedLine("import 301 ± 1.23 300 302").Matches(Printed), Is.False);
    }

    [Test]
    public void An_ellipsis_in_a_quoted_line_stands_for_any_text()
    {
        Assert.That(new QuotedLine("run 2 has no part runs/ee2d3a52….csv in any of: shards/0").Matches("run 2 has no part runs/ee2d3a5211aa.csv in any of: shards/0"), Is.True);
    }

    [Test]
    public void Vietnamese_decimal_commas_and_minus_signs_are_read_as_numbers()
    {
        const string printed = "Số xe tồn tăng 7,38 xe mỗi ngày (khoảng tin cậy 95%: −20,7 đến 35,5).";
        Assert.Multiple(() =>
        {
            Assert.That(new QuotedLine(printed).Matches(printed), Is.True);
            Assert.That(new QuotedLine("Số xe tồn tăng 7,4 xe mỗi ngày (khoảng tin cậy 95%: −20,7 đến 35,5).").Matches(printed), Is.True);
            Assert.That(new QuotedLine("Số xe tồn tăng 7,48 xe mỗi ngày (khoảng tin cậy 95%: −20,7 đến 35,5).").Matches(printed), Is.False);
        });
    }

    [Test]
    public void Numbers_in_scientific_notation_are_compared_by_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(QuotedLine.SameNumber("-8.73E-4", "-8.73E-4"), Is.True);
            Assert.That(QuotedLine.SameNumber("-8.7E-4", "-8.73E-4"), Is.True);
            Assert.That(QuotedLine.SameNumber("-8.74E-4", "-8.72E-4"), Is.False);
        });
    }

    [Test]
    public void A_stderr_note_for_the_reader_is_not_part_of_the_line()
    {
        Assert.That(new QuotedLine("wrote 22 files to results/huu-nghi-4        (stderr)").Matches("wrote 22 files to results/huu-nghi-4"), Is.True);
    }
}
