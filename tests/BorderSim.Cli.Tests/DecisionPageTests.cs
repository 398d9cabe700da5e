using System.Net;
using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests;

/// <summary>
/// The decision pages of capacity, compare and batch (issue 23 item 1) open with the answer: the title says what was
/// asked, one or two sentences and a small table in labels come before any warning, warnings are one line per kind
/// with their details folded, and no raw scenario path stands in the title or the answer. Runs are short (2–4 days,
/// 2–3 replications) on the M/M/6 validation scenario, copied with a lever declared for its demand.
/// </summary>
public class DecisionPageTests : SearchCommandTests
{
    private const string Lever = """

        levers:
          inbound_demand: { label: { en: inbound trucks a day, vi: xe vào mỗi ngày }, path: directions.inbound.arrivals.trucks_per_day, unit: { en: trucks/day, vi: xe/ngày } }
        """;

    /// <summary>mmc.yaml with its demand as a lever; with <paramref name="servers"/> booths instead of 6 (and named so).</summary>
    private string Levered(string name, int servers = 6)
    {
        string path = Path.Combine(Folder, name);
        string text = File.ReadAllText(MMc).Replace("servers: 6,", $"servers: {servers},", StringComparison.Ordinal).Replace("M/M/6", $"M/M/{servers}", StringComparison.Ordinal);
        File.WriteAllText(path, text + Lever);
        return path;
    }

