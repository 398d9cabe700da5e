using System.Net;
using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests;

/// <summary>
/// A shipped scenario in both languages: a <c>--lang vi</c> report names the scenario, its stages, roads, gates and
/// time zones by their Vietnamese labels and shows the Vietnamese part of its assumptions, so that no English
/// sentence and no internal id is left outside quoted source titles.
/// </summary>
public partial class VietnameseScenarioTests : SearchCommandTests
{
    /// <summary>
    /// English words a Vietnamese page must not carry: function words and the trade's nouns (an option such as
    /// --replications, a file name such as huu-nghi-6-lanes.yaml, is no word).
    /// </summary>
    [GeneratedRegex(@"(?<![-\w./])(the|of|and|to|with|from|for|is|are|trucks?|lanes?|hours?|days?|wait(ing)?|queue|export|import|served|capacity|demand|stage|road|yard|check|mean|replications?|warm-up|overloaded|gate|local|date|customs|inspection|assumption|June|peak|clearance|empties|booths?|direction|surge|run|starts?|ends?|effect|before|after|simulated|none|closure|calendar|class|origin|route|pool|min|h)(?![-\w/.])", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();

    /// <summary>An internal id: a name with an underscore (cn_inspection, freight_road_1119) or an IANA zone (Asia/Ho_Chi_Minh).</summary>
    [GeneratedRegex(@"(?<![-\w./])([a-z]+_[a-z0-9_]+|Asia/\w+)(?![-\w/.])")]
    private static partial Regex InternalId();

    /// <summary>The text a reader sees on a page, line by line: no scripts, styles or tags, entities decoded.</summary>
    private static IEnumerable<string> VisibleLines(string html)
    {
        string text = Regex.Replace(html, @"<(script|style)[^>]*>.*?</\1>", "", RegexOptions.Singleline);
        text = Regex.Replace(text, "<[^>]+>", "\n");
        return WebUtility.HtmlDecode(text).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
    }

    [Test]
    public void A_Vietnamese_report_of_the_six_lane_scenario_has_a_Vietnamese_title_and_no_English_sentence_outside_quoted_titles()
    {
        (CliRunner.Outcome run, string html, List<string> lines, List<string> english, List<string> ids) =
            RunInVietnamese("huu-nghi-6-lanes.yaml", "vi", "--replications", "2");

        Assert.Multiple(() =>
        {
            Assert.That(VisibleLines(Regex.Match(html, "<h1>.*?</h1>").Value), Is.EqualTo(new[] { "Hữu Nghị 1119–1120, 6 làn, cao điểm tháng 6" }), "the title");
            Assert.That(lines, Has.Some.Contains("Cao điểm tháng 6/2026 trên đường chuyên dụng đã mở rộng 3+3 làn"), "the description in Vietnamese");
            Assert.That(lines, Has.Some.Contains("kiểm tra phía Trung Quốc"), "the binding check by its label");
            Assert.That(lines, Has.Some.StartsWith("Nguồn của từng con số."), "the Vietnamese part of the assumptions");
            Assert.That(english, Is.Empty, "English words on the Vietnamese page");
            Assert.That(ids, Is.Empty, "internal ids where a label exists");
            Assert.That(run.Out, Does.Not.Contain("cn_inspection").And.Contain("kiểm tra phía Trung Quốc"), "the console names the binding stage by its label");
        });
    }

    [Test]
    public void A_three_day_Vietnamese_run_says_in_Vietnamese_the_surge_it_does_not_reach_and_its_provenance()
    {
        // Three days end before the lychee surge (8-21 June): the horizon's and the dated entry's warnings, on the page and the console.
        (CliRunner.Outcome run, string html, List<string> lines, List<string> english, List<string> ids) =
            RunInVietnamese("huu-nghi-6-lanes.yaml", "vi-3-days", "--days", "3", "--replications", "2", "--no-plots");
        string console = run.Out + run.Error;
        List<string> consoleEnglish = [.. console.Split('\n').SelectMany(l => EnglishWord().Matches(l).Select(m => $"'{m.Value}' in: {l}"))];
        string provenance = WebUtility.HtmlDecode(html[html.IndexOf("Nguồn gốc kết quả", StringComparison.Ordinal)..]);

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.Contains("trước khi đợt tăng xe 'vải thiều' (chiều xuất khẩu, 08/06/2026 – 21/06/2026) bắt đầu"), "the horizon's warning names the surge, the direction and the dates in Vietnamese");
            Assert.That(lines, Has.Some.Contains("đợt tăng xe 08/06/2026 – 21/06/2026 bắt đầu sau khi kỳ mô phỏng kết thúc"), "the dated entry's warning in Vietnamese");
            Assert.That(english, Is.Empty, "English words on the Vietnamese page");
            Assert.That(ids, Is.Empty, "internal ids where a label exists");
            Assert.That(consoleEnglish, Is.Empty, "English words on the Vietnamese console");
            Assert.That(run.Error, Does.Contain(": cảnh báo: directions.export.arrivals.surges[0]: đợt tăng xe"), "the console warning keeps file:line:col and the field");
            Assert.That(run.Error, Does.Contain("trước khi đợt tăng xe 'vải thiều' (chiều xuất khẩu,"), "the console's horizon warning names the surge by its Vietnamese reason");
            Assert.That(provenance, Does.Contain("48,0 giờ (cố định trong kịch bản)").And.Contain("15 phút (timeseries.csv"), "the provenance's units in Vietnamese");
        });
    }

    [Test]
    public void The_English_report_of_the_same_scenario_keeps_the_English_name_and_assumptions()
    {
        string scenario = Path.Combine(RepositoryRoot, "scenarios", "huu-nghi-6-lanes.yaml");
        string folder = Path.Combine(Folder, "en");
        CliRunner.Outcome run = CliRunner.Run("run", scenario, "-o", folder, "--days", "3", "--replications", "2", "--no-plots");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        string html = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(folder, "report.html")));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<h1>Hữu Nghị 1119–1120, 6 lanes, June peak</h1>"));
            Assert.That(html, Does.Contain("Where each number comes from.").And.Not.Contain("Nguồn của từng con số."), "only the English part of the assumptions");
            Assert.That(html, Does.Contain("CN inspection").And.Not.Contain("kiểm tra phía Trung Quốc"));
        });
    }
    [Test]
    public void A_Vietnamese_report_of_the_Lang_Son_network_names_its_gates_routes_and_checks_in_Vietnamese()
    {
        (CliRunner.Outcome run, string html, List<string> lines, List<string> english, List<string> ids) =
            RunInVietnamese("lang-son-network.yaml", "network-vi", "--replications", "2");
        // The table and the plot's ticks (inline SVG) name an observed series by what it counts and where; both
        // showed the observations file's ids (cleared_huu_nghi_export), which the ids check below finds.

        Assert.Multiple(() =>
        {
            Assert.That(VisibleLines(Regex.Match(html, "<h1>.*?</h1>").Value), Is.EqualTo(new[] { "Mạng lưới Lạng Sơn, 4 cửa khẩu, 22/8/2024" }), "the title");
            Assert.That(lines, Has.Some.Contains("328 xe xuất và 915 xe nhập mỗi ngày của tỉnh"), "the description in Vietnamese");
            Assert.That(lines, Has.Some.Contains("kiểm tra Hữu Nghị Quan (TQ)"), "a Chinese check by its label");
            Assert.That(lines, Has.Some.Contains("xuất qua Tân Thanh"), "a route by its label");
            Assert.That(lines, Has.Some.StartsWith("Các cửa khẩu đường bộ của Lạng Sơn như một mạng lưới"), "the Vietnamese part of the assumptions");
            Assert.That(english, Is.Empty, "English words on the Vietnamese page");
            Assert.That(ids, Is.Empty, "internal ids where a label exists");
            Assert.That(lines, Has.Some.EqualTo("xe thông quan mỗi ngày, xuất qua Hữu Nghị (trái cây + linh kiện điện tử + hàng tổng hợp)"), "an observed series by its words");
            Assert.That(lines, Has.Some.EqualTo("22/08/2024"), "its day, day first");
            Assert.That(run.Out, Does.Not.Contain("hn_cn_inspection"), "the console names stages by their labels");
        });
    }

    /// <summary>
    /// Runs a shipped scenario with <c>--lang vi</c> and returns the visible lines of its report before the
    /// provenance (command line, file paths, hashes: not prose), with the English words and internal ids found
    /// there outside quoted source titles.
    /// </summary>
    private (CliRunner.Outcome Run, string Html, List<string> Lines, List<string> English, List<string> Ids) RunInVietnamese(
        string file, string subfolder, params string[] options)
    {
        string scenario = Path.Combine(RepositoryRoot, "scenarios", file);
        string folder = Path.Combine(Folder, subfolder);
        CliRunner.Outcome run = CliRunner.Run(["run", scenario, "-o", folder, .. options, "--lang", "vi"]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));

        int provenance = html.IndexOf("Nguồn gốc kết quả", StringComparison.Ordinal);
        Assert.That(provenance, Is.GreaterThan(0), "the provenance heading is Vietnamese");
        List<string> lines = [.. VisibleLines(html[..provenance])];
        var english = new List<string>();
        var ids = new List<string>();
        foreach (string line in lines)
        {
            string unquoted = Regex.Replace(line, "\"[^\"]*\"", ""); // a source's title is quoted as published
            english.AddRange(EnglishWord().Matches(unquoted).Select(m => $"'{m.Value}' in: {line}"));
            ids.AddRange(InternalId().Matches(unquoted).Select(m => $"'{m.Value}' in: {line}"));
        }
        return (run, html, lines, english, ids);
    }
}
