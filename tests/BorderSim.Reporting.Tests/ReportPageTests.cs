using BorderSim.Reporting.Html;

namespace BorderSim.Reporting.Tests;

public class ReportPageTests
{
    [Test]
    public void The_header_comments_are_the_comment_lines_before_the_yaml_without_the_schema_line()
    {
        const string text = "# yaml-language-server: $schema=bordersim.schema.json\n# Hữu Nghị, June peak.\n#\n#   import 2 x 480 = 960/day\nname: x # not this\n# nor this\n";
        Assert.That(ScenarioSection.HeaderComments(text), Is.EqualTo("Hữu Nghị, June peak.\n\n  import 2 x 480 = 960/day"));
    }

    [Test]
    public void A_file_that_starts_with_yaml_has_no_header_comments()
    {
        Assert.That(ScenarioSection.HeaderComments("name: x\n# later\n"), Is.Empty);
    }

    [Test]
    public void An_inline_svg_scales_with_the_page_and_its_ids_do_not_collide_with_another_plot_s()
    {
        const string svg = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1400\" height=\"700\">\n<clipPath id=\"cl_27\"><rect/></clipPath><g clip-path=\"url(#cl_27)\"><use href=\"#cl_27\"/></g></svg>";
        string inline = ReportPage.InlineSvg(svg, "p3-", "a <plot>");
        Assert.Multiple(() =>
        {
            Assert.That(inline, Does.StartWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1400 700\" role=\"img\" aria-label=\"a &lt;plot&gt;\">"));
            Assert.That(inline, Does.Contain("id=\"p3-cl_27\"").And.Contain("url(#p3-cl_27)").And.Contain("href=\"#p3-cl_27\""));
            Assert.That(inline, Does.Not.Contain("<?xml").And.Not.Contain("width=\"1400\""));
        });
    }

    [Test]
    public void Text_in_a_page_is_escaped()
    {
        var page = new ReportPage("<title>", ReportLanguage.English);
        page.Paragraph("a < b & \"c\"").Table(["x", "y"], [["<td>", "1"]]);
        string html = page.Build();
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<title>&lt;title&gt;</title>"));
            Assert.That(html, Does.Contain("<p>a &lt; b &amp; &quot;c&quot;</p>"));
            Assert.That(html, Does.Contain("<td>&lt;td&gt;</td>"));
            Assert.That(html, Does.Contain("Content-Security-Policy\" content=\"default-src 'none'"));
        });
    }

    [Test]
    public void Opening_hours_are_grouped_by_runs_of_days()
    {
        var open = new Model.Spec.OpeningInterval(7, 19);
        var hours = new Model.Spec.WeeklyHours(new Dictionary<NodaTime.IsoDayOfWeek, IReadOnlyList<Model.Spec.OpeningInterval>>
        {
            [NodaTime.IsoDayOfWeek.Monday] = [open],
            [NodaTime.IsoDayOfWeek.Tuesday] = [open],
            [NodaTime.IsoDayOfWeek.Wednesday] = [open],
            [NodaTime.IsoDayOfWeek.Thursday] = [open],
            [NodaTime.IsoDayOfWeek.Friday] = [open],
            [NodaTime.IsoDayOfWeek.Saturday] = [new(7, 12)],
        });
        Assert.Multiple(() =>
        {
            Assert.That(ScenarioSection.WeeklyHoursText(hours, ReportLanguage.English), Is.EqualTo("mon–fri 07:00–19:00; sat 07:00–12:00; sun closed"));
            Assert.That(ScenarioSection.WeeklyHoursText(hours, ReportLanguage.Vietnamese), Is.EqualTo("T2–T6 07:00–19:00; T7 07:00–12:00; CN đóng cửa"));
        });
    }
}