    private static string Page(string output) => File.ReadAllText(Path.Combine(output, "report.html"));

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));

    private static string Title(string html) => Text(Regex.Match(html, "<title>(.*?)</title>", RegexOptions.Singleline).Groups[1].Value);

    private static string Heading(string html) => Text(Regex.Match(html, "<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline).Groups[1].Value);

    private static string Section(string html, string css) => Regex.Match(html, $"<section class=\"{css}\">.*?</section>", RegexOptions.Singleline).Value;

    private static string Lead(string html) => string.Join(" ", Regex.Matches(Section(html, "answer"), "<p class=\"lead\">(.*?)</p>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value)));

    /// <summary>The warning lines a reader sees without opening anything: the list items outside any &lt;details&gt;.</summary>
    private static int UnfoldedWarningLines(string html) =>
        Regex.Matches(Regex.Replace(Section(html, "warnings"), "<details>.*?</details>", "", RegexOptions.Singleline), "<li>").Count;

    /// <summary>Every warning, folded or not: the list items of the warnings section (a folded kind's own line counts too).</summary>
    private static int WarningItems(string html) => Regex.Matches(Section(html, "warnings"), "<li>").Count;

    private static void AssertAnswerFirst(string html, string lang)
    {
        int answer = html.IndexOf("<section class=\"answer\">", StringComparison.Ordinal);
        int warnings = html.IndexOf("<section class=\"warnings\">", StringComparison.Ordinal);
        int fine = html.IndexOf("<section class=\"fine\">", StringComparison.Ordinal);
        Assert.That(answer, Is.GreaterThan(0), $"{lang}: an answer section");
        Assert.That(answer, Is.LessThan(Math.Max(warnings, fine)), $"{lang}: the answer comes before the warnings");
        Assert.That(Section(html, "answer"), Does.Contain("<table>"), $"{lang}: a small table under the answer");
        Assert.That(Lead(html), Does.Not.Contain("directions.").And.Not.Contain("--set").And.Not.Contain(".yaml"), $"{lang}: no raw path in the answer");
        Assert.That(Title(html) + Heading(html), Does.Not.Contain("directions.").And.Not.Contain("--set"), $"{lang}: no raw path in the title");
    }

    [Test]
    public void Capacity_asks_its_question_in_the_title_and_answers_with_a_table_before_the_warnings_in_both_languages()
    {
        string scenario = Levered("mmc.yaml");
        string english = Path.Combine(Folder, "en"), vietnamese = Path.Combine(Folder, "vi");
        string[] quick = ["--target", "wait_hours_mean/inbound/all<=0.2", "--days", "4", "--replications", "3", "--tolerance", "0.05"];
        Assert.That(CliRunner.Run(["capacity", scenario, .. quick, "-o", english]).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(CliRunner.Run(["capacity", scenario, .. quick, "--lang", "vi", "-o", vietnamese]).ExitCode, Is.EqualTo(ExitCodes.Ok));
        string en = Page(english), vi = Page(vietnamese);
        Assert.Multiple(() =>
        {
            AssertAnswerFirst(en, "en");
            AssertAnswerFirst(vi, "vi");
            Assert.That(Heading(en), Is.EqualTo("M/M/6 validation: how many trucks a day can it take and keep the mean wait, inbound, at most 0.2 h?"));
            Assert.That(Title(vi), Does.StartWith("Kiểm định M/M/6: đón được bao nhiêu xe mỗi ngày mà vẫn giữ thời gian chờ trung bình, chiều vào, không quá 0,2 giờ?"));
            Assert.That(Text(Section(vi, "answer")), Does.Contain("năng lực (xe/ngày)").And.Contain("nhu cầu của kịch bản (xe/ngày)").And.Match(@"\d,\d"));
            Assert.That(Lead(vi), Does.StartWith("Kết luận: ").And.Contain("xe/ngày"));
            Assert.That(Text(en), Does.Contain("Demand was scaled by one factor on inbound trucks a day (480 as written"), "the lever's label, not its path");
            Assert.That(en, Does.Contain("<details class=\"exact\">"), "the exact settings, folded");
        });
    }

    [Test]
    public void Compare_answers_in_the_scenarios_names_before_one_line_per_kind_of_warning_and_puts_the_set_under_the_changes()
    {
        string six = Levered("six.yaml"), seven = Levered("seven.yaml", servers: 7);
        string english = Path.Combine(Folder, "en"), vietnamese = Path.Combine(Folder, "vi");
        // 700 trucks a day: beyond 6 x 96 and 7 x 96 a day, so both are overloaded (two warnings of one kind), and 2
        // pairs are few (a third): three warnings, two lines.
        string[] options = ["--set", "directions.inbound.arrivals.trucks_per_day=700", "--days", "2", "--replications", "2", "--no-plots"];
        Assert.That(CliRunner.Run(["compare", six, seven, .. options, "-o", english]).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(CliRunner.Run(["compare", six, seven, .. options, "--lang", "vi", "-o", vietnamese]).ExitCode, Is.EqualTo(ExitCodes.Ok));
        string en = Page(english), vi = Page(vietnamese);
        Assert.Multiple(() =>
        {
            AssertAnswerFirst(en, "en");
            AssertAnswerFirst(vi, "vi");
            Assert.That(Heading(en), Is.EqualTo("What changes from M/M/6 validation to M/M/7 validation?"));
            Assert.That(Heading(vi), Does.StartWith("Chuyển từ Kiểm định M/M/6 sang Kiểm định M/M/7 thì thay đổi gì?"));
            Assert.That(WarningItems(en), Is.EqualTo(4), "a line for the overloaded kind, its 2 items, and the few pairs");
            Assert.That(UnfoldedWarningLines(en), Is.EqualTo(2));
            Assert.That(UnfoldedWarningLines(vi), Is.EqualTo(2));
            Assert.That(Text(en), Does.Contain("Changes from the scenario: inbound trucks a day 480 → 700 trucks/day."));
            Assert.That(Text(Section(vi, "answer")), Does.Contain("quá tải, chiều vào").And.Contain("phương án gốc"));
        });
    }

    [Test]
    public void Batch_asks_what_happens_along_the_sweep_in_the_lever_s_label_and_folds_its_overloaded_runs_into_one_line()
    {
        string scenario = Levered("mmc.yaml");
        string english = Path.Combine(Folder, "en"), vietnamese = Path.Combine(Folder, "vi");
        // 600, 650 and 700 trucks a day: all beyond 6 x 96 = 576, so three overloaded runs, one kind of warning.
        string[] options = ["--sweep", "directions.inbound.arrivals.trucks_per_day=600:700:50", "--days", "2", "--replications", "2"];
        Assert.That(CliRunner.Run(["batch", scenario, .. options, "-o", english]).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(CliRunner.Run(["batch", scenario, .. options, "--lang", "vi", "-o", vietnamese]).ExitCode, Is.EqualTo(ExitCodes.Ok));
        string en = Page(english), vi = Page(vietnamese);
        Assert.Multiple(() =>
        {
            AssertAnswerFirst(en, "en");
            AssertAnswerFirst(vi, "vi");
            Assert.That(Heading(en), Is.EqualTo("M/M/6 validation: what happens as inbound trucks a day goes from 600 to 700 trucks/day?"));
            Assert.That(Heading(vi), Is.EqualTo("Kiểm định M/M/6: điều gì xảy ra khi xe vào mỗi ngày từ 600 đến 700 xe/ngày?"));
            Assert.That(Lead(en), Does.StartWith("Answer: M/M/6 validation: The inbound side is overloaded at every one of these values."));
            Assert.That(UnfoldedWarningLines(en), Is.EqualTo(1), "three overloaded runs, one line");
            Assert.That(WarningItems(en), Is.EqualTo(4));
            Assert.That(Text(Section(vi, "answer")), Does.Contain("650 xe/ngày").And.Contain("quá tải"));
            Assert.That(en, Does.Contain("<details class=\"exact\">"));
        });
    }
}
