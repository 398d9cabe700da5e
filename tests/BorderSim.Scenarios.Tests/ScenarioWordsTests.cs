using BorderSim.Model.Results;

namespace BorderSim.Scenarios.Tests;

/// <summary>A scenario's name, description and the labels of its parts, in each report language (<c>{ en, vi }</c>, or one text for both).</summary>
public class ScenarioWordsTests
{
    private const string Crossing = """
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 3
        calendars:
          vn_gate: { time_zone: Asia/Ho_Chi_Minh, hours: { mon-sun: "07:00-19:00" }, label: { en: VN gate, vi: cửa khẩu phía Việt Nam } }
        roads:
          freight_road: { lanes: { export: 2, import: 2 }, crossing: fixed(4min), label: { en: freight road, vi: đường chuyên dụng } }
        classes:
          general: { share: 1, label: { en: general cargo, vi: hàng thông thường } }
        directions:
          export:
            label: { en: to China, vi: sang Trung Quốc }
            arrivals: { trucks_per_day: 200, hourly_profile: flat }
            stages:
              - check: { name: vn_customs, label: { en: VN customs, vi: hải quan VN }, servers: 4, calendar: vn_gate, service: exp(10min) }
              - road: freight_road
          import:
            arrivals: { trucks_per_day: 200, hourly_profile: flat }
            stages:
              - road: { name: freight_road, stage_name: road_in, label: import lanes }
              - yard: { name: vn_yard }
        """;

    private static ScenarioLoadResult Read(string top) => ScenarioReader.Read(new StringReader(top + "\n" + Crossing), "words.yaml");

    [Test]
    public void Name_description_and_labels_are_read_in_each_language_and_the_English_name_is_the_scenarios_name()
    {
        var result = Read("""
            name: { en: "Hữu Nghị, 6 lanes", vi: "Hữu Nghị, 6 làn" }
            description: { en: June peak, vi: cao điểm tháng 6 }
            """);
        Assert.That(result.Errors, Is.Empty);
        var s = result.Scenario!;
        Assert.Multiple(() =>
        {
            Assert.That(s.Name, Is.EqualTo("Hữu Nghị, 6 lanes"), "batch.csv and the CSV files take the English name");
            Assert.That(s.Words.Name, Is.EqualTo(new Bilingual("Hữu Nghị, 6 lanes", "Hữu Nghị, 6 làn")));
            Assert.That(s.Words.Description, Is.EqualTo(new Bilingual("June peak", "cao điểm tháng 6")));
            Assert.That(s.Words.Calendars["vn_gate"], Is.EqualTo(new Bilingual("VN gate", "cửa khẩu phía Việt Nam")));
            Assert.That(s.Words.Roads["freight_road"], Is.EqualTo(new Bilingual("freight road", "đường chuyên dụng")));
            Assert.That(s.Words.Classes["general"], Is.EqualTo(new Bilingual("general cargo", "hàng thông thường")));
            Assert.That(s.Words.Directions["export"], Is.EqualTo(new Bilingual("to China", "sang Trung Quốc")));
            Assert.That(s.Words.Directions.ContainsKey("import"), Is.False, "a part without a label has none");
            Assert.That(s.Words.Stages["vn_customs"], Is.EqualTo(new Bilingual("VN customs", "hải quan VN")));
            Assert.That(s.Words.Stages["freight_road"], Is.EqualTo(new Bilingual("freight road", "đường chuyên dụng")), "a road stage without a label takes its road's");
            Assert.That(s.Words.Stages["road_in"], Is.EqualTo(new Bilingual("import lanes", "import lanes")), "a road stage's own label, one text for both languages");
            Assert.That(s.Words.Stages.ContainsKey("vn_yard"), Is.False);
        });
    }

    [Test]
    public void A_plain_name_and_description_are_the_same_in_both_languages()
    {
        var result = Read("name: Hữu Nghị\ndescription: June peak");
        Assert.That(result.Errors, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(result.Scenario!.Name, Is.EqualTo("Hữu Nghị"));
            Assert.That(result.Scenario.Words.Name, Is.EqualTo(new Bilingual("Hữu Nghị", "Hữu Nghị")));
            Assert.That(result.Scenario.Description, Is.EqualTo("June peak"));
        });
    }

    [TestCase("name: { en: \" \", vi: x }", "name", "the scenario has no name", TestName = "A_blank_English_name_is_refused")]
    [TestCase("name: { vi: Hữu Nghị }", "name.en", "missing required key 'en'", TestName = "A_name_per_language_needs_its_English")]
    [TestCase("name: { en: a, vi: b, zh: c }", "name.zh", "unknown key 'zh'", TestName = "A_name_in_a_language_the_reports_do_not_speak_is_refused")]
    public void A_mistaken_name_is_refused_with_its_field(string top, string field, string message)
    {
        var result = Read(top);
        Assert.That(result.Errors.Select(e => (e.Field, e.Message)), Has.Some.Matches<(string Field, string Message)>(e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal)),
            string.Join("\n", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    [Test]
    public void A_blank_label_is_refused_at_its_line_and_column()
    {
        var result = ScenarioReader.Read(new StringReader("name: x\n" + Crossing.Replace("label: { en: VN customs, vi: hải quan VN }", "label: { en: VN customs, vi: \"  \" }", StringComparison.Ordinal)), "words.yaml");
        var error = result.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Field, Is.EqualTo("directions.export.stages[0].check.label"));
            Assert.That(error.Message, Is.EqualTo("the label is blank"));
            Assert.That(error.Line, Is.EqualTo(16));
        });
    }
}
