using BorderSim.Reporting.Html;
using NodaTime;

namespace BorderSim.Reporting.Tests;

public class ReportLanguageTests
{
    [TestCase(1234.5, "1,235", "1.235")]
    [TestCase(23.74, "23.7", "23,7")]
    [TestCase(2.2449, "2.24", "2,24")]
    [TestCase(0.0449, "0.045", "0,045")]
    [TestCase(-0.276, "−0.276", "−0,276")]
    [TestCase(4e-5, "0", "0")]
    [TestCase(-4e-5, "0", "0")]
    [TestCase(70167.2, "70,167", "70.167")]
    public void Numbers_follow_the_language_decimal_point_in_English_decimal_comma_in_Vietnamese(double value, string english, string vietnamese)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportLanguage.English.Number(value), Is.EqualTo(english));
            Assert.That(ReportLanguage.Vietnamese.Number(value), Is.EqualTo(vietnamese));
        });
    }

    [Test]
    public void Numbers_do_not_depend_on_the_machine_culture()
    {
        string[] shown = DecimalComma.Render(() => new[] { ReportLanguage.English.Number(1053.4), ReportLanguage.English.Percent(0.7346), ReportLanguage.Vietnamese.Percent(0.7346) });
        Assert.That(shown, Is.EqualTo(new[] { "1,053", "73.5%", "73,5%" }));
    }

    [Test]
    public void Float_noise_below_zero_is_a_plain_zero_percent()
    {
        Assert.That(ReportLanguage.English.Percent(-3.88e-16), Is.EqualTo("0.0%"));
    }

    [Test]
    public void Dates_directions_and_classes_are_in_the_planner_s_words()
    {
        var date = new LocalDate(2026, 6, 21);
        Assert.Multiple(() =>
        {
            Assert.That(ReportLanguage.English.Date(date), Is.EqualTo("21 Jun 2026"));
            Assert.That(ReportLanguage.Vietnamese.Date(date), Is.EqualTo("21/06/2026"));
            Assert.That(ReportLanguage.Vietnamese.Direction("import"), Is.EqualTo("nhập khẩu"));
            Assert.That(ReportLanguage.Vietnamese.Direction("export"), Is.EqualTo("xuất khẩu"));
            Assert.That(ReportLanguage.Vietnamese.Direction("inbound"), Is.EqualTo("chiều vào"));
            Assert.That(ReportLanguage.Vietnamese.Direction("outbound"), Is.EqualTo("chiều ra"));
            Assert.That(ReportLanguage.English.Direction("inbound"), Is.EqualTo("inbound"));
            Assert.That(ReportLanguage.Vietnamese.Direction("to_pingxiang"), Is.EqualTo("to_pingxiang"), "a direction the scenario named otherwise is kept as written");
            Assert.That(ReportLanguage.Vietnamese.Side("inbound"), Is.EqualTo("chiều vào"), "not chiều chiều vào");
            Assert.That(ReportLanguage.Vietnamese.Side("export"), Is.EqualTo("chiều xuất khẩu"));
            Assert.That(ReportLanguage.Vietnamese.Side("to_pingxiang"), Is.EqualTo("chiều to_pingxiang"));
            Assert.That(ReportLanguage.English.Side("outbound"), Is.EqualTo("outbound"));
            Assert.That(ReportLanguage.Vietnamese.CargoClass("fruit"), Is.EqualTo("trái cây"));
            Assert.That(ReportLanguage.Vietnamese.CargoClass("bananas"), Is.EqualTo("bananas"), "a class the scenario named is kept");
            Assert.That(ReportLanguage.FromCode("vi"), Is.SameAs(ReportLanguage.Vietnamese));
            Assert.That(ReportLanguage.FromCode("en"), Is.SameAs(ReportLanguage.English));
        });
    }

    [Test]
    public void The_95_percent_interval_is_written_from_the_mean_and_half_width()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportText.Interval(93.7, 12.8, ReportLanguage.English), Is.EqualTo("95% CI 80.9 to 107"));
            Assert.That(ReportText.Interval(93.7, 12.8, ReportLanguage.Vietnamese), Is.EqualTo("khoảng tin cậy 95%: 80,9 đến 107"));
            Assert.That(ReportText.Interval(5, double.NaN, ReportLanguage.English), Is.EqualTo("no interval (one replication)"));
        });
    }

    [Test]
    public void The_console_table_in_Vietnamese_has_the_planner_s_words_and_a_decimal_comma()
    {
        using var writer = new StringWriter();
        SummaryTable.Write(SampleResults.Realistic(days: 2), writer, ReportLanguage.Vietnamese);
        string table = writer.ToString();
        TestContext.Out.WriteLine(table);
        Assert.Multiple(() =>
        {
            Assert.That(table, Does.StartWith("Hữu Nghị 1119–1120, 6 lanes: 20 lần lặp, mỗi lần 2 ngày, khởi động 24,0 giờ (cố định trong kịch bản)\n"));
            Assert.That(table, Does.Contain("Số xe thông quan mỗi ngày\n"));
            Assert.That(table, Does.Match(@"\n  xuất khẩu +431 +± 9,80 +402 +461\n"));
            Assert.That(table, Does.Match(@"\n  trái cây  p95 +11,8 +± 0,900 +9,10 +14,5\n"));
            Assert.That(table, Does.Match(@"\n  xuất khẩu / vn_customs +0,437 +0,250 +0,030 +0,033 +0,250 +0,874\n"));
            Assert.That(table, Does.Contain("Điểm nghẽn, chiều nhập khẩu: vn_import_customs (bận 61,3% số giờ mở cửa"));
            Assert.That(table, Does.Contain("QUÁ TẢI, chiều nhập khẩu"));
            Assert.That(table, Does.Not.Contain("Trucks").And.Not.Contain("export"));
        });
    }

    [Test]
    public void A_line_of_the_load_check_is_worded_from_its_facts_in_vietnamese_and_as_the_model_says_it_in_english()
    {
        // optimize's Vietnamese console once printed the model's English "demand 690 trucks/day >= capacity 617 trucks/day at cn_inspection".
        var booth = new Model.Results.StageLoad("export", "cn_inspection", 690.4, 617);
        var classCap = new Model.Results.StageLoad("export", "cn_inspection" + Model.Experiments.LoadCheck.ClassCapInfix + "fruit", 300, 400);
        var shared = new Model.Results.StageLoad("export", Model.Experiments.LoadCheck.SharedCapPrefix + "cn_acceptance", 2300, 1920);
        var park = new Model.Results.StageLoad("export", Model.Experiments.LoadCheck.ParkPrefix + "lang_son_export", 900, 600);
        Assert.Multiple(() =>
        {
            Assert.That(ReportLanguage.English.Load(booth), Is.EqualTo("demand 690 trucks/day >= capacity 617 trucks/day at cn_inspection"));
            Assert.That(ReportLanguage.Vietnamese.Load(booth), Is.EqualTo("nhu cầu 690 xe/ngày ≥ năng lực 617 xe/ngày tại cn_inspection"));
            Assert.That(ReportLanguage.Vietnamese.Load(classCap), Is.EqualTo("nhu cầu 300 xe/ngày < năng lực 400 xe/ngày tại cn_inspection (trần cho trái cây)"));
            Assert.That(ReportLanguage.Vietnamese.Load(shared), Is.EqualTo("nhu cầu 2.300 xe/ngày ≥ năng lực 1.920 xe/ngày tại trần chung cn_acceptance"));
            Assert.That(ReportLanguage.Vietnamese.Load(park), Is.EqualTo("nhu cầu 900 xe/ngày ≥ năng lực 600 xe/ngày tại bãi tập kết lang_son_export"));
        });
    }
}
