using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Studies.Tests;

public class LeverChoiceTests
{
    private static readonly LeverSpec[] Levers =
    [
        new("import_lanes", new Bilingual("import lanes", "làn nhập"), "roads.freight_road_1119.lanes.import", new Bilingual("lanes", "làn"), "3"),
        new("vn_gate_hours", new Bilingual("VN gate hours", "giờ làm việc phía VN"), "calendars.vn_gate.hours.mon-sun", null, "07:00-19:00"),
    ];

    [TestCase("import_lanes=3,4,5", TestName = "Vary_names_a_lever_by_its_name")]
    [TestCase("import lanes=3,4,5", TestName = "Vary_names_a_lever_by_its_english_label")]
    [TestCase("làn nhập=3,4,5", TestName = "Vary_names_a_lever_by_its_vietnamese_label")]
    [TestCase("Làn Nhập=3:5:1", TestName = "Vary_names_a_lever_by_its_label_in_any_case_and_takes_a_range")]
    [TestCase("roads.freight_road_1119.lanes.import=3,4,5", TestName = "Vary_by_a_levers_path_takes_the_levers_label")]
    public void A_vary_that_names_a_lever_varies_its_path_under_its_label(string text)
    {
        Assert.That(LeverChoice.TryParseVary(text, Levers, null, out var sweep, out var lever, out string error), Is.True, error);
        Assert.Multiple(() =>
        {
            Assert.That(sweep!.Path, Is.EqualTo("roads.freight_road_1119.lanes.import"));
            Assert.That(sweep.Values, Is.EqualTo(new[] { "3", "4", "5" }));
            Assert.That(lever, Is.EqualTo(Levers[0]));
        });
    }

    [Test]
    public void A_label_given_before_a_path_labels_that_path()
    {
        Assert.That(LeverChoice.TryParseVary("CN hours=calendars.cn_gate.hours.mon-sun=08:00-20:00,07:00-23:00", Levers, null, out var sweep, out var lever, out string error), Is.True, error);
        Assert.Multiple(() =>
        {
            Assert.That(sweep!.Path, Is.EqualTo("calendars.cn_gate.hours.mon-sun"));
            Assert.That(sweep.Values, Is.EqualTo(new[] { "08:00-20:00", "07:00-23:00" }));
            Assert.That(lever!.Label, Is.EqualTo(new Bilingual("CN hours", "CN hours")));
        });
    }

    [Test]
    public void A_path_without_a_lever_is_labelled_by_its_stage_and_what_it_sets()
    {
        // It was labelled with the path itself. Without a scenario the stage is named as the path names it.
        Assert.That(LeverChoice.TryParseVary("directions.export.stages.cn_inspection.servers=6,8", Levers, null, out _, out var lever, out _), Is.True);
        Assert.That(lever!.Label, Is.EqualTo(new Bilingual("cn_inspection: servers", "cn_inspection: số bàn")));
    }

    [Test]
    public void A_label_the_scenario_does_not_declare_is_refused_with_the_levers_it_does()
    {
        Assert.That(LeverChoice.TryParseVary("export lanes=3,4", Levers, null, out _, out _, out string error), Is.False);
        Assert.That(error, Does.StartWith("--vary 'export lanes=3,4': 'export lanes' is neither a lever of the scenario nor a path").And.Contains("import_lanes (import lanes, làn nhập)"));
    }
}
