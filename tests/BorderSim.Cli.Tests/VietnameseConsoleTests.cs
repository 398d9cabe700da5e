using System.Globalization;
using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests;

/// <summary>
/// <c>--lang vi</c> reaches the console: each verb's answer, its progress lines and its errors are Vietnamese, with the
/// decimal comma, and say the same numbers as in English (the language changes words, never results).
/// </summary>
public partial class VietnameseConsoleTests : SearchCommandTests
{
    /// <summary>English words a Vietnamese line must not carry (an option such as --replications or a path such as trucks_per_day is no word).</summary>
    [GeneratedRegex(@"(?<![-\w./])(trucks|replications?|round|runs?|wrote|demand|capacity|comparing|failed|interrupted|done|error|warning|scenarios?|batch)(?![\w/])")]
    private static partial Regex EnglishWord();

    private static void AssertNoEnglish(string text) =>
        Assert.That(EnglishWord().Matches(text).Select(m => m.Value), Is.Empty, text);

    private static double Comma(string text) => double.Parse(text.Replace(',', '.'), CultureInfo.InvariantCulture);

    [Test]
    public void Capacity_in_Vietnamese_prints_its_answer_in_trucks_a_day_with_a_decimal_comma_and_the_English_numbers()
    {
        string[] quick = ["--target", "wait_hours_mean/inbound/all<=0.2", "--days", "4", "--replications", "3", "--tolerance", "0.05"];
        CliRunner.Outcome english = CliRunner.Run(["capacity", MMc, .. quick, "-o", Path.Combine(Folder, "en")]);
        CliRunner.Outcome vietnamese = CliRunner.Run(["capacity", MMc, .. quick, "-o", Path.Combine(Folder, "vi"), "--lang", "vi"]);
        Assert.That(vietnamese.ExitCode, Is.EqualTo(ExitCodes.Ok), vietnamese.Error);
        Match en = Regex.Match(english.Out, @"^capacity: ([\d.]+) trucks/day \(95% CI ([\d.]+)–([\d.]+)\)", RegexOptions.Multiline);
        Match vi = Regex.Match(vietnamese.Out, @"^năng lực thông quan: (\d+,\d) xe/ngày \(khoảng tin cậy 95%: (\d+,\d)–(\d+,\d)\)", RegexOptions.Multiline);
        Assert.That(en.Success && vi.Success, Is.True, english.Out + "\n" + vietnamese.Out);
        Assert.Multiple(() =>
        {
            for (int g = 1; g <= 3; g++)
            {
                Assert.That(Comma(vi.Groups[g].Value), Is.EqualTo(double.Parse(en.Groups[g].Value, CultureInfo.InvariantCulture)), "the same search, the same numbers");
            }

            Assert.That(vietnamese.Out, Does.Contain("thời gian chờ trung bình, chiều vào (giờ) ≤ 0,2 cho "));
            Assert.That(vietnamese.Error, Does.Contain("vòng 1: ").And.Contain("lần lặp mỗi hệ số"));
            AssertNoEnglish(vietnamese.Out);
            AssertNoEnglish(vietnamese.Error);
        });
    }

    [Test]
    public void Batch_and_compare_in_Vietnamese_say_their_progress_and_their_end_in_Vietnamese()
    {
        string small = CliRunner.WriteScenario(Folder, "small.yaml", CliRunner.SmallScenario);
        CliRunner.Outcome batch = CliRunner.Run("batch", small, "--sweep", "directions.export.arrivals.trucks_per_day=150,250", "-o", Path.Combine(Folder, "batch"), "--days", "2", "--replications", "2", "--lang", "vi");
        CliRunner.Outcome compare = CliRunner.Run("compare", small, small, "-o", Path.Combine(Folder, "compare"), "--days", "2", "--replications", "2", "--lang", "vi");
        Assert.Multiple(() =>
        {
            Assert.That(batch.ExitCode, Is.EqualTo(ExitCodes.Ok), batch.Error);
            Assert.That(batch.Out, Does.StartWith("chạy hàng loạt: 2 lần chạy: 2 đã chạy, 0 đã xong từ trước, 0 lỗi, 0 đầu vào không hợp lệ\n"));
            Assert.That(batch.Error, Does.Contain("[1/2] ").And.Contain(" xong ("));
            AssertNoEnglish(batch.Out);
            AssertNoEnglish(batch.Error);
            Assert.That(compare.ExitCode, Is.EqualTo(ExitCodes.Ok), compare.Error);
            Assert.That(compare.Error, Does.Contain("so sánh 2 kịch bản: mỗi kịch bản 2 lần lặp").And.Contain("lần lặp 4/4 xong"));
            AssertNoEnglish(compare.Out);
            AssertNoEnglish(compare.Error);
            Assert.That(File.Exists(Path.Combine(Folder, "compare", "results.xlsx")), Is.True);
        });
    }

    [Test]
    public void A_scenario_error_in_Vietnamese_keeps_its_file_line_and_column_and_says_what_was_expected()
    {
        string broken = CliRunner.WriteScenario(Folder, "broken.yaml", CliRunner.SmallScenario.Replace("servers: 4, calendar: vn_gate, service: exp(10min)", "servers: many, calendar: vn_gate, service: exp(10min)", StringComparison.Ordinal));
        CliRunner.Outcome outcome = CliRunner.Run("capacity", broken, "--target", "wait_hours_mean/export/all<=1", "-o", Path.Combine(Folder, "out"), "--lang", "vi");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Match(@"broken\.yaml:\d+:\d+: lỗi: directions\.export\.stages\[1\]\.check\.servers: cần một số nguyên, nhận được 'many'"));
            Assert.That(outcome.Error, Does.Not.Contain("at System."), "no stack trace");
        });
    }
}
