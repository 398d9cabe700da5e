using BorderSim.Reporting.Html;

namespace BorderSim.Reporting.Tests;

/// <summary>Smaller faults of issue 22: a bidirectional override in user text, a tiny precision target printed as 0.0%.</summary>
public class UserTextAndPercentTests
{
    [Test]
    public void A_right_to_left_override_in_a_scenario_name_is_shown_not_obeyed_so_the_set_label_keeps_its_order()
    {
        string html = ReportPage.Escape("Hữu Nghị \u202Eevil [--set days=3]");
        Assert.Multiple(() =>
        {
            // Ordinal: a culture-aware search finds an ignorable control character in any text.
            Assert.That(html.Contains('\u202E', StringComparison.Ordinal), Is.False);
            Assert.That(html, Is.EqualTo("Hữu Nghị \\u202Eevil [--set days=3]"));
            Assert.That(ReportPage.Escape("\u2067x\u2069 <b>"), Is.EqualTo("\\u2067x\\u2069 &lt;b&gt;"));
            Assert.That(ReportPage.Escape("שלום عربي"), Is.EqualTo("שלום عربي"), "right-to-left letters pass");
        });
    }

    [TestCase(1e-6, "0.0001%")]
    [TestCase(1.234e-5, "0.00123%")]
    [TestCase(0.049, "4.9%")]
    [TestCase(0.05, "5.0%")]
    [TestCase(1e-20, "1E-18%")]
    public void A_precision_target_is_printed_with_its_digits_never_as_zero(double share, string expected)
    {
        Assert.That(PrecisionReport.Percent(share), Is.EqualTo(expected));
    }
}
