using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests;

/// <summary>
/// report.html opened in a real browser (headless Chromium, Debian's package; .ci/install-browser.sh installs it):
/// it loads with no console error and no network request, shows what it should, and prints on A4. The screenshot
/// and the PDF are saved under the test's work directory (report-screenshots/) to be looked at.
/// </summary>
[NonParallelizable]
public partial class ReportBrowserTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = CliRunner.NewTemporaryDirectory();

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    private static string Chromium() =>
        HeadlessChromium.FindExecutable()
        ?? throw new AssertionException("headless Chromium is not installed: run `bash .ci/install-browser.sh` (Debian's chromium package; .ci/run does)");

    private static string SaveForLooking(string name, byte[] bytes)
    {
        string folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-screenshots");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        TestContext.AddTestAttachment(path);
        return path;
    }

    [TestCase("en", "The answer", "trucks served a day")]
    [TestCase("vi", "Kết luận", "xe thông quan mỗi ngày")]
    public void The_report_of_a_run_loads_offline_with_no_console_error_and_no_network_request(string language, string heading, string answerWords)
    {
        string scenario = CliRunner.WriteScenario(_directory, "small.yaml", "# Sources: a test.\n# Assumption: <b>flat</b> & tidy.\n" + CliRunner.SmallScenario);
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("run", scenario, "-o", output, "--replications", "3", "--lang", language);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        string report = Path.Combine(output, "report.html");
        string html = File.ReadAllText(report);

        using var browser = HeadlessChromium.Start(Chromium());
        HeadlessChromium.PageVisit visit = browser.Visit(report);
        SaveForLooking($"run-{language}.png", visit.Screenshot);
        SaveForLooking($"run-{language}.pdf", visit.Pdf);

        int plots = Directory.GetFiles(output, "*.svg").Length;
        Assert.Multiple(() =>
        {
            Assert.That(visit.ConsoleErrors, Is.Empty, "console errors");
            Assert.That(visit.Requests, Is.Empty, "network requests besides the page itself");
            Assert.That(visit.Title, Does.StartWith("Hữu Nghị test crossing"));
            Assert.That(visit.Text, Does.Contain(heading).And.Contain(answerWords));
            // The header comments, escaped: shown as text, not taken as markup.
            Assert.That(visit.Text, Does.Contain("Assumption: <b>flat</b> & tidy."));
            Assert.That(Regex.Count(html, "<svg[ >]"), Is.EqualTo(plots), "every plot inline, as many as the SVG files");
            // Nothing to fetch: no script, and every src, href or url() points inside the page (the SVG namespaces are names, not fetches).
            Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("@import"));
            Assert.That(Regex.Matches(html, @"\b(?:src|href)\s*=\s*""(?!#)[^""]*""|url\((?!#)[^)]*\)").Select(m => m.Value), Is.Empty);
            Assert.That(visit.HeightPixels, Is.GreaterThan(2000), "a whole report, not an empty page");
            Assert.That(System.Text.Encoding.ASCII.GetString(visit.Pdf, 0, 5), Is.EqualTo("%PDF-"));
            // A4 from the print CSS (@page size: A4): 595 x 842 points.
            Assert.That(System.Text.Encoding.Latin1.GetString(visit.Pdf), Does.Match(@"/MediaBox \[0 0 59[456](\.\d+)? 84[12](\.\d+)?\]"));
        });
    }

    [TestCase("en", "The answer", "more import trucks served a day")]
    [TestCase("vi", "Kết luận", "xe nhập khẩu thông quan mỗi ngày")]
    public void The_report_of_a_comparison_loads_offline_and_says_what_the_alternative_changes(string language, string heading, string answerWords)
    {
        // The base is overloaded on the import side (vn_import_customs: 4 booths x 12 h / 12 min = 240 a day < 300); 8 booths clear it.
        string overloaded = CliRunner.SmallScenario.Replace("import:\n    arrivals: { trucks_per_day: 200", "import:\n    arrivals: { trucks_per_day: 300", StringComparison.Ordinal);
        string baseFile = CliRunner.WriteScenario(_directory, "base.yaml", overloaded);
        string wider = CliRunner.WriteScenario(_directory, "wider.yaml", overloaded
            .Replace("name: Hữu Nghị test crossing", "name: Hữu Nghị test, 8 import booths", StringComparison.Ordinal)
            .Replace("name: vn_import_customs, servers: 4", "name: vn_import_customs, servers: 8", StringComparison.Ordinal));
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("compare", baseFile, wider, "-o", output, "--replications", "5", "--days", "6", "--lang", language);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        string report = Path.Combine(output, "report.html");

        using var browser = HeadlessChromium.Start(Chromium());
        HeadlessChromium.PageVisit visit = browser.Visit(report);
        SaveForLooking($"compare-{language}.png", visit.Screenshot);
        SaveForLooking($"compare-{language}.pdf", visit.Pdf);
        Assert.Multiple(() =>
        {
            Assert.That(visit.ConsoleErrors, Is.Empty, "console errors");
            Assert.That(visit.Requests, Is.Empty, "network requests besides the page itself");
            Assert.That(visit.Text, Does.Contain(heading).And.Contain(answerWords));
            Assert.That(visit.Text, Does.Contain(language == "vi" ? "QUÁ TẢI" : "OVERLOADED"), "the base's overload is a warning");
            Assert.That(Regex.Count(File.ReadAllText(report), "<svg[ >]"), Is.EqualTo(Directory.GetFiles(output, "*.svg").Length));
        });
    }

    [Test]
    public void The_report_of_a_batch_sweep_loads_offline_and_says_at_which_values_a_direction_is_overloaded()
    {
        // Import demand 200, 260, 320 a day against vn_import_customs' 240: overloaded at 260 and 320.
        string scenario = CliRunner.WriteScenario(_directory, "small.yaml", CliRunner.SmallScenario);
        string output = Path.Combine(_directory, "batch");
        var outcome = CliRunner.Run("batch", scenario, "--sweep", "directions.import.arrivals.trucks_per_day=200,260,320", "--replications", "3", "--days", "4", "-o", output);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        string report = Path.Combine(output, "report.html");

        using var browser = HeadlessChromium.Start(Chromium());
        HeadlessChromium.PageVisit visit = browser.Visit(report);
        SaveForLooking("batch-en.png", visit.Screenshot);
        Assert.Multiple(() =>
        {
            Assert.That(visit.ConsoleErrors, Is.Empty, "console errors");
            Assert.That(visit.Requests, Is.Empty, "network requests besides the page itself");
            Assert.That(visit.Text, Does.Contain("import: trucks a day goes from 200 to 320"), "the swept path by its label (PathLabel)");
            Assert.That(visit.Text, Does.Contain("The import side is overloaded at 260 and 320, not at 200."));
            Assert.That(visit.Text, Does.Contain("The export side is not overloaded at any of these values."));
            Assert.That(File.Exists(Path.Combine(output, "sweep-served_per_day-import-all.svg")), Is.True);
            Assert.That(Regex.Count(File.ReadAllText(report), "<svg[ >]"), Is.EqualTo(Directory.GetFiles(output, "*.svg").Length));
        });
    }

    private static string MMc => Path.Combine(RepositoryRoot(), "scenarios", "validation", "mmc.yaml");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BorderSim.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    [Test]
    public void The_report_of_a_capacity_search_loads_offline_and_gives_the_capacity_of_the_console_with_its_interval_and_target()
    {
        string output = Path.Combine(_directory, "capacity");
        var outcome = CliRunner.Run("capacity", MMc, "--target", "wait_hours_mean/inbound/all<=0.2", "-o", output, "--days", "4", "--replications", "3", "--tolerance", "0.05");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Match line = Regex.Match(outcome.Out, @"capacity: ([\d.]+) trucks/day \(95% CI ([\d.]+)–([\d.]+)\)");
        Assert.That(line.Success, Is.True, outcome.Out);
        string report = Path.Combine(output, "report.html");

        using var browser = HeadlessChromium.Start(Chromium());
        HeadlessChromium.PageVisit visit = browser.Visit(report);
        SaveForLooking("capacity-en.png", visit.Screenshot);
        SaveForLooking("capacity-en.pdf", visit.Pdf);
        Assert.Multiple(() =>
        {
            Assert.That(visit.ConsoleErrors, Is.Empty, "console errors");
            Assert.That(visit.Requests, Is.Empty, "network requests besides the page itself");
            Assert.That(visit.Title, Does.StartWith("M/M/6 validation: how many trucks a day can it take and keep the mean wait, inbound, at most 0.2 h?"));
            // The same numbers as the console's line, in the answer, with the target in words.
            Assert.That(visit.Text, Does.Contain($"The target holds up to a demand of {line.Groups[1].Value} trucks a day (95% confidence interval {line.Groups[2].Value} to {line.Groups[3].Value})"));
            Assert.That(visit.Text, Does.Contain("mean wait, inbound, at most 0.2 h"));
            // 3 replications: too few to quote, said right after the answer.
            Assert.That(visit.Text, Does.Contain("Before quoting it").And.Contain("Only 3 replications per demand level"));
            Assert.That(Regex.Count(File.ReadAllText(report), "<svg[ >]"), Is.EqualTo(1).And.EqualTo(Directory.GetFiles(output, "*.svg").Length), "the capacity plot inline");
            Assert.That(visit.Text, Does.Contain("Demand levels tried").And.Contain("How to read it"));
        });
    }

    [TestCase("en", "Best: booths 6.", "booths 5 misses 2 targets", "probability of correct selection")]
    [TestCase("vi", "Phương án tốt nhất: booths 6.", "booths 5 không đạt 2 mục tiêu", "xác suất chọn đúng")]
    public void The_report_of_an_optimization_loads_offline_and_gives_the_best_the_guarantee_and_every_target_missed(string language, string best, string misses, string guarantee)
    {
        // 5 servers at 440 a day (rho = 0.917) miss both the mean wait (<= 0.2 h; Erlang C 0.48 h) and its 95th percentile
        // (<= 0.8 h; 1.66 h); 6 servers meet both; 4 servers (384 a day) are overloaded.
        string output = Path.Combine(_directory, "optimize");
        var outcome = CliRunner.Run(
            "optimize", MMc, "--set", "directions.inbound.arrivals.trucks_per_day=440", "--vary", "booths=directions.inbound.stages.booth.servers=4,5,6", "--target", "wait_hours_mean/inbound/all<=0.2",
            "--target", "wait_hours_p95/inbound/all<=0.8", "--days", "10", "-o", output, "--lang", language);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        string report = Path.Combine(output, "report.html");

        using var browser = HeadlessChromium.Start(Chromium());
        HeadlessChromium.PageVisit visit = browser.Visit(report);
        SaveForLooking($"optimize-{language}.png", visit.Screenshot);
        Assert.Multiple(() =>
        {
            Assert.That(visit.ConsoleErrors, Is.Empty, "console errors");
            Assert.That(visit.Requests, Is.Empty, "network requests besides the page itself");
            Assert.That(visit.Text, Does.Contain(best));
            string lead = language == "vi" ? "Kết luận: booths 6." : "Answer: booths 6.";
            string warnings = language == "vi" ? "Lưu ý trước khi trích dẫn" : "Before quoting it";
            Assert.That(visit.Text.IndexOf(lead, StringComparison.Ordinal), Is.GreaterThanOrEqualTo(0).And.LessThan(visit.Text.IndexOf(warnings, StringComparison.Ordinal)), "the answer comes before the warnings");
            Assert.That(visit.Text, Does.Contain(guarantee));
            Assert.That(visit.Text, Does.Contain(misses));
            Assert.That(visit.Text, Does.Contain(language == "vi" ? "không quá 0,2 giờ" : "at most 0.2 h").And.Contain(language == "vi" ? "không quá 0,8 giờ" : "at most 0.8 h"));
            Assert.That(visit.Text, Does.Contain(language == "vi" ? "quá tải" : "is overloaded"), "the overloaded configuration is a warning");
            Assert.That(Regex.Count(File.ReadAllText(report), "<svg[ >]"), Is.EqualTo(1).And.EqualTo(Directory.GetFiles(output, "*.svg").Length), "the optimize plot inline");
        });
    }

    [Test]
    public void The_browser_check_sees_a_page_that_fetches_from_the_network_and_one_that_logs_an_error()
    {
        // Loopback only: nothing leaves the machine, and nothing listens on the discard port.
        string fetching = Path.Combine(_directory, "fetching.html");
        File.WriteAllText(fetching, "<!DOCTYPE html><html><head><title>t</title></head><body><img src=\"http://127.0.0.1:9/x.png\"></body></html>");
        string failing = Path.Combine(_directory, "failing.html");
        File.WriteAllText(failing, "<!DOCTYPE html><html><head><title>t</title></head><body><script>console.error('broken')</script></body></html>");

        using var browser = HeadlessChromium.Start(Chromium());
        HeadlessChromium.PageVisit fetched = browser.Visit(fetching);
        HeadlessChromium.PageVisit failed = browser.Visit(failing);
        Assert.Multiple(() =>
        {
            Assert.That(fetched.Requests, Does.Contain("http://127.0.0.1:9/x.png"));
            Assert.That(failed.ConsoleErrors, Has.Some.Contains("broken"));
        });
    }
}
