using BorderSim.Reporting.Html;

namespace BorderSim.Reporting.Tests;

/// <summary>Smaller faults of issue 22: a bidirectional override in user text, a page refresh in a report, a tiny precision target printed as 0.0%.</summary>
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

    [Test]
    public void A_meta_refresh_in_user_text_stays_text_and_the_page_has_only_its_own_head_meta_elements()
    {
        const string hostile = "<meta http-equiv=\"refresh\" content=\"0;url=https://example.org/\">";
        var page = new ReportPage(hostile, ReportLanguage.English);
        page.Heading(1, hostile).Paragraph(hostile).Table(["x"], [[hostile]]);
        string html = page.Build();
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<meta http-equiv=\"refresh\"").IgnoreCase);
            Assert.That(html.Split("<meta", StringSplitOptions.None).Length - 1, Is.EqualTo(4), "charset, Content-Security-Policy, viewport, generator");
            Assert.That(html, Does.Contain("&lt;meta http-equiv=&quot;refresh&quot;"));
        });
    }

    [TestCase("<meta http-equiv=\"refresh\" content=\"0;url=https://example.org/\">")]
    [TestCase("<META HTTP-EQUIV=refresh CONTENT=0>")]
    public void A_page_refuses_to_be_built_with_a_meta_element_in_its_body_which_no_content_security_policy_could_stop(string markup)
    {
        // A Content-Security-Policy has no directive against <meta http-equiv="refresh"> (navigation is not a fetch),
        // so the page forbids the element itself: markup that would carry one is a programming error, never a page.
        var page = new ReportPage("x", ReportLanguage.English).Raw(markup);
        Assert.That(() => page.Build(), Throws.InvalidOperationException.With.Message.Contains("<meta"));
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
